# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

PERIOD_TYPES = [("month", "Monthly"), ("year", "Yearly")]


class ItssAppraisalTemplate(models.Model):
    """A performance appraisal template (月度/年度考核模板): weighted criteria summing to 100 %."""

    _name = "itss.appraisal.template"
    _description = "Performance Appraisal Template"
    _order = "period_type, name, id"

    name = fields.Char(required=True, translate=True)
    period_type = fields.Selection(PERIOD_TYPES, required=True, default="month")
    line_ids = fields.One2many("itss.appraisal.template.line", "template_id", string="Criteria", copy=True)
    total_weight = fields.Float(string="Total Weight (%)", compute="_compute_total_weight")
    active = fields.Boolean(default=True)

    @api.depends("line_ids.weight")
    def _compute_total_weight(self):
        for template in self:
            template.total_weight = sum(template.line_ids.mapped("weight"))

    # period_type always comes with a create: a template created without criteria (0 %) is refused too.
    @api.constrains("line_ids", "period_type", "active")
    def _check_weights(self):
        self._check_weight_total()

    def _check_weight_total(self):
        """Refuse a template whose criteria weights do not sum to 100 %."""
        for template in self:
            total = sum(template.line_ids.mapped("weight"))
            if not template.line_ids:
                raise ValidationError(self.env._(
                    "Appraisal template %(template)s has no criteria: add weighted criteria summing to 100 %%.",
                    template=template.name))
            if abs(total - 100.0) > 0.01:
                raise ValidationError(self.env._(
                    "The weights of appraisal template %(template)s sum to %(total)s %%: they must sum to 100 %%.",
                    template=template.name, total=round(total, 2)))

    def _appraisal_line_commands(self):
        """Commands that copy the template's criteria into an appraisal."""
        self.ensure_one()
        return [Command.clear()] + [
            Command.create({"sequence": line.sequence, "name": line.name, "weight": line.weight,
                            "itss_source": line.itss_source})
            for line in self.line_ids
        ]
