# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssCiTypeCheck(models.Model):
    """An item of the inspection checklist (巡检项) of a configuration item type."""

    _name = "itss.ci.type.check"
    _description = "CI Type Inspection Check"
    _order = "ci_type_id, sequence, id"

    ci_type_id = fields.Many2one("itss.ci.type", string="CI Type", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Check", required=True)
    expected = fields.Char(string="Expected Result", help="e.g. temperature 18–27 ℃, no alarm.")
    company_id = fields.Many2one("res.company", index=True,
                                 help="Empty: the check is shared by every company (like the CI types).")
