# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssAppraisalTemplateLine(models.Model):
    """A weighted criterion of a performance appraisal template."""

    _name = "itss.appraisal.template.line"
    _description = "Performance Appraisal Template Criterion"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one("itss.appraisal.template", required=True, index=True,
                                  ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Criterion", required=True, translate=True)
    description = fields.Text(translate=True)
    weight = fields.Float(string="Weight (%)", required=True, help="Weights of a template sum to 100 %.")
    itss_source = fields.Selection(
        [("manual", "Scored by the appraiser"), ("client_feedback", "Client feedback (on-site)")],
        string="Source", default="manual", required=True,
        help="Client feedback: the score is the customer's average on-site feedback of the period (1–5 → 20–100).")

    @api.constrains("weight")
    def _check_weight(self):
        for line in self:
            if not 0 < line.weight <= 100:
                raise ValidationError(self.env._(
                    "The weight of criterion %(criterion)s must be between 0 and 100 %%.", criterion=line.name))
