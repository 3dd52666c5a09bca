# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestServiceDeskRoles(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer = new_test_user(cls.env, "sd_engineer", groups="itss_capability.group_itss_user")
        cls.manager = new_test_user(cls.env, "sd_manager", groups="itss_capability.group_itss_manager")
        cls.executive = new_test_user(cls.env, "sd_exec", groups="itss_capability.group_itss_executive")

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
