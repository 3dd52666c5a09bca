# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class ItssHrPlanLine(models.Model):
    """A post's figures in the O&M human-resources plan (snapshot taken when refreshed)."""

    _name = "itss.hr.plan.line"
    _description = "O&M Human Resources Plan Post"
    _order = "plan_id, grade_id, job_id"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "plan_id"

    plan_id = fields.Many2one("itss.hr.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    job_id = fields.Many2one("hr.job", string="Post", required=True)
    grade_id = fields.Many2one("itss.engineer.grade")
    headcount_needed = fields.Integer(string="Needed (N)", readonly=True)
    holder_count = fields.Integer(string="Holders (H)", readonly=True)
    reserve_member_count = fields.Integer(string="Reserve Members (V)", readonly=True)
    reserve_headcount = fields.Integer(string="Reserve (R)", readonly=True)
    has_reserve_rate = fields.Boolean(readonly=True)
    reserve_rate = fields.Float(string="Reserve Rate (%)", aggregator="avg", readonly=True)
    reserve_target = fields.Float(string="Target (%)", readonly=True)
    reserve_rate_display = fields.Char(string="Reserve Rate", compute="_compute_reserve_rate_display")
    recruitment = fields.Integer(string="To Recruit", help="Planned recruitment for the post this year.")
    note = fields.Char()

    def _itss_locked_message(self, field_label):
        """Lines are frozen with their parent: the parent's message."""
        return self.plan_id.sudo()._itss_locked_message(field_label)

    @api.depends("reserve_rate", "has_reserve_rate")
    def _compute_reserve_rate_display(self):
        for line in self:
            line.reserve_rate_display = f"{line.reserve_rate:.1f} %" if line.has_reserve_rate else self.env._("n/a")
