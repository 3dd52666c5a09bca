# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssOnsiteVisitPart(models.Model):
    """A spare part used on an on-site visit: what was installed, and what it replaced."""

    _name = "itss.onsite.visit.part"
    _description = "Spare Part Used On Site"
    _order = "visit_id, id"
    _check_company_auto = True
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "visit_id"

    visit_id = fields.Many2one("itss.onsite.visit", required=True, ondelete="cascade", index=True)
    ticket_id = fields.Many2one(related="visit_id.ticket_id", store=True, index=True)
    service_project_id = fields.Many2one(related="visit_id.service_project_id", store=True)
    company_id = fields.Many2one(related="visit_id.company_id", store=True, index=True)
    product_id = fields.Many2one(
        "product.product", string="Spare Part", required=True, check_company=True,
        domain="[('type', '=', 'consu')]",
    )
    quantity = fields.Float(default=1.0, digits="Product Unit", required=True)
    serial_installed = fields.Char(help="Serial number of the part put in.")
    serial_removed = fields.Char(help="Serial number of the faulty part taken out.")
    note = fields.Char()

    @api.constrains("quantity")
    def _check_quantity(self):
        for part in self:
            if part.quantity <= 0:
                raise ValidationError(self.env._(
                    "The quantity of %(part)s used on site must be positive.", part=part.product_id.display_name))
