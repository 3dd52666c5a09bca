# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssEngineerGrade(models.Model):
    """An O&M post grade (岗位等级): junior / intermediate / senior engineer, reserve post..."""

    _name = "itss.engineer.grade"
    _description = "O&M Engineer Grade"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10, help="Order of the grades, from junior to senior.")
    is_reserve_post = fields.Boolean(
        string="Reserve Post", help="Posts of this grade hold reserve engineers (储备岗位)."
    )
    description = fields.Html(translate=True)
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "An engineer grade with this code already exists.")
