# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ItssCase


@tagged("post_install", "-at_install")
class TestServiceCatalog(ItssCase):
    """The service catalog (服务目录): publish, revise, retire; projects subscribe published services."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Service = cls.env["itss.catalog.service"].with_user(cls.manager)
        cls.service = Service.create({
            "name": "Database O&M", "code": "T-DB", "delivery_mode": "onsite",
            "description": "<p>Monitoring, backup and tuning of the customer's databases.</p>",
            "process_ids": [Command.set(cls.process_incident.ids)],
        })
        cls.service.action_publish()
        cls.draft = Service.create({"name": "Desktop O&M", "code": "T-DESK", "description": "<p>PCs.</p>"})

    def test_publish_freezes_content(self):
        """Publishing records version, date and publisher; the published content is then refused."""
        self.assertEqual(self.service.state, "published")
        self.assertEqual(self.service.published_by_id, self.manager)
        self.assertEqual(self.service.version, 1)
        with self.assertRefused(AccessError, "revise it"):
            self.service.with_user(self.manager).write({"name": "Another name"})
        self.assertEqual(self.service.name, "Database O&M")

    def test_revise_is_a_new_version(self):
        """Revising sends a published service back to draft as version 2, still subscribed."""
        self.project.with_user(self.manager).catalog_service_ids = self.service
        self.service.with_user(self.manager).action_revise()
        self.assertEqual((self.service.state, self.service.version), ("draft", 2))
        self.service.with_user(self.manager).write({"name": "Database O&M (7x24)"})
        self.service.with_user(self.manager).action_publish()
        self.assertEqual(self.service.state, "published")
        self.assertEqual(self.project.catalog_service_ids, self.service)

    def test_publish_needs_description(self):
        """A service without a description cannot be published."""
        empty = self.env["itss.catalog.service"].with_user(self.manager).create({"name": "Empty", "code": "T-E"})
        with self.assertRefused(UserError, "Describe the service"):
            empty.action_publish()
        self.assertEqual(empty.state, "draft")

    def test_roles(self):
        """Engineers, QA and executives read the catalog; only managers create, publish or retire."""
        for user in (self.engineer, self.qa, self.executive):
            self.assertTrue(self.service.with_user(user).read(["name"]))
            with self.assertRefused(AccessError, "not allowed"):
                self.env["itss.catalog.service"].with_user(user).create({"name": "X", "code": "X"})
            with self.assertRefused(AccessError, "Only O&M managers"):
                self.draft.with_user(user).action_publish()
        with self.assertRefused(AccessError, "set by its actions"):
            self.draft.with_user(self.manager).write({"state": "published"})
        self.assertEqual(self.draft.state, "draft")

    def test_subscribe_only_published(self):
        """A project subscribes published services only; a draft one is refused and nothing is written."""
        project = self.project.with_user(self.manager)
        project.catalog_service_ids = self.service
        with self.assertRefused(ValidationError, "Only published catalog services"):
            project.write({"catalog_service_ids": [Command.link(self.draft.id)]})
        self.assertEqual(project.catalog_service_ids, self.service)

    def test_retire_refused_while_subscribed(self):
        """A service still subscribed by a running project cannot be retired; once it is closed, it can."""
        self.project.with_user(self.manager).catalog_service_ids = self.service
        with self.assertRefused(UserError, "still subscribed by"):
            self.service.with_user(self.manager).action_retire()
        self.assertEqual(self.service.state, "published")
        self.project.with_user(self.manager).action_close()
        self.service.with_user(self.manager).action_retire()
        self.assertEqual(self.service.state, "retired")

    def test_published_not_deleted(self):
        """A published service cannot be deleted, a draft one can."""
        with self.assertRefused(UserError, "retire it"):
            self.service.with_user(self.manager).unlink()
        self.draft.with_user(self.manager).unlink()

    def test_company_isolation(self):
        """Another company's manager reads none of this catalog and cannot subscribe its services."""
        company_b = self.env["res.company"].create({"name": "Company B"})
        manager_b = new_test_user(self.env, "t_cat_manager_b", groups="itss_capability.group_itss_manager",
                                  company_id=company_b.id, company_ids=[company_b.id])
        self.assertFalse(self.env["itss.catalog.service"].with_user(manager_b).search([("code", "like", "T-")]))
        with self.assertRaises(AccessError):
            self.service.with_user(manager_b).read(["name"])
