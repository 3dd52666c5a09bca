# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class ItssElement(models.Model):
    """One of the four ITSS elements (people, resources, technology, process)."""

    _name = "itss.element"
    _description = "ITSS Element"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Stable code used by other modules and reports.")
    sequence = fields.Integer(default=10)
    clause = fields.Char(help="Clause of GB/T 28827.1 that describes this element.")
    description = fields.Html(translate=True)
    process_ids = fields.One2many("itss.process", "element_id", string="Processes")
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "An ITSS element with this code already exists.")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_catalog(self):
        if self.env["ir.model.data"].sudo().search_count(
            [("model", "=", self._name), ("res_id", "in", self.ids), ("module", "=", "itss_capability")],
            limit=1,
        ):
            raise UserError(
                self.env._("The four ITSS elements are part of the standard and cannot be deleted.")
            )
