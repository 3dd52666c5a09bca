# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

# Who approves the plan (and takes an approved plan back to draft).
APPROVER_GROUPS = ("hr.group_hr_manager", "itss_capability.group_itss_executive")
# Who prepares the plan (takes the snapshot of the posts).
PREPARER_GROUPS = ("hr.group_hr_user", "itss_capability.group_itss_manager")


class ItssHrPlan(models.Model):
    """The yearly O&M human-resources plan (运维人力资源计划)."""

    _name = "itss.hr.plan"
    _description = "O&M Human Resources Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, default=lambda self: self.env._("O&M Human Resources Plan"))
    year = fields.Integer(required=True, default=lambda self: self.env.company._itss_today().year, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    state = fields.Selection([("draft", "Draft"), ("approved", "Approved")], default="draft", required=True,
                             readonly=True, tracking=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approved_date = fields.Date(string="Approved On", readonly=True, copy=False)
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

    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(self.env._(
                    "The year %(year)s of the O&M human-resources plan must be between 2000 and 2100.",
                    year=plan.year))

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state == "approved" else frozenset()

    def _itss_locked_message(self, field_label):
        return self.env._(
            "The O&M human-resources plan %(plan)s is approved: set it back to draft before changing it.",
            plan=self.display_name)

    def action_refresh_lines(self):
        """Take a snapshot of every O&M post's (post with an ITSS grade) needed headcount, holders,
        reserve and reserve rate."""
        plans = self._itss_action(PREPARER_GROUPS, message=self.env._(
            "Only HR officers and O&M managers prepare the O&M human-resources plan."))
        for plan in plans:
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

    def _itss_approver_action(self):
        return self._itss_action(APPROVER_GROUPS, access="read", message=self.env._(
            "Only HR managers and executives approve the O&M human-resources plan."))

    def action_approve(self):
        """HR managers and executives approve the plan: its figures are frozen until set back to draft."""
        plans = self._itss_approver_action()
        for plan in plans:
            if plan.state != "draft":
                raise UserError(self.env._("Plan %(plan)s is already approved.", plan=plan.display_name))
            if not plan.line_ids:
                raise UserError(self.env._(
                    "Plan %(plan)s has no posts: refresh it from the posts before approving.",
                    plan=plan.display_name))
        plans.write({"state": "approved", "approved_by_id": self.env.uid,
                     "approved_date": self.env.company._itss_today()})
        return True

    def action_draft(self):
        """Set an approved plan back to draft (its approval is withdrawn)."""
        plans = self._itss_approver_action()
        plans.write({"state": "draft", "approved_by_id": False, "approved_date": False})
        return True
