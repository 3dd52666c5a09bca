# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models, tools
from odoo.tools import SQL

from .product_template import CRITICALITY
from .stock_warehouse import LIBRARY_TYPES

SOURCES = [
    ("own", "Own Stock"),
    ("consignment", "Consignment"),
    ("agreement", "Backup Agreement"),
    ("purchase", "Purchase"),
]
# Moves still to arrive at a library location.
OPEN_MOVE_STATES = ("waiting", "confirmed", "partially_available", "assigned")


class ItssSpareAvailability(models.Model):
    """Where a spare is and how to get it: physical libraries, consignment, backup agreements, purchase.

    One SQL view so that one part across every library is a single indexed query (grouped by
    product, location and owner): no loop over warehouses or quants.
    """

    _name = "itss.spare.availability"
    _description = "Spare Availability"
    _auto = False
    _order = "product_id, source_sequence, delivery_hours, warehouse_id"
    _rec_name = "product_id"

    source = fields.Selection(SOURCES, string="How to Get It", readonly=True)
    source_sequence = fields.Integer(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    product_id = fields.Many2one("product.product", string="Spare Part", readonly=True)
    product_tmpl_id = fields.Many2one("product.template", string="Spare", readonly=True)
    spare_category_id = fields.Many2one("itss.spare.category", readonly=True)
    criticality = fields.Selection(CRITICALITY, readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", string="Spare Library", readonly=True)
    library_type = fields.Selection(LIBRARY_TYPES, readonly=True)
    location_id = fields.Many2one("stock.location", readonly=True)
    partner_id = fields.Many2one(
        "res.partner", string="Owner / Supplier", readonly=True,
        help="Consignment: the owner of the stock; agreement and purchase: the supplier.",
    )
    agreement_id = fields.Many2one("itss.spare.backup.agreement", string="Backup Agreement", readonly=True)
    qty_on_hand = fields.Float(string="On Hand", readonly=True, digits="Product Unit")
    qty_reserved = fields.Float(string="Reserved", readonly=True, digits="Product Unit")
    qty_available = fields.Float(string="Available", readonly=True, digits="Product Unit")
    qty_incoming = fields.Float(string="Incoming", readonly=True, digits="Product Unit")
    delivery_hours = fields.Float(string="Delivery Time (hours)", readonly=True, aggregator="min",
                                  help="Agreed delivery time of the supplier, or the purchase lead time.")
    value = fields.Monetary(
        compute="_compute_value", currency_field="currency_id", groups="stock.group_stock_user",
        string="Inventory Value", help="Own stock only: consignment stock is never valued as ours.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    @api.depends("source", "qty_on_hand", "product_id")
    def _compute_value(self):
        for row in self:
            row.value = (
                row.qty_on_hand * row.product_id.with_company(row.company_id).standard_price
                if row.source == "own" else 0.0
            )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query()))

    def _query(self):
        return SQL("""
            WITH physical AS (
                SELECT q.id AS quant_id, NULL::integer AS move_id, q.company_id, q.product_id,
                       q.location_id, q.owner_id, q.quantity AS on_hand, q.reserved_quantity AS reserved,
                       0.0 AS incoming
                  FROM stock_quant q
                UNION ALL
                SELECT NULL, m.id, m.company_id, m.product_id, m.location_dest_id, m.restrict_partner_id,
                       0.0, 0.0, m.product_qty
                  FROM stock_move m
                 WHERE m.state IN %s
            ), grouped AS (
                SELECT CASE WHEN MIN(ph.quant_id) IS NOT NULL THEN MIN(ph.quant_id)::bigint * 4
                            ELSE MIN(ph.move_id)::bigint * 4 + 1 END AS id,
                       ph.company_id, ph.product_id, ph.location_id, ph.owner_id,
                       SUM(ph.on_hand) AS on_hand, SUM(ph.reserved) AS reserved, SUM(ph.incoming) AS incoming
                  FROM physical ph
                 GROUP BY ph.company_id, ph.product_id, ph.location_id, ph.owner_id
            )
            SELECT g.id,
                   CASE WHEN g.owner_id IS NULL OR g.owner_id = c.partner_id THEN 'own' ELSE 'consignment' END
                       AS source,
                   CASE WHEN g.owner_id IS NULL OR g.owner_id = c.partner_id THEN 1 ELSE 2 END AS source_sequence,
                   g.company_id, g.product_id, p.product_tmpl_id, t.itss_spare_category_id AS spare_category_id,
                   t.itss_criticality AS criticality, w.id AS warehouse_id, w.itss_library_type AS library_type,
                   g.location_id, g.owner_id AS partner_id, NULL::integer AS agreement_id,
                   g.on_hand AS qty_on_hand, g.reserved AS qty_reserved, g.on_hand - g.reserved AS qty_available,
                   g.incoming AS qty_incoming, 0.0 AS delivery_hours
              FROM grouped g
              JOIN stock_location l ON l.id = g.location_id AND l.usage = 'internal'
              JOIN stock_warehouse w ON w.id = l.warehouse_id AND w.itss_library_type IS NOT NULL
              JOIN product_product p ON p.id = g.product_id
              JOIN product_template t ON t.id = p.product_tmpl_id AND t.itss_is_spare
              JOIN res_company c ON c.id = g.company_id
             WHERE l.id IS DISTINCT FROM w.itss_faulty_location_id
               AND l.id IS DISTINCT FROM w.itss_quarantine_location_id
            UNION ALL
            SELECT (a.id::bigint * 100000000 + p.id) * 4 + 2, 'agreement', 3, a.company_id, p.id,
                   t.id, t.itss_spare_category_id, t.itss_criticality, NULL, NULL, NULL, a.partner_id, a.id,
                   0.0, 0.0, 0.0, 0.0, a.delivery_hours
              FROM itss_spare_backup_agreement a
              JOIN product_template t ON t.itss_is_spare AND t.active AND (
                   t.id IN (SELECT r.product_tmpl_id FROM itss_spare_agreement_product_rel r
                             WHERE r.agreement_id = a.id)
                   OR t.itss_spare_category_id IN (SELECT r.category_id FROM itss_spare_agreement_category_rel r
                                                    WHERE r.agreement_id = a.id))
              JOIN product_product p ON p.product_tmpl_id = t.id AND p.active
             WHERE a.active AND a.date_to >= CURRENT_DATE AND a.date_from <= CURRENT_DATE
            UNION ALL
            SELECT p.id::bigint * 4 + 3, 'purchase', 4, COALESCE(t.company_id, c.id), p.id, t.id,
                   t.itss_spare_category_id, t.itss_criticality, NULL, NULL, NULL, s.partner_id, NULL,
                   0.0, 0.0, 0.0, 0.0, COALESCE(NULLIF(t.itss_lead_time_days, 0), s.delay, 0) * 24.0
              FROM product_template t
              JOIN product_product p ON p.product_tmpl_id = t.id AND p.active
              JOIN res_company c ON t.company_id IS NULL OR c.id = t.company_id
              LEFT JOIN LATERAL (
                   SELECT si.partner_id, si.delay FROM product_supplierinfo si
                    WHERE si.product_tmpl_id = t.id AND (si.company_id IS NULL OR si.company_id = c.id)
                    ORDER BY si.sequence, si.id LIMIT 1) s ON TRUE
             WHERE t.itss_is_spare AND t.active
        """, OPEN_MOVE_STATES)

    def action_request(self):
        """Open a new spare request for this part and source, from the ticket/visit/CI of the search."""
        self.ensure_one()
        context = {
            key: value for key, value in self.env.context.items()
            if key in ("default_ticket_id", "default_visit_id", "default_equipment_id")
        }
        context.update({
            "default_product_id": self.product_id.id,
            "default_warehouse_id": self.warehouse_id.id,
            "default_owner_id": self.partner_id.id if self.source == "consignment" else False,
        })
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Spare Request"),
            "res_model": "itss.spare.request",
            "view_mode": "form",
            "target": "current",
            "context": context,
        }

    @api.model
    def _itss_find_action(self, equipment, project, context):
        """The availability of the spares compatible with ``equipment``, for ``project``'s agreements."""
        templates = equipment._itss_compatible_spares()
        domain = [("product_tmpl_id", "in", templates.ids)]
        if project:
            domain += ["|", ("agreement_id", "=", False), "|", ("agreement_id.project_ids", "=", False),
                       ("agreement_id.project_ids", "in", project.ids)]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Find Spares"),
            "res_model": "itss.spare.availability",
            "view_mode": "list",
            "views": [(self.env.ref("itss_spares.itss_spare_availability_view_list_find").id, "list")],
            "domain": domain,
            "context": dict(context, search_default_group_product=1),
            "target": "current",
        }
