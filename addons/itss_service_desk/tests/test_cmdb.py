# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.itss_capability.tests.common import ItssCase


@tagged("post_install", "-at_install")
class TestCmdb(ItssCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ci_type = cls.env["itss.ci.type"].create({"name": "Test server type"})
        Equipment = cls.env["maintenance.equipment"]
        cls.storage, cls.db, cls.app, cls.web, cls.switch = Equipment.create([
            {"name": name, "ci_type_id": cls.ci_type.id, "project_id": cls.project.id}
            for name in ("T storage", "T db server", "T HIS app", "T web portal", "T switch")
        ])
        Relation = cls.env["itss.ci.relation"]
        Relation.create([
            {"source_id": cls.db.id, "relation_type": "runs_on", "target_id": cls.storage.id},
            {"source_id": cls.app.id, "relation_type": "runs_on", "target_id": cls.db.id},
            {"source_id": cls.web.id, "relation_type": "depends_on", "target_id": cls.app.id},
            {"source_id": cls.switch.id, "relation_type": "connected_to", "target_id": cls.storage.id},
        ])

    def test_impact_transitive(self):
        """The impact of the storage is every CI running on or depending on it, transitively."""
        self.assertEqual(self.storage._impacted_cis(), self.db | self.app | self.web)
        self.assertEqual(self.app._impacted_cis(), self.web)
        action = self.storage.action_view_impact()
        self.assertEqual(set(action["domain"][0][2]), set((self.db | self.app | self.web).ids))

    def test_impact_cycle_terminates(self):
        """A dependency cycle does not loop forever and never lists the CI itself."""
        self.env["itss.ci.relation"].create(
            {"source_id": self.storage.id, "relation_type": "depends_on", "target_id": self.web.id})
        self.assertEqual(self.storage._impacted_cis(), self.db | self.app | self.web)

    def test_impact_uses_grouped_reads(self):
        """The impact costs one grouped read per level of the graph, not one query per CI."""
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            self.storage._impacted_cis()

    def test_relation_to_itself_refused(self):
        """A CI cannot be related to itself."""
        with self.assertRefused(ValidationError, "related to itself"):
            self.env["itss.ci.relation"].create(
                {"source_id": self.db.id, "relation_type": "depends_on", "target_id": self.db.id})

    def test_duplicate_relation_refused(self):
        """The same relation cannot be recorded twice."""
        with self.assertRefused(ValidationError, "already exists"):
            self.env["itss.ci.relation"].create(
                {"source_id": self.db.id, "relation_type": "runs_on", "target_id": self.storage.id})

    def test_attributes_and_tracking(self):
        """CIs carry attribute lines and log changes of their CMDB fields in the chatter."""
        self.env.cr.precommit.run()  # creation in setUpClass discarded tracking until the next commit
        ci = self.db.with_env(self.env(context={}))
        ci.write({"ci_attribute_ids": [(0, 0, {"name": "CPU", "value": "32 cores"})]})
        self.assertEqual(ci.ci_attribute_ids.value, "32 cores")
        ci.write({"ci_location": "Machine room A, rack 3", "ci_type_id": self.env["itss.ci.type"].create(
            {"name": "T database type"}).id})
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = ci.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("ci_location", tracked)
        self.assertIn("ci_type_id", tracked)

    def test_onchange_project_sets_customer(self):
        """The customer follows the service project."""
        ci = self.env["maintenance.equipment"].new({"name": "x", "project_id": self.project.id})
        ci._onchange_project_id()
        self.assertEqual(ci.customer_id, self.customer)

    def test_roles(self):
        """Engineers record relations; QA and executives only read them."""
        relation = self.env["itss.ci.relation"].with_user(self.engineer).create(
            {"source_id": self.web.id, "relation_type": "connected_to", "target_id": self.switch.id})
        self.assertEqual(relation.with_user(self.qa).target_id, self.switch)
        with self.assertRaises(AccessError):
            relation.with_user(self.executive).unlink()
        with self.assertRaises(AccessError):
            self.env["itss.ci.type"].with_user(self.engineer).create({"name": "x"})
