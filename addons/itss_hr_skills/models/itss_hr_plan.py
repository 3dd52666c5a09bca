# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError


class ItssHrPlan(models.Model):
    """The yearly O&M human-resources plan (运维人力资源计划)."""

    _name = "itss.hr.plan"
    _description = "O&M Human Resources Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, default=lambda self: self.env._("O&M Human Resources Plan"))
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    state = fields.Selection([("draft", "Draft"), ("approved", "Approved")], default="draft", required=True,
                             tracking=True)
    approved_by_id = fields.Many2one("res.users", readonly=True)
    current_state = fields.Html(help="Current headcount by post and grade, turnover, strengths and weaknesses.")
    needs_analysis = fields.Html()
    recruitment_plan = fields.Html()
    reserve_plan = fields.Html()
    training_plan = fields.Html()
    line_ids = fields.One2many("itss.hr.plan.line", "plan_id", string="Posts")
    total_needed = fields.Integer(compute="_compute_totals")
    total_staff = fields.Integer(compute="_compute_totals")
    total_reserve = fields.Integer(compute="_compute_totals")

    _year_company_unique = models.Constraint(
        "UNIQUE(year, company_id)", "The company already has an O&M human-resources plan for this year."
    )

    @api.depends("line_ids.headcount_needed", "line_ids.holder_count", "line_ids.reserve_member_count")
    def _compute_totals(self):
        for plan in self:
            plan.total_needed = sum(plan.line_ids.mapped("headcount_needed"))
            plan.total_staff = sum(plan.line_ids.mapped("holder_count")) + sum(
                plan.line_ids.mapped("reserve_member_count"))
            plan.total_reserve = sum(plan.line_ids.mapped("reserve_headcount"))

    def action_refresh_lines(self):
        """Take a snapshot of every O&M post's (post with an ITSS grade) needed headcount, holders,
        reserve and reserve rate."""
        for plan in self:
            if plan.state != "draft":
                raise UserError(self.env._("An approved plan keeps its figures: set it back to draft first."))
            jobs = self.env["hr.job"].search([
                ("company_id", "in", [plan.company_id.id, False]), ("itss_grade_id", "!=", False),
            ])
            plan.line_ids = [Command.clear()] + [Command.create({
                "job_id": job.id,
                "grade_id": job.itss_grade_id.id,
                "headcount_needed": job.headcount_needed,
                "holder_count": job.holder_count,
                "reserve_member_count": job.reserve_member_count,
                "reserve_headcount": job.reserve_headcount,
                "has_reserve_rate": job.has_reserve_rate,
                "reserve_rate": job.reserve_rate,
                "reserve_target": job.reserve_target,
            }) for job in jobs]
        return True

    def action_approve(self):
        allowed = ("hr.group_hr_manager", "itss_capability.group_itss_executive")
        if not self.env.su and not any(self.env.user.has_group(group) for group in allowed):
            raise AccessError(self.env._("Only HR managers and executives approve the O&M human-resources plan."))
        self.sudo().write({"state": "approved", "approved_by_id": self.env.user.id})

    def action_draft(self):
        self.write({"state": "draft"})
