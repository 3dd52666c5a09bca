# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: the spare library at 50 warehouses, 100,000 quants and 100,000 moves in a month.

Data is written with bulk SQL (quants, done moves and move lines, spare requests, spot checks), then
this prints, each next to a naive per-record loop measured in the same run on the same data:

- the availability of one part across the 50 libraries (the availability view engineers open from a
  ticket: on hand, reserved, incoming per library and owner) against reading the part's stock figures
  warehouse by warehouse through the ORM (``qty_available`` / ``free_qty`` / ``incoming_qty``);
- the month's five spare KPIs (availability, fulfilment, A stock-outs, request to site, turnover), at
  organization and project level, against a loop over every request, check and move line.

Targets: lookup under 50 ms, KPIs under 1 s, each at least 20 times faster than its loop.
Run through ``make bench`` (it prepares a throw-away database with the suite).
"""

import os
import sys
import time
from collections import defaultdict
from datetime import date, datetime, timedelta

import odoo
from odoo.api import Environment
from odoo.modules.registry import Registry
from odoo.tools import SQL

WAREHOUSES, PRODUCTS, QUANTS, MOVES, REQUESTS, CHECKS, PROJECTS = 50, 400, 100_000, 100_000, 5_000, 200, 10
MONTH_FROM, MONTH_TO = date(2038, 3, 1), date(2038, 3, 31)
# The five spare KPIs at the level their catalog definitions ship with (what the daily cron computes).
PROVIDERS = {"spare_availability": "organization", "spare_fulfilment": "project", "spare_a_stockout": "organization",
             "spare_request_to_site": "project", "spare_turnover": "organization"}


def measure(env, func, runs=3):
    """Best time (s) of ``runs`` and the query count of the last run."""
    timings, queries = [], 0
    for _run in range(runs):
        env.invalidate_all()
        before = env.cr.sql_log_count
        start = time.perf_counter()
        func()
        timings.append(time.perf_counter() - start)
        queries = env.cr.sql_log_count - before
    return min(timings), queries


class Bench:
    def __init__(self, env):
        self.env = env
        cr = env.cr
        company = self.company = env.company
        company.resource_calendar_id.tz = "Asia/Shanghai"
        self.vendor = env["res.partner"].create({"name": "Bench consignment vendor", "is_company": True})
        customer = env["res.partner"].create({"name": "Bench customer", "is_company": True})
        self.projects = env["itss.service.project"].create([
            {"name": f"Bench project {n}", "partner_id": customer.id, "state": "active"} for n in range(PROJECTS)])
        types = ("central", "regional", "site_pool")
        self.warehouses = env["stock.warehouse"].create([{
            "name": f"Bench library {n}", "code": f"BL{n:02d}", "itss_library_type": types[min(n, 2) if n < 5 else 2],
            "itss_project_id": self.projects[n % PROJECTS].id if n >= 5 else False,
        } for n in range(WAREHOUSES)])
        self.products = env["product.product"].create([{
            "name": f"Bench spare {n}", "is_storable": True, "itss_is_spare": True,
            "itss_criticality": "a" if n % 5 == 0 else "b" if n % 5 == 1 else "c",
            "tracking": "serial" if n % 5 == 0 else "none", "standard_price": 100.0 + n,
        } for n in range(PRODUCTS)])
        self.part = self.products[0]
        env.flush_all()
        stocks = self.warehouses.lot_stock_id.ids
        products = self.products.ids
        supplier = env.ref("stock.stock_location_suppliers").id
        customer_loc = env.ref("stock.stock_location_customers").id
        uom = self.part.uom_id.id
        cr.execute(SQL(
            """INSERT INTO stock_quant (product_id, location_id, company_id, owner_id, quantity, reserved_quantity,
                                        in_date, create_date, write_date, create_uid, write_uid)
               SELECT (%(products)s)[1 + g %% %(np)s], (%(stocks)s)[1 + (g / %(np)s) %% %(nw)s], %(company)s,
                      CASE WHEN g %% 10 = 0 THEN %(vendor)s END, 1 + g %% 5, CASE WHEN g %% 7 = 0 THEN 1 ELSE 0 END,
                      now(), now(), now(), 1, 1
                 FROM generate_series(0, %(n)s - 1) g""",
            products=products, np=len(products), stocks=stocks, nw=len(stocks), company=company.id,
            vendor=self.vendor.id, n=QUANTS))
        # The month's moves: one receipt of 3 for two issues of 1, spread over March (UTC), done.
        start = datetime.combine(MONTH_FROM, datetime.min.time()) - timedelta(hours=8)
        cr.execute("SELECT COALESCE(MAX(id), 0) FROM stock_move")
        first_move = cr.fetchone()[0]
        cr.execute(SQL(
            """INSERT INTO stock_move (product_id, product_uom, product_uom_qty, product_qty, quantity, location_id,
                                       location_dest_id, company_id, date, state, procure_method, picked,
                                       create_date, write_date, create_uid, write_uid)
               SELECT (%(products)s)[1 + g %% %(np)s], %(uom)s, q, q, q,
                      CASE WHEN g %% 3 = 0 THEN %(supplier)s ELSE s END,
                      CASE WHEN g %% 3 = 0 THEN s ELSE %(customer)s END,
                      %(company)s, %(start)s::timestamp + (g * 26.7) * interval '1 second', 'done', 'make_to_stock',
                      true, now(), now(), 1, 1
                 FROM generate_series(0, %(n)s - 1) g,
                      LATERAL (SELECT CASE WHEN g %% 3 = 0 THEN 3 ELSE 1 END AS q,
                                      (%(stocks)s)[1 + (g / 7) %% %(nw)s] AS s) x""",
            products=products, np=len(products), uom=uom, supplier=supplier, customer=customer_loc,
            company=company.id, start=start, n=MOVES, stocks=stocks, nw=len(stocks)))
        cr.execute(SQL(
            """INSERT INTO stock_move_line (move_id, product_id, product_uom_id, quantity, quantity_product_uom,
                                            location_id, location_dest_id, company_id, date, state, picked,
                                            create_date, write_date, create_uid, write_uid)
               SELECT id, product_id, product_uom, quantity, quantity, location_id, location_dest_id, company_id,
                      date, 'done', true, now(), now(), 1, 1
                 FROM stock_move WHERE id > %s""", first_move))
        cr.execute(SQL(
            """INSERT INTO itss_spare_request (name, company_id, product_id, quantity, requester_id, project_id,
                                               state, request_date, target_date, issue_date, install_date,
                                               create_date, write_date, create_uid, write_uid)
               SELECT 'BR' || g, %(company)s, (%(products)s)[1 + g %% %(np)s], 1, 2, (%(projects)s)[1 + g %% %(npj)s],
                      'installed', r, r + interval '8 hours', r + (g %% 12) * interval '1 hour',
                      r + (g %% 30) * interval '1 hour', now(), now(), 1, 1
                 FROM generate_series(0, %(n)s - 1) g,
                      LATERAL (SELECT %(start)s::timestamp + (g * 530) * interval '1 second' AS r) x""",
            company=company.id, products=products, np=len(products), projects=self.projects.ids,
            npj=len(self.projects), n=REQUESTS, start=start))
        cr.execute(SQL(
            """INSERT INTO itss_spare_check (name, company_id, warehouse_id, project_id, date, inspector_id, state,
                                             checked_count, good_count, faulty_count, good_rate,
                                             create_date, write_date, create_uid, write_uid)
               SELECT 'BSC' || g, %(company)s, w.id, w.itss_project_id, %(month)s::date + (g %% 31), 2, 'done',
                      10, 10 - g %% 3, g %% 3, 100.0 * (10 - g %% 3) / 10, now(), now(), 1, 1
                 FROM generate_series(0, %(n)s - 1) g
                 JOIN stock_warehouse w ON w.id = (%(warehouses)s)[1 + g %% %(nw)s]""",
            company=company.id, month=MONTH_FROM, n=CHECKS, warehouses=self.warehouses.ids, nw=WAREHOUSES))
        cr.execute("ANALYZE stock_quant; ANALYZE stock_move; ANALYZE stock_move_line; ANALYZE itss_spare_request")
        env.invalidate_all()

    # Availability of one part across the libraries.
    def lookup(self):
        return self.env["itss.spare.availability"].search_read(
            [("product_id", "=", self.part.id)],
            ["source", "warehouse_id", "location_id", "partner_id", "qty_on_hand", "qty_reserved", "qty_incoming",
             "delivery_hours"])

    def naive_lookup(self):
        rows = []
        for warehouse in self.warehouses:
            part = self.part.with_context(warehouse_id=warehouse.id)
            rows.append((warehouse.id, part.qty_available, part.free_qty, part.incoming_qty))
        return rows

    # The month's KPIs.
    def kpis(self):
        Kpi = self.env["itss.kpi"]
        return {provider: getattr(Kpi.new({"provider": provider, "level": level}),
                                  f"_itss_kpi_provider_{provider}")(MONTH_FROM, MONTH_TO)
                for provider, level in PROVIDERS.items()}

    def naive_kpis(self):
        """The same figures by reading every record of the month through the ORM, one by one."""
        env, company = self.env, self.company
        local = company._itss_local_date
        figures = {}
        good = checked = 0
        for check in env["itss.spare.check"].search([("company_id", "=", company.id)]):
            if check.state == "done" and MONTH_FROM <= check.date <= MONTH_TO:
                good += check.good_count
                checked += check.checked_count
        figures["availability"] = good / checked if checked else None
        on_time = total = 0
        hours = []
        for request in env["itss.spare.request"].search([("company_id", "=", company.id)]):
            if request.state not in ("draft", "cancelled") and MONTH_FROM <= local(request.request_date) <= MONTH_TO:
                total += 1
                on_time += bool(request.issue_date and request.issue_date <= request.target_date)
            if request.install_date and MONTH_FROM <= local(request.install_date) <= MONTH_TO:
                hours.append((request.install_date - request.request_date).total_seconds() / 3600)
        figures["fulfilment"] = on_time / total if total else None
        figures["to_site"] = sum(hours) / len(hours) if hours else None
        balance, stockouts, consumed = defaultdict(float), 0, 0.0
        for line in env["stock.move.line"].search([("company_id", "=", company.id), ("state", "=", "done")],
                                                  order="date, id"):
            product = line.product_id
            if not product.itss_is_spare:
                continue
            in_month = MONTH_FROM <= local(line.date) <= MONTH_TO
            for location, sign in ((line.location_id, -1), (line.location_dest_id, 1)):
                warehouse = location.warehouse_id
                if location.usage != "internal" or not warehouse.itss_library_type:
                    continue
                key = (product.id, warehouse.id)
                before = balance[key]
                balance[key] += sign * line.quantity_product_uom
                if in_month and product.itss_criticality == "a" and before > 0 >= balance[key]:
                    stockouts += 1
            if in_month and line.location_dest_id.usage == "customer":
                consumed += line.quantity_product_uom * product.standard_price
        figures["stockouts"], figures["consumed"] = stockouts, consumed
        return figures


def main(db_name):
    registry = Registry(db_name)
    with registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True,
                                                  "mail_create_nolog": True})
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        start = time.perf_counter()
        bench = Bench(env)
        print(f"{WAREHOUSES} libraries, {PRODUCTS} spares, {QUANTS:,} quants, {MOVES:,} done moves in March 2038, "
              f"{REQUESTS:,} requests, {CHECKS} spot checks (data {time.perf_counter() - start:.1f} s)")
        rows = bench.lookup()
        lookup = measure(env, bench.lookup, 5)
        naive = measure(env, bench.naive_lookup, 1)
        print(f"availability of one part ({len(rows)} rows): view {lookup[0] * 1000:.1f} ms {lookup[1]} queries "
              f"(target < 50 ms) | per-warehouse loop {naive[0] * 1000:.1f} ms {naive[1]} queries | "
              f"ratio {naive[0] / lookup[0]:.1f}x (target >= 20x)")
        values = bench.kpis()
        grouped = measure(env, bench.kpis)
        naive = measure(env, bench.naive_kpis, 1)
        shown = ", ".join(
            f"{provider} {values[provider].get(False) if False in values[provider] else len(values[provider])}"
            + ("" if False in values[provider] else " projects") for provider in PROVIDERS)
        print(f"the month's spare KPIs ({shown}): grouped {grouped[0] * 1000:.1f} ms {grouped[1]} queries "
              f"(target < 1 s) | per-record loop {naive[0] * 1000:.1f} ms {naive[1]} queries | "
              f"ratio {naive[0] / grouped[0]:.1f}x (target >= 20x)")
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1])
