# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from .product_template import PRICE_FIELDS, _itss_price_hidden


class ProductSupplierinfo(models.Model):
    _inherit = "product.supplierinfo"

    def _has_field_access(self, field, operation):
        if field.name in PRICE_FIELDS.get(self._name, ()) and not self.env.su and _itss_price_hidden(self.env):
            return False
        return super()._has_field_access(field, operation)
