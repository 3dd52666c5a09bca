# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import new_test_user

from odoo.addons.itss_capability.tests.common import ItssBaseCase


class ServiceDeskCase(ItssBaseCase):
    """Shared fixtures: ITSS role users, a customer service project, a team and helpdesk stages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.role_users("sd_t", "engineer", "manager", "executive")
        cls.engineer2 = new_test_user(cls.env, "sd_t_engineer2", groups="itss_capability.group_itss_user")
        cls.project = cls.make_project("Test hospital O&M", "Test Hospital")
        cls.customer = cls.project.partner_id
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
        existing = Matrix._matrix(company.id)
        Matrix.create([
            {"impact": impact, "urgency": urgency, "company_id": company.id,
             "priority": ("P1", "P2", "P2", "P3", "P3", "P4", "P4")[int(impact) + int(urgency) - 2]}
            for impact in "1234" for urgency in "1234"
            if not existing.get((impact, urgency))
        ])

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



class ChangeCase(ItssBaseCase):
    """Shared fixtures: one user per role, two change approvers, a service project and a CI."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users("chg")
        cls.approver = new_test_user(cls.env, "chg_approver",
                                     groups="itss_service_desk.group_itss_change_approver")
        cls.approver2 = new_test_user(cls.env, "chg_approver2",
                                      groups="itss_service_desk.group_itss_change_approver")
        cls.project = cls.make_project("Change test O&M", "Change Test Hospital")
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
