# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssSpareCategory(models.Model):
    """A family of spare parts (disks, power supplies, boards…) used to group the catalog."""

    _name = "itss.spare.category"
    _description = "Spare Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Empty: shared by all companies.")
    description = fields.Text(translate=True)
    product_tmpl_ids = fields.One2many("product.template", "itss_spare_category_id", string="Spares")
    product_count = fields.Integer(compute="_compute_product_count", string="Spare Count")

    _code_company_unique = models.Constraint(
        "UNIQUE(code, company_id)", "The code of a spare category must be unique per company."
    )

    def _compute_product_count(self):
        counts = dict(self.env["product.template"]._read_group(
            [("itss_spare_category_id", "in", self.ids)], ["itss_spare_category_id"], ["__count"]))
        for category in self:
            category.product_count = counts.get(category, 0)
