# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssCiAttribute(models.Model):
    """An attribute (配置项属性) of a configuration item: a name and a value."""

    _name = "itss.ci.attribute"
    _description = "Configuration Item Attribute"
    _order = "equipment_id, sequence, id"

    equipment_id = fields.Many2one("maintenance.equipment", string="Configuration Item", required=True,
                                   ondelete="cascade", index=True)
    company_id = fields.Many2one(related="equipment_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    value = fields.Char()
