# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssToolParameter(models.Model):
    """A monitoring parameter (监控参数) set in a tool for a customer's monitored object and indicator."""

    _name = "itss.tool.parameter"
    _description = "Tool Monitoring Parameter"
    _order = "tool_id, partner_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    tool_id = fields.Many2one("itss.tool", required=True, ondelete="cascade", index=True,
                              check_company=True)
    company_id = fields.Many2one(related="tool_id.company_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, check_company=True)
    project_id = fields.Many2one("itss.service.project", string="Service Project", index=True, check_company=True)
    monitored_object = fields.Char(required=True, help="The device, system or service that is monitored.")
    indicator = fields.Char(required=True, help="The indicator of the monitored object, e.g. CPU usage.")
    threshold = fields.Char(help="Alert threshold, e.g. > 85% for 5 minutes.")
    note = fields.Text()
    active = fields.Boolean(default=True)

    @api.onchange("project_id")
    def _onchange_project_id(self):
        if self.project_id:
            self.partner_id = self.project_id.partner_id

    @api.constrains("partner_id", "project_id", "tool_id", "monitored_object", "indicator")
    def _check_scope(self):
        for parameter in self:
            if not parameter.partner_id and not parameter.project_id:
                raise ValidationError(self.env._(
                    "Monitoring parameter %(indicator)s needs a customer or a service project.",
                    indicator=parameter.indicator))
