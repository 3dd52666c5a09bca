# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: baseline refresh when a year of KPI values arrives at once.

Prints the time and query count of one batched ``create`` of V values (one refresh per
series) next to the naive build that creates the same values one by one (one refresh per
value), both measured in this run on the same database, and their ratio.
Run through ``make bench`` (it prepares a throw-away database).
"""

import sys
import time

import odoo
from odoo.api import Environment
from odoo.modules.registry import Registry

KPIS, MONTHS = 40, 24


def build_values(env, kpis, year):
    return [
        {"kpi_id": kpi.id, "date_from": f"{year + (m - 1) // 12}-{(m - 1) % 12 + 1:02d}-01",
         "value": 90 + (m * 7 + kpi.id) % 10}
        for kpi in kpis for m in range(1, MONTHS + 1)
    ]


def measure(label, func):
    start = time.perf_counter()
    queries_before = odoo.sql_db.sql_counter
    func()
    elapsed = time.perf_counter() - start
    queries = odoo.sql_db.sql_counter - queries_before
    print(f"{label:<32} {elapsed:8.2f} s {queries:8d} queries")
    return elapsed


def main(db_name):
    registry = Registry(db_name)
    with registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        kpis = env["itss.kpi"].create([
            {"name": f"Bench KPI {i}", "code": f"BENCH{i}", "value_type": "number",
             "target": 95, "owner_id": False}
            for i in range(KPIS)
        ])
        Value = env["itss.kpi.value"]
        naive_values = build_values(env, kpis, 2000)
        batch_values = build_values(env, kpis, 2010)
        print(f"{KPIS} KPIs x {MONTHS} months = {len(batch_values)} values per build")

        def naive():
            for vals in naive_values:
                Value.create(vals)
            env.flush_all()

        def batched():
            Value.create(batch_values)
            env.flush_all()

        t_naive = measure("naive (one create per value)", naive)
        t_batch = measure("batched (one create)", batched)
        print(f"ratio naive / batched: {t_naive / t_batch:.1f}x")
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1])
