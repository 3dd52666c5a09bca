# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.itss_capability.tests.common import ItssBaseCase


@tagged("post_install", "-at_install")
class TestServiceDeskRoles(ItssBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users("sd", "engineer", "manager", "executive")

    def test_engineer_works_tickets(self):
        """An O&M engineer is a helpdesk user: they log and read service desk tickets."""
        self.assertTrue(self.engineer.has_group("helpdesk_mgmt.group_helpdesk_user"))
        ticket = self.env["helpdesk.ticket"].with_user(self.engineer).create({
            "name": "Core switch port flapping",
            "description": "<p>Port Gi1/0/24 goes up and down every few minutes.</p>",
            "user_id": self.engineer.id,
        })
        self.assertEqual(ticket.with_user(self.engineer).name, "Core switch port flapping")

    def test_manager_runs_desk_and_cmdb(self):
        """An O&M manager manages the helpdesk and the configuration items (equipment)."""
        self.assertTrue(self.manager.has_group("helpdesk_mgmt.group_helpdesk_manager"))
        equipment = self.env["maintenance.equipment"].with_user(self.manager).create({"name": "HIS DB server 01"})
        self.assertTrue(equipment.exists())

    def test_executive_cannot_log_tickets(self):
        """The read-only executive role gets no helpdesk write rights from the suite."""
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].with_user(self.executive).create({
                "name": "Should fail", "description": "<p>x</p>",
            })
