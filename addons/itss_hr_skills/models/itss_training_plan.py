# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

# Who approves, closes and reopens the annual training plan.
APPROVER_GROUPS = ("hr.group_hr_manager", "itss_capability.group_itss_manager")


class ItssTrainingPlan(models.Model):
    """The annual training plan (年度培训计划): the courses of the O&M curriculum planned for a year."""

    _name = "itss.training.plan"
    _description = "Annual Training Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(required=True, tracking=True, default=lambda self: self.env.company._itss_today().year)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    responsible_id = fields.Many2one("res.users", tracking=True, default=lambda self: self.env.user)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("closed", "Closed")],
        default="draft", required=True, readonly=True, tracking=True, copy=False,
        help="Only approved and closed plans count in the training completion rate.")
    line_ids = fields.One2many("itss.training.plan.line", "plan_id", string="Planned Trainings", copy=True)
    planned_count = fields.Integer(string="Planned", compute="_compute_counts", store=True)
    held_count = fields.Integer(string="Held", compute="_compute_counts", store=True)
    completion_rate = fields.Float(string="Completion (%)", compute="_compute_counts", store=True,
                                   aggregator="avg")
    note = fields.Html()

    _year_company_unique = models.Constraint(
        "UNIQUE(year, company_id)", "There is already a training plan for this year in this company.")

    @api.depends("line_ids.is_held")
    def _compute_counts(self):
        for plan in self:
            plan.planned_count = len(plan.line_ids)
            plan.held_count = len(plan.line_ids.filtered("is_held"))
            plan.completion_rate = (
                round(100.0 * plan.held_count / plan.planned_count, 2) if plan.planned_count else 0.0)

    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(self.env._(
                    "The year of training plan %(plan)s must be between 2000 and 2100.", plan=plan.name))

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state == "closed" else frozenset()

    def _itss_approver_action(self):
        return self._itss_action(APPROVER_GROUPS, message=self.env._(
            "Only HR managers and O&M managers approve, close or reopen the training plan."))

    def action_approve(self):
        """Approve the plan: its trainings count in the training completion rate."""
        plans = self._itss_approver_action()
        for plan in plans:
            if plan.state != "draft":
                raise UserError(self.env._("Only a draft training plan can be approved: %(plan)s.", plan=plan.name))
            if not plan.line_ids:
                raise UserError(self.env._(
                    "Training plan %(plan)s has no planned training: add the courses first.", plan=plan.name))
        plans.write({"state": "approved"})
        return True

    def action_close(self):
        """Close the year's plan: it becomes a record and no longer changes."""
        plans = self._itss_approver_action()
        for plan in plans:
            if plan.state != "approved":
                raise UserError(self.env._("Only an approved training plan can be closed: %(plan)s.", plan=plan.name))
        plans.write({"state": "closed"})
        return True

    def action_draft(self):
        """Take the plan back to draft (it stops counting in the completion rate)."""
        plans = self._itss_approver_action()
        plans.write({"state": "draft"})
        return True
