# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class ItssTrainingPlan(models.Model):
    """The annual training plan (年度培训计划): the courses of the O&M curriculum planned for a year."""

    _name = "itss.training.plan"
    _description = "Annual Training Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(required=True, tracking=True, default=lambda self: fields.Date.context_today(self).year)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    responsible_id = fields.Many2one("res.users", tracking=True, default=lambda self: self.env.user)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("closed", "Closed")],
        default="draft", required=True, tracking=True,
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

    def action_approve(self):
        for plan in self:
            if not plan.line_ids:
                raise UserError(self.env._(
                    "Training plan %(plan)s has no planned training: add the courses first.", plan=plan.name))
        self.write({"state": "approved"})

    def action_close(self):
        self.write({"state": "closed"})

    def action_draft(self):
        self.write({"state": "draft"})
