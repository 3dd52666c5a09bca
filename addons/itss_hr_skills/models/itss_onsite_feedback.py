# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

SCORE_MIN, SCORE_MAX = 1, 5


class ItssOnsiteFeedback(models.Model):
    """The customer's periodic feedback on a stationed engineer (客户评价): a score and comments.

    Given by the customer contact on the portal (or recorded by the O&M manager from a visit); it
    is the client-feedback criterion of the engineer's monthly appraisal and feeds the KPI 客户满意度.
    The engineer reads their own feedback, never a colleague's.
    """

    _name = "itss.onsite.feedback"
    _description = "On-site Client Feedback"
    _inherit = ["mail.thread", "itss.onsite.assignment.mixin", "itss.guard.mixin"]
    _order = "period_start desc, id desc"

    period_start = fields.Date(string="Month", required=True, index=True,
                               default=lambda self: self.env.company._itss_today().replace(day=1))
    score = fields.Integer(required=True, aggregator="avg", help="From 1 (poor) to 5 (excellent).")
    comments = fields.Text()
    author_id = fields.Many2one("res.partner", string="Given by", readonly=True,
                                default=lambda self: self.env.user.partner_id)

    _assignment_period_author_unique = models.Constraint(
        "UNIQUE(assignment_id, period_start, author_id)",
        "This contact has already given feedback on this engineer for this month.",
    )

    @api.constrains("score", "period_start")
    def _check_score(self):
        for feedback in self:
            if not SCORE_MIN <= feedback.score <= SCORE_MAX:
                raise ValidationError(self.env._(
                    "The feedback score must be between %(low)s and %(high)s.", low=SCORE_MIN, high=SCORE_MAX))
            if feedback.period_start.day != 1:
                raise ValidationError(self.env._("Feedback is given per month: pick the first day of the month."))

    def _itss_locked_fnames(self):
        """What the customer said stays as they said it."""
        return frozenset({"assignment_id", "period_start", "score", "comments", "author_id"})

    def _compute_display_name(self):
        for feedback in self:
            feedback.display_name = f"{feedback.employee_id.name or ''} {feedback.period_start or ''}"

    @api.model
    def _itss_average_scores(self, employees, date_from, date_to):
        """{employee: average score (1–5)} of the feedback of the months within the period."""
        return dict(self.sudo()._read_group(
            [("employee_id", "in", employees.ids), ("period_start", ">=", date_from.replace(day=1)),
             ("period_start", "<=", date_to)],
            ["employee_id"], ["score:avg"]))
