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
        """(usable location ids, every internal location id of the libraries) of the company, one query."""
        self.env["stock.location"].flush_model(["warehouse_id", "usage", "parent_path"])
        self.env["stock.warehouse"].flush_model(
            ["itss_library_type", "itss_faulty_location_id", "itss_quarantine_location_id"])
        self.env.cr.execute(SQL(
            """SELECT l.id, EXISTS (
                          SELECT 1 FROM stock_location held
                           WHERE held.id IN (w.itss_faulty_location_id, w.itss_quarantine_location_id)
                             AND l.parent_path LIKE held.parent_path || '%%')
                 FROM stock_location l
                 JOIN stock_warehouse w ON w.id = l.warehouse_id
                WHERE w.company_id = %s AND w.itss_library_type IS NOT NULL AND l.usage = 'internal'""",
            company.id))
        rows = self.env.cr.fetchall()
        return [location for location, held in rows if not held], [location for location, _held in rows]

    @api.model
    def _lines_sql(self, company, usable, internal, end, criticality=None, own_only=False):
        """SQL of the ``lines`` CTE: done spare move lines before ``end`` touching usable library stock.

        Columns: id, product_id, date, qty (product unit), src_wh / dst_wh (warehouse of the usable source /
        destination, else NULL) and consumed (it left usable stock for a customer, production or a
        location outside every library). A move between two usable locations of one library is left out.
        """
        self.env["stock.move.line"].flush_model()
        self.env["stock.location"].flush_model(["warehouse_id", "usage"])
        self.env["product.template"].flush_model(["itss_criticality", "itss_is_spare"])
        return SQL(
            """
            usable AS (SELECT id, warehouse_id FROM stock_location WHERE id = ANY(%(usable)s)),
            library AS (SELECT id FROM stock_location WHERE id = ANY(%(internal)s)),
            lines AS (
                SELECT ml.id, ml.product_id, ml.date, ml.quantity_product_uom AS qty,
                       su.warehouse_id AS src_wh, du.warehouse_id AS dst_wh,
                       su.id IS NOT NULL AND li.id IS NULL AND dl.usage IN ('customer', 'production', 'internal')
                           AS consumed
                  FROM stock_move_line ml
                  JOIN product_product pp ON pp.id = ml.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id AND pt.itss_is_spare
                  JOIN stock_location dl ON dl.id = ml.location_dest_id
                  LEFT JOIN usable su ON su.id = ml.location_id
                  LEFT JOIN usable du ON du.id = ml.location_dest_id
                  LEFT JOIN library li ON li.id = ml.location_dest_id
                 WHERE ml.state = 'done' AND ml.company_id = %(company)s AND ml.date < %(end)s
                   AND (su.id IS NOT NULL OR du.id IS NOT NULL)
                   AND su.warehouse_id IS DISTINCT FROM du.warehouse_id
                   %(criticality)s %(own)s
            )
            """,
            usable=usable, internal=internal, company=company.id, end=end,
            criticality=SQL("AND pt.itss_criticality = %s", criticality) if criticality else SQL(),
            own=SQL("AND ml.owner_id IS NULL") if own_only else SQL(),
        )

    @api.model
    def _consumption(self, company, date_from, date_to):
        """{(product id, warehouse id): quantity in the product's unit} consumed in the period (company days)."""
        usable, internal = self._location_sets(company)
        if not usable:
            return {}
        start, end = company._itss_utc_bounds(date_from, date_to)
        self.env.cr.execute(SQL(
            """WITH %s
               SELECT product_id, src_wh, SUM(qty) FROM lines
                WHERE consumed AND date >= %s GROUP BY product_id, src_wh""",
            self._lines_sql(company, usable, internal, end), start))
        return {(product, warehouse): qty for product, warehouse, qty in self.env.cr.fetchall()}

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
        usable, internal = self._location_sets(company)
        if not usable:
            return {}
        start, end = company._itss_utc_bounds(date_from, date_to)
        self.env.cr.execute(SQL(
            """
            WITH %(lines)s,
            deltas AS (
                SELECT id, product_id, date, dst_wh AS warehouse_id, qty AS delta FROM lines WHERE dst_wh IS NOT NULL
                UNION ALL
                SELECT id, product_id, date, src_wh, -qty FROM lines WHERE src_wh IS NOT NULL
            ),
            opening AS (
                SELECT product_id, warehouse_id, SUM(delta) AS qty
                  FROM deltas WHERE date < %(start)s GROUP BY product_id, warehouse_id
            ),
            running AS (
                SELECT d.delta, COALESCE(o.qty, 0) + SUM(d.delta) OVER (
                           PARTITION BY d.product_id, d.warehouse_id ORDER BY d.date, d.id) AS balance,
                       d.warehouse_id
                  FROM deltas d
                  LEFT JOIN opening o ON o.product_id = d.product_id AND o.warehouse_id = d.warehouse_id
                 WHERE d.date >= %(start)s
            )
            SELECT warehouse_id, COUNT(*) FROM (
                SELECT warehouse_id FROM running WHERE balance <= 0 AND balance - delta > 0
                UNION ALL
                SELECT warehouse_id FROM opening WHERE qty <= 0
            ) events GROUP BY warehouse_id
            """,
            lines=self._lines_sql(company, usable, internal, end, criticality=criticality), start=start,
        ))
        return dict(self.env.cr.fetchall())

    @api.model
    def _turnover(self, company, date_from, date_to):
        """Own consumption value / average own usable stock value of the period (at today's cost), one query."""
        usable, internal = self._location_sets(company)
        if not usable:
            return None
        start, end = company._itss_utc_bounds(date_from, date_to)
        self.env.cr.execute(SQL(
            """
            WITH %(lines)s
            SELECT product_id,
                   SUM(CASE WHEN date < %(start)s THEN (CASE WHEN dst_wh IS NOT NULL THEN qty ELSE 0 END)
                                                     - (CASE WHEN src_wh IS NOT NULL THEN qty ELSE 0 END) END),
                   SUM((CASE WHEN dst_wh IS NOT NULL THEN qty ELSE 0 END)
                       - (CASE WHEN src_wh IS NOT NULL THEN qty ELSE 0 END)),
                   SUM(CASE WHEN consumed AND date >= %(start)s THEN qty ELSE 0 END)
              FROM lines GROUP BY product_id
            """,
            lines=self._lines_sql(company, usable, internal, end, own_only=True), start=start,
        ))
        rows = self.env.cr.fetchall()
        if not rows:
            return None
        products = self.env["product.product"].sudo().with_company(company).browse([row[0] for row in rows])
        cost = {product.id: product.standard_price for product in products}
        consumed_value = sum((consumed or 0.0) * cost[pid] for pid, _opening, _closing, consumed in rows)
        average = sum(((opening or 0.0) + (closing or 0.0)) / 2 * cost[pid] for pid, opening, closing, _c in rows)
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
