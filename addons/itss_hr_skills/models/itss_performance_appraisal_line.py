# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# What an employee without HR rights may change on their own appraisal lines.
EMPLOYEE_LINE_FIELDS = {"employee_comment"}
# What stays writable on the lines of a submitted appraisal.
SUBMITTED_OPEN_FIELDS = {"employee_comment", "comment"}


class ItssPerformanceAppraisalLine(models.Model):
    """A weighted criterion of a performance appraisal, scored 0–100."""

    _name = "itss.performance.appraisal.line"
    _description = "Performance Appraisal Line"
    _order = "appraisal_id, sequence, id"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "appraisal_id"

    appraisal_id = fields.Many2one("itss.performance.appraisal", required=True, index=True,
                                   ondelete="cascade")
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True)
    weight = fields.Float(string="Weight (%)", required=True)
    score = fields.Float(help="From 0 to 100.")
    itss_source = fields.Selection(
        [("manual", "Scored by the appraiser"), ("client_feedback", "Client feedback (on-site)")],
        string="Source", default="manual", required=True)
    comment = fields.Text(string="Appraiser Comment")
    employee_comment = fields.Text()

    def _itss_locked_message(self, field_label):
        """Lines are frozen with their parent: the parent's message."""
        return self.appraisal_id.sudo()._itss_locked_message(field_label)

    @api.constrains("score", "weight")
    def _check_score(self):
        for line in self:
            if not 0 <= line.score <= 100:
                raise ValidationError(self.env._(
                    "The score of criterion %(criterion)s must be between 0 and 100.", criterion=line.name))
            if not 0 < line.weight <= 100:
                raise ValidationError(self.env._(
                    "The weight of criterion %(criterion)s must be between 0 and 100 %%.", criterion=line.name))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if any(line.appraisal_id.state != "draft" for line in lines):
            raise UserError(self.env._("Criteria can only be added to a draft appraisal."))
        return lines

    def write(self, vals):
        if not self.env.su and not self.env.user.has_group("hr.group_hr_user"):
            if set(vals) - EMPLOYEE_LINE_FIELDS:
                raise AccessError(self.env._("On your appraisal you can only write your own comments."))
            if any(line.appraisal_id.state != "submitted" for line in self):
                raise UserError(self.env._(
                    "You can comment on your appraisal only while it awaits your acknowledgement."))
        return super().write(vals)

    def _itss_locked_fnames(self):
        """Once submitted, criteria and scores are frozen; the comments stay open until acknowledged."""
        if self.appraisal_id.state == "submitted":
            return frozenset(self._fields) - SUBMITTED_OPEN_FIELDS
        return super()._itss_locked_fnames()

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(line.appraisal_id.state != "draft" for line in self):
            raise UserError(self.env._("Criteria can only be removed from a draft appraisal."))
