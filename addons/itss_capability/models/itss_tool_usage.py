# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssToolUsage(models.Model):
    """A usage record (使用记录) of an approved O&M tool."""

    _name = "itss.tool.usage"
    _description = "Tool Usage Record"
    _order = "date desc, id desc"
    _check_company_auto = True

    tool_id = fields.Many2one("itss.tool", required=True, ondelete="restrict", index=True,
                              check_company=True, domain="[('state', '=', 'approved')]")
    company_id = fields.Many2one(related="tool_id.company_id", store=True, index=True)
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    user_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user,
                              index=True)
    purpose = fields.Char(required=True)
    project_id = fields.Many2one("itss.service.project", string="Service Project", index=True, check_company=True)
    result = fields.Text()

    @api.constrains("tool_id")
    def _check_tool_approved(self):
        for usage in self:
            if usage.tool_id.state != "approved":
                raise ValidationError(self.env._(
                    "Tool %(tool)s is not approved: it cannot be used or get usage records.",
                    tool=usage.tool_id.name))
