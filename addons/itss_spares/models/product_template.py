# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Purchase prices and costs that engineers never see (field access, so neither the web client nor
# XML-RPC returns them); the keeper and the O&M manager (Inventory users) do.
PRICE_FIELDS = {
    "product.template": ("standard_price", "seller_ids", "variant_seller_ids"),
    "product.product": ("standard_price", "seller_ids", "variant_seller_ids", "value_svl", "avg_cost", "total_value"),
    "product.supplierinfo": ("price", "price_discounted", "discount"),
}


def _itss_price_hidden(env):
    """ITSS engineers without Inventory rights do not see purchase prices."""
    user = env.user
    return user.has_group("itss_capability.group_itss_user") and not user.has_group("stock.group_stock_user")


CRITICALITY = [("a", "A - Critical"), ("b", "B - Important"), ("c", "C - Normal")]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    itss_is_spare = fields.Boolean(string="Spare Part", index=True, tracking=True)
    itss_spare_category_id = fields.Many2one(
        "itss.spare.category", string="Spare Category", index=True, tracking=True,
    )
    itss_criticality = fields.Selection(CRITICALITY, string="Criticality", index=True, tracking=True)
    itss_equipment_category_ids = fields.Many2many(
        "maintenance.equipment.category", "itss_spare_equipment_category_rel", "product_tmpl_id", "category_id",
        string="Compatible CI Types",
    )
    itss_equipment_model = fields.Char(
        string="Compatible Models", help="Models of configuration items this part fits, e.g. “PowerEdge R740, R750”.",
    )
    itss_lead_time_days = fields.Integer(string="Lead Time (days)", help="Days from order to receipt.")
    itss_warranty_months = fields.Integer(string="Vendor Warranty (months)")
    itss_warranty_terms = fields.Text(string="Vendor Warranty Terms")
    itss_serial_required = fields.Boolean(
        string="Serial Tracking Required", compute="_compute_itss_serial_required", store=True, readonly=False,
        help="A-critical spares are always tracked by serial number.",
    )

    @api.depends("itss_criticality")
    def _compute_itss_serial_required(self):
        for template in self:
            if template.itss_criticality == "a":
                template.itss_serial_required = True

    @api.onchange("itss_serial_required", "itss_is_spare")
    def _onchange_itss_serial_required(self):
        if self.itss_is_spare and self.itss_serial_required:
            self.is_storable = True
            self.tracking = "serial"

    @api.constrains("itss_is_spare", "itss_criticality", "itss_serial_required", "tracking")
    def _check_itss_serial_tracking(self):
        for template in self.filtered("itss_is_spare"):
            if template.itss_criticality == "a" and not template.itss_serial_required:
                raise ValidationError(self.env._(
                    "%(part)s is an A-critical spare: serial tracking is always required.",
                    part=template.display_name))
            if template.itss_serial_required and template.tracking != "serial":
                raise ValidationError(self.env._(
                    "%(part)s requires serial tracking: set “Track Inventory” to “By Unique Serial Number”.",
                    part=template.display_name))

    def _has_field_access(self, field, operation):
        if field.name in PRICE_FIELDS.get(self._name, ()) and not self.env.su and _itss_price_hidden(self.env):
            return False
        return super()._has_field_access(field, operation)
