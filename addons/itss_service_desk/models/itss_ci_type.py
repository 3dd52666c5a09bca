# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssCiType(models.Model):
    """A configuration item type (配置项类型): server, storage, network device, database, application..."""

    _name = "itss.ci.type"
    _description = "Configuration Item Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    inspection_check_ids = fields.One2many("itss.ci.type.check", "ci_type_id", string="Inspection Checklist")

    _name_unique = models.Constraint("UNIQUE(name)", "This configuration item type already exists.")
