# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

HELD_STATES = ("in_validation", "completed")


class ItssTrainingPlanLine(models.Model):
    """One training of the annual plan: a course to hold in a given month."""

    _name = "itss.training.plan.line"
    _description = "Planned Training"
    _order = "planned_date, id"
    _check_company_auto = True
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "plan_id"

    plan_id = fields.Many2one("itss.training.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    plan_state = fields.Selection(related="plan_id.state", store=True, string="Plan Status")
    course_id = fields.Many2one("hr.course", required=True, index=True)
    planned_date = fields.Date(required=True, help="When the training is planned (counts for that period).")
    audience = fields.Char(help="Who should attend, e.g. junior network engineers, on-site staff.")
    session_ids = fields.One2many("hr.course.schedule", "plan_line_id", string="Sessions")
    is_held = fields.Boolean(
        string="Held", compute="_compute_is_held", store=True,
        help="A session of this planned training took place (results being validated or completed).")
    held_date = fields.Date(compute="_compute_is_held", store=True)

    def _itss_locked_message(self, field_label):
        """Lines are frozen with their parent: the parent's message."""
        return self.plan_id.sudo()._itss_locked_message(field_label)

    @api.depends("session_ids.state", "session_ids.end_date", "session_ids.start_date")
    def _compute_is_held(self):
        for line in self:
            held = line.session_ids.filtered(lambda session: session.state in HELD_STATES)
            line.is_held = bool(held)
            dates = [day for day in (session.end_date or session.start_date for session in held) if day]
            line.held_date = max(dates) if dates else False

    @api.depends("course_id", "planned_date")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.course_id.name or ''} ({line.planned_date or ''})"

    @api.constrains("planned_date", "plan_id")
    def _check_planned_date(self):
        for line in self:
            if line.planned_date and line.planned_date.year != line.plan_id.year:
                raise ValidationError(self.env._(
                    "%(course)s is planned on %(date)s, outside the year %(year)s of its training plan.",
                    course=line.course_id.name, date=line.planned_date, year=line.plan_id.year))
