# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models, tools
from odoo.tools import SQL


class ItssSpareStockOverview(models.Model):
    """The keeper's warehouse overview: spare quants of the libraries with their criticality, owner
    and own value, grouped in pivot and graph views (a read-only SQL view on ``stock.quant``)."""

    _name = "itss.spare.stock.overview"
    _description = "Spare Stock Overview"
    _auto = False
    _order = "warehouse_id, product_id"
    _depends = {
        "stock.quant": ["company_id", "location_id", "product_id", "lot_id", "owner_id", "quantity",
                        "reserved_quantity"],
        "stock.location": ["warehouse_id", "usage", "parent_path"],
        "stock.warehouse": ["itss_library_type", "itss_faulty_location_id", "itss_quarantine_location_id"],
        "product.template": ["itss_is_spare", "itss_criticality", "itss_spare_category_id"],
        "product.product": ["standard_price"],
    }

    company_id = fields.Many2one("res.company", readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", string="Spare Library", readonly=True)
    library_type = fields.Selection(related="warehouse_id.itss_library_type", readonly=True)
    location_id = fields.Many2one("stock.location", readonly=True)
    product_id = fields.Many2one("product.product", string="Spare", readonly=True)
    spare_category_id = fields.Many2one("itss.spare.category", readonly=True)
    criticality = fields.Selection([("a", "A Critical"), ("b", "B Important"), ("c", "C General")], readonly=True)
    lot_id = fields.Many2one("stock.lot", string="Serial / Lot", readonly=True)
    owner_id = fields.Many2one("res.partner", readonly=True,
                               help="Consignment stock of a vendor or a customer; empty: our own stock.")
    is_own = fields.Boolean(string="Own Stock", readonly=True)
    condition = fields.Selection(
        [("usable", "Usable"), ("faulty", "Faulty"), ("quarantine", "Quarantine")], readonly=True)
    quantity = fields.Float(readonly=True, digits="Product Unit")
    reserved_quantity = fields.Float(string="Reserved", readonly=True, digits="Product Unit")
    value = fields.Float(string="Own Value", readonly=True, digits=(16, 2),
                         help="Own stock at cost; consignment stock is never valued as ours.")

    def _query(self):
        return SQL(
            """
            SELECT q.id, q.company_id, loc.warehouse_id, q.location_id, q.product_id,
                   pt.itss_spare_category_id AS spare_category_id, pt.itss_criticality AS criticality,
                   q.lot_id, q.owner_id, q.owner_id IS NULL AS is_own,
                   CASE WHEN faulty.id IS NOT NULL THEN 'faulty'
                        WHEN quarantine.id IS NOT NULL THEN 'quarantine' ELSE 'usable' END AS condition,
                   q.quantity, q.reserved_quantity,
                   CASE WHEN q.owner_id IS NULL
                        THEN q.quantity * COALESCE((pp.standard_price ->> q.company_id::text)::numeric, 0)
                        ELSE 0 END AS value
              FROM stock_quant q
              JOIN stock_location loc ON loc.id = q.location_id AND loc.usage = 'internal'
              JOIN stock_warehouse wh ON wh.id = loc.warehouse_id AND wh.itss_library_type IS NOT NULL
              JOIN product_product pp ON pp.id = q.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id AND pt.itss_is_spare
              LEFT JOIN stock_location faulty_root ON faulty_root.id = wh.itss_faulty_location_id
              LEFT JOIN stock_location faulty ON faulty.id = faulty_root.id
                   AND loc.parent_path LIKE faulty_root.parent_path || '%%'
              LEFT JOIN stock_location quarantine_root ON quarantine_root.id = wh.itss_quarantine_location_id
              LEFT JOIN stock_location quarantine ON quarantine.id = quarantine_root.id
                   AND loc.parent_path LIKE quarantine_root.parent_path || '%%'
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query()))
