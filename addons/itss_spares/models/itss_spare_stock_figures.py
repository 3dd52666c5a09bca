# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import api, models
from odoo.fields import Domain
from odoo.tools import SQL


class ItssSpareStockFigures(models.AbstractModel):
    """Figures of the spare libraries read from Odoo's own move history (no ledger of our own).

    One place for the purchase plan, the KPI providers, the reports and the bench: every figure
    is one grouped read or one SQL query over ``stock.move.line`` for all spares at once, with
    periods cut in the company's time zone.

    *Usable stock* is the stock in the internal locations of the spare libraries (warehouses with a
    library type) outside their faulty and quarantine locations. *Consumption* is what leaves usable
    stock for a customer, production or a location outside every library (issues to engineers and
    sites); transfers between libraries, returns to suppliers, scrap and inventory losses are not.
    """

    _name = "itss.spare.stock.figures"
    _description = "Spare Library Figures"

    @api.model
    def _library_warehouses(self, company):
        return self.env["stock.warehouse"].sudo().with_context(active_test=False).search(
            [("company_id", "=", company.id), ("itss_library_type", "!=", False)])

    @api.model
    def _location_sets(self, company):
        """(usable location ids, every internal location id of the libraries) of the company."""
        warehouses = self._library_warehouses(company)
        if not warehouses:
            return [], []
        Location = self.env["stock.location"].sudo().with_context(active_test=False)
        internal = Location.search([
            ("id", "child_of", warehouses.view_location_id.ids), ("usage", "=", "internal")])
        held = warehouses.itss_faulty_location_id | warehouses.itss_quarantine_location_id
        unusable = Location.search([("id", "child_of", held.ids)]) if held else Location
        return (internal - unusable).ids, internal.ids

    @api.model
    def _consumption_domain(self, company, date_from, date_to):
        """Done move lines that took spares out of usable library stock in the period (company days)."""
        usable, internal = self._location_sets(company)
        start, end = company._itss_utc_bounds(date_from, date_to)
        return Domain([
            ("state", "=", "done"),
            ("company_id", "=", company.id),
            ("product_id.itss_is_spare", "=", True),
            ("location_id", "in", usable),
            ("location_dest_id", "not in", internal),
            ("location_dest_id.usage", "in", ("customer", "production", "internal")),
            ("date", ">=", start),
            ("date", "<", end),
        ])

    @api.model
    def _consumption(self, company, date_from, date_to, groupby=("product_id",), own_only=False):
        """{groupby values: quantity in the product's unit} consumed in the period, one grouped read.

        Date groupings (``date:month``) are cut in the company's time zone.
        """
        domain = self._consumption_domain(company, date_from, date_to)
        if own_only:
            domain &= Domain("owner_id", "=", False)
        groups = self.env["stock.move.line"].sudo().with_context(tz=company._itss_tz().key)._read_group(
            domain, list(groupby), ["quantity_product_uom:sum"])
        return {tuple(keys): quantity for *keys, quantity in groups}

    @api.model
    def _usable_on_hand(self, company, products=None):
        """{(product id, warehouse id): quantity} in usable library stock now (own and consignment)."""
        usable, _internal = self._location_sets(company)
        domain = Domain([("location_id", "in", usable)])
        if products is not None:
            domain &= Domain("product_id", "in", products.ids)
        groups = self.env["stock.quant"].sudo()._read_group(
            domain, ["product_id", "location_id.warehouse_id"], ["quantity:sum"])
        return {(product.id, warehouse.id): quantity for product, warehouse, quantity in groups}

    @api.model
    def _stockouts(self, company, date_from, date_to, criticality="a"):
        """{warehouse id: stock-out events} of the spares of ``criticality`` in the period.

        An event is a (spare, library) whose usable on-hand quantity drops to zero or below within
        the period, or is already at zero when the period starts after having held stock before.
        One SQL query: opening balances and the period's running balance with a window function.
        """
        usable, _internal = self._location_sets(company)
        if not usable:
            return {}
        start, end = company._itss_utc_bounds(date_from, date_to)
        self.env["stock.move.line"].flush_model()
        self.env["stock.location"].flush_model(["warehouse_id"])
        self.env["product.template"].flush_model(["itss_criticality", "itss_is_spare"])
        self.env.cr.execute(SQL(
            """
            WITH deltas AS (
                SELECT ml.id, ml.product_id, ml.date, loc.warehouse_id,
                       CASE WHEN loc.id = ml.location_dest_id THEN ml.quantity_product_uom
                            ELSE -ml.quantity_product_uom END AS delta
                  FROM stock_move_line ml
                  JOIN product_product pp ON pp.id = ml.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  JOIN stock_location loc ON loc.id IN (ml.location_id, ml.location_dest_id)
                  LEFT JOIN stock_location src ON src.id = ml.location_id
                  LEFT JOIN stock_location dst ON dst.id = ml.location_dest_id
                 WHERE ml.state = 'done' AND ml.company_id = %(company)s
                   AND pt.itss_is_spare AND pt.itss_criticality = %(criticality)s
                   AND loc.id = ANY(%(usable)s) AND ml.date < %(end)s
                   -- a move between two usable locations of the same library changes nothing
                   AND NOT (src.id = ANY(%(usable)s) AND dst.id = ANY(%(usable)s)
                            AND src.warehouse_id = dst.warehouse_id)
            ),
            opening AS (
                SELECT product_id, warehouse_id, SUM(delta) AS qty
                  FROM deltas WHERE date < %(start)s GROUP BY product_id, warehouse_id
            ),
            running AS (
                SELECT d.product_id, d.warehouse_id,
                       COALESCE(o.qty, 0) + SUM(d.delta) OVER (
                           PARTITION BY d.product_id, d.warehouse_id ORDER BY d.date, d.id) AS balance,
                       COALESCE(o.qty, 0) + SUM(d.delta) OVER (
                           PARTITION BY d.product_id, d.warehouse_id ORDER BY d.date, d.id) - d.delta AS before
                  FROM deltas d
                  LEFT JOIN opening o ON o.product_id = d.product_id AND o.warehouse_id = d.warehouse_id
                 WHERE d.date >= %(start)s
            )
            SELECT warehouse_id, COUNT(*) FROM (
                SELECT warehouse_id FROM running WHERE balance <= 0 AND before > 0
                UNION ALL
                SELECT warehouse_id FROM opening WHERE qty <= 0
            ) events GROUP BY warehouse_id
            """,
            company=company.id, criticality=criticality, usable=usable, start=start, end=end,
        ))
        return dict(self.env.cr.fetchall())

    @api.model
    def _own_balance(self, company, date, products=None):
        """{product id: own (not consignment) usable quantity at ``date`` (naive UTC)}, one query."""
        usable, _internal = self._location_sets(company)
        if not usable:
            return {}
        self.env["stock.move.line"].flush_model()
        self.env["stock.location"].flush_model(["warehouse_id"])
        product_filter = SQL("AND ml.product_id = ANY(%s)", products.ids) if products is not None else SQL()
        self.env.cr.execute(SQL(
            """
            SELECT ml.product_id,
                   SUM(CASE WHEN ml.location_dest_id = ANY(%(usable)s) THEN ml.quantity_product_uom ELSE 0 END)
                 - SUM(CASE WHEN ml.location_id = ANY(%(usable)s) THEN ml.quantity_product_uom ELSE 0 END)
              FROM stock_move_line ml
              JOIN product_product pp ON pp.id = ml.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
             WHERE ml.state = 'done' AND ml.company_id = %(company)s AND ml.owner_id IS NULL
               AND pt.itss_is_spare AND ml.date < %(date)s
               AND (ml.location_id = ANY(%(usable)s) OR ml.location_dest_id = ANY(%(usable)s))
               %(product_filter)s
             GROUP BY ml.product_id
            """,
            usable=usable, company=company.id, date=date, product_filter=product_filter,
        ))
        return dict(self.env.cr.fetchall())

    @api.model
    def _turnover(self, company, date_from, date_to):
        """Own consumption value / average own usable stock value of the period (at today's cost)."""
        start, end = company._itss_utc_bounds(date_from, date_to)
        consumed = self._consumption(company, date_from, date_to, own_only=True)
        opening = self._own_balance(company, start)
        closing = self._own_balance(company, end)
        product_ids = {key[0].id for key in consumed} | set(opening) | set(closing)
        if not product_ids:
            return None
        products = self.env["product.product"].sudo().with_company(company).browse(product_ids)
        cost = {product.id: product.standard_price for product in products}
        consumed_value = sum(qty * cost[key[0].id] for key, qty in consumed.items())
        average = sum((opening.get(pid, 0) + closing.get(pid, 0)) / 2 * cost[pid] for pid in product_ids)
        if average <= 0:
            return None
        return consumed_value / average

    @api.model
    def _group_by_project(self, values_by_warehouse):
        """{project id or False: summed value} of per-warehouse figures (site pools carry a project)."""
        warehouses = self.env["stock.warehouse"].sudo().with_context(active_test=False).browse(
            list(values_by_warehouse))
        result = defaultdict(float)
        for warehouse in warehouses:
            result[warehouse.itss_project_id.id or False] += values_by_warehouse[warehouse.id]
        return dict(result)
