# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from odoo.addons.itss_capability.tests.common import RefusalAssertions


class ServiceDeskCase(RefusalAssertions, TransactionCase):
    """Shared fixtures: ITSS role users, a customer service project, a team and helpdesk stages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.engineer = new_test_user(cls.env, "sd_t_engineer", groups="itss_capability.group_itss_user")
        cls.engineer2 = new_test_user(cls.env, "sd_t_engineer2", groups="itss_capability.group_itss_user")
        cls.manager = new_test_user(cls.env, "sd_t_manager", groups="itss_capability.group_itss_manager")
        cls.executive = new_test_user(cls.env, "sd_t_exec", groups="itss_capability.group_itss_executive")
        cls.customer = cls.env["res.partner"].create({"name": "Test Hospital", "is_company": True})
        cls.project = cls.env["itss.service.project"].create({
            "name": "Test hospital O&M", "partner_id": cls.customer.id, "state": "active",
        })
        cls.team = cls.env["helpdesk.ticket.team"].create({
            "name": "Test desk", "user_ids": [(6, 0, [cls.engineer.id, cls.engineer2.id])],
        })
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.ensure_full_matrix(cls.company)

    @classmethod
    def ensure_full_matrix(cls, company):
        """Give ``company`` a complete 4×4 matrix (demo data may belong to another company)."""
        Matrix = cls.env["itss.priority.matrix"]
        for impact in "1234":
            for urgency in "1234":
                if not Matrix._priority_for(impact, urgency, company):
                    total = int(impact) + int(urgency)
                    priority = "P1" if total <= 2 else "P2" if total <= 4 else "P3" if total <= 6 else "P4"
                    Matrix.create({"impact": impact, "urgency": urgency, "priority": priority,
                                   "company_id": company.id})

    def make_ticket(self, **vals):
        """A ticket on the test project, created as the engineer unless ``env`` is given."""
        env = vals.pop("env", self.env)
        return env["helpdesk.ticket"].create({
            "name": "HIS server unreachable",
            "description": "<p>The HIS application server does not answer.</p>",
            "service_project_id": self.project.id,
            "partner_id": self.customer.id,
            "team_id": self.team.id,
            **vals,
        })



class ChangeCase(RefusalAssertions, TransactionCase):
    """Shared fixtures: one user per role, two change approvers, a service project and a CI."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.engineer = new_test_user(cls.env, "chg_engineer", groups="itss_capability.group_itss_user")
        cls.manager = new_test_user(cls.env, "chg_manager", groups="itss_capability.group_itss_manager")
        cls.qa = new_test_user(cls.env, "chg_qa", groups="itss_capability.group_itss_qa")
        cls.executive = new_test_user(cls.env, "chg_exec", groups="itss_capability.group_itss_executive")
        cls.approver = new_test_user(cls.env, "chg_approver",
                                     groups="itss_service_desk.group_itss_change_approver")
        cls.approver2 = new_test_user(cls.env, "chg_approver2",
                                      groups="itss_service_desk.group_itss_change_approver")
        customer = cls.env["res.partner"].create({"name": "Change Test Hospital", "is_company": True})
        cls.project = cls.env["itss.service.project"].create({
            "name": "Change test O&M", "partner_id": customer.id, "state": "active",
        })
        cls.equipment = cls.env["maintenance.equipment"].create({"name": "HIS DB server 01"})
        # maintenance lets plain users see only the equipment they follow.
        cls.equipment.message_subscribe(partner_ids=(cls.engineer | cls.approver).partner_id.ids)

    @classmethod
    def make_change(cls, user=None, **vals):
        return cls.env["itss.change.request"].with_user(user or cls.engineer).create({
            "name": "Upgrade HIS database",
            "reason": "Vendor end of support",
            "project_id": cls.project.id,
            "equipment_ids": [(6, 0, cls.equipment.ids)],
            **vals,
        })
