# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .itss_priority_matrix import PRIORITIES

CLOCK_KEYS = {
    "hours", "days", "ignore_stage_ids", "escalation_leader_percent", "escalation_manager_percent",
}


class HelpdeskSla(models.Model):
    """ITSS service level targets: per customer project and priority, response or resolution."""

    _inherit = "helpdesk.sla"

    itss_target = fields.Selection(
        [("response", "First Response"), ("resolution", "Resolution")],
        string="Target",
        default="resolution",
        required=True,
        tracking=True,
        help="First response: met by the first public reply or on-site arrival. "
        "Resolution: met when the ticket reaches the target stage.",
    )
    itss_priority = fields.Selection(
        PRIORITIES, string="Priority", tracking=True, help="Leave empty for every priority."
    )
    service_project_ids = fields.Many2many(
        "itss.service.project",
        "helpdesk_sla_itss_service_project_rel",
        "sla_id",
        "project_id",
        string="Service Projects",
        help="Leave empty for every project. The project's service hours count the time.",
    )
    escalation_leader_percent = fields.Integer(
        string="Escalate to Team Leader at (%)",
        default=75,
        help="Share of the target elapsed when the team leader gets an activity.",
    )
    escalation_manager_percent = fields.Integer(
        string="Escalate to O&M Manager at (%)",
        default=100,
        help="Share of the target elapsed when the project's O&M manager gets an activity.",
    )

    def write(self, vals):
        res = super().write(vals)
        if CLOCK_KEYS & vals.keys():
            self._itss_recompute_open_clocks()
        return res

    def _itss_recompute_open_clocks(self):
        """A changed target applies to the tickets still running under it, from their report time."""
        rows = self.env["helpdesk.ticket.sla"].sudo().search([
            ("sla_id", "in", self.ids), ("state", "in", ("in_progress", "on_hold")),
        ])
        for field in ("hours", "deadline"):
            self.env.add_to_compute(rows._fields[field], rows)

    @api.constrains("escalation_leader_percent", "escalation_manager_percent")
    def _check_escalation_percents(self):
        for sla in self:
            leader, manager = sla.escalation_leader_percent, sla.escalation_manager_percent
            if not (0 < leader <= 200 and 0 < manager <= 200) or leader >= manager:
                raise ValidationError(self.env._(
                    "SLA %(sla)s: escalation percentages must lie between 1 and 200, the team "
                    "leader's below the O&M manager's.",
                    sla=sla.name,
                ))
