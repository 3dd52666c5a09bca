# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssSpareCheckLine(models.Model):
    """One spare (a serial, or a quantity of a product in a location) tested in a spot check."""

    _name = "itss.spare.check.line"
    _description = "Spare Spot Check Line"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "check_id"
    _order = "check_id, sequence, id"
    _check_company_auto = True

    check_id = fields.Many2one("itss.spare.check", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="check_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product", string="Spare", required=True, check_company=True,
                                 domain="[('itss_is_spare', '=', True)]")
    criticality = fields.Selection(related="product_id.itss_criticality", string="Criticality")
    location_id = fields.Many2one("stock.location", required=True, check_company=True,
                                  domain="[('usage', '=', 'internal')]")
    lot_id = fields.Many2one("stock.lot", string="Serial / Lot", check_company=True,
                             domain="[('product_id', '=', product_id)]")
    owner_id = fields.Many2one("res.partner", check_company=True,
                               help="Consignment stock of a vendor or a customer; empty: our own stock.")
    quantity = fields.Float(default=1.0, required=True, digits="Product Unit")
    result = fields.Selection([("good", "Good"), ("faulty", "Faulty")])
    note = fields.Char(string="Notes")
    move_id = fields.Many2one("stock.move", string="Quarantine Move", readonly=True, copy=False)

    def _itss_locked_message(self, field_label):
        return self.check_id._itss_locked_message(field_label)

    _quantity_positive = models.Constraint("CHECK(quantity > 0)", "A checked quantity must be positive.")

    @api.constrains("location_id", "check_id")
    def _check_location_in_library(self):
        for line in self:
            view = line.check_id.warehouse_id.view_location_id
            if view and not line.location_id.parent_path.startswith(view.parent_path):
                raise ValidationError(self.env._(
                    "%(location)s is not a location of the library %(library)s checked by %(check)s.",
                    location=line.location_id.display_name, library=line.check_id.warehouse_id.display_name,
                    check=line.check_id.display_name))

    @api.constrains("lot_id", "quantity", "product_id")
    def _check_serial(self):
        for line in self:
            if line.product_id.tracking == "serial" and (not line.lot_id or line.quantity != 1):
                raise ValidationError(self.env._(
                    "%(product)s is tracked by serial number: check one serial per line (quantity 1).",
                    product=line.product_id.display_name))
            if line.lot_id and line.lot_id.product_id != line.product_id:
                raise ValidationError(self.env._(
                    "Serial %(lot)s is not a serial of %(product)s.",
                    lot=line.lot_id.name, product=line.product_id.display_name))
