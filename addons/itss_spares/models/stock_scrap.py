# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import ValidationError


class StockScrap(models.Model):
    _inherit = "stock.scrap"

    itss_reason = fields.Text(string="Scrap Explanation", help="Why the spare is scrapped (required for spares).")

    def do_scrap(self):
        for scrap in self.filtered(lambda s: s.product_id.itss_is_spare):
            if not (scrap.itss_reason or "").strip() and not scrap.scrap_reason_tag_ids:
                raise ValidationError(self.env._(
                    "Give the reason why the spare %(part)s is scrapped.", part=scrap.product_id.display_name))
        return super().do_scrap()
