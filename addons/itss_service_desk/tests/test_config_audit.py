# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.itss_capability.tests.common import ItssCase


@tagged("post_install", "-at_install")
class TestConfigAudit(ItssCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cis = cls.env["maintenance.equipment"].create([{"name": f"T CI {i}"} for i in range(4)])
        cls.audit = cls.env["itss.config.audit"].create({
            "name": "T quarterly audit", "project_id": cls.project.id, "auditor_id": cls.engineer.id,
        })

    def test_accuracy(self):
        """Accuracy is matching over sampled CIs, stored and averaged by a grouped read."""
        self.audit.line_ids = [(0, 0, {"equipment_id": ci.id, "matches": i != 0}) for i, ci in enumerate(self.cis)]
        self.assertEqual((self.audit.sampled_count, self.audit.matching_count), (4, 3))
        self.assertAlmostEqual(self.audit.accuracy, 75.0)
        [(avg,)] = self.env["itss.config.audit"]._read_group(
            [("id", "=", self.audit.id)], [], ["accuracy:avg"])
        self.assertAlmostEqual(avg, 75.0)
        self.audit.with_user(self.engineer).action_close()
        self.assertEqual(self.audit.state, "closed")

    def test_close_without_lines_refused(self):
        """An audit without sampled CIs cannot be closed."""
        with self.assertRefused(UserError, "no sampled configuration items"):
            self.audit.action_close()

    def test_roles(self):
        """QA and executives read audits but cannot change them."""
        self.assertEqual(self.audit.with_user(self.qa).name, "T quarterly audit")
        with self.assertRaises(AccessError):
            self.audit.with_user(self.executive).write({"name": "x"})
