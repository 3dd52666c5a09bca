# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: capability plan dashboard with 5,000 work items and 20,000 execution records.

Prints time and query count per dashboard load (grouped reads, ``_get_execution_report_data``)
next to a naive build that loops over the records one by one, both measured in this run on
the same database, and their ratio. Run through ``make bench``.
"""

import sys
import time
from collections import defaultdict

import odoo
from odoo.api import Environment
from odoo.modules.registry import Registry

ITEMS, RECORDS_PER_ITEM, LOADS = 5000, 4, 3


def naive_dashboard(plan):
    """The same figures, computed by looping over every work item and execution record."""
    today = odoo.fields.Date.context_today(plan)
    by_element, by_department = defaultdict(lambda: [0, 0, 0, 0.0]), defaultdict(lambda: [0, 0, 0, 0.0])
    executions = defaultdict(int)
    for item in plan.work_item_ids:
        overdue = bool(item.date_end and item.date_end < today and item.state not in ("done", "cancelled"))
        for key, table in ((item.element_id, by_element), (item.department_id, by_department)):
            row = table[key]
            row[0] += 1
            row[1] += item.state == "done"
            row[2] += overdue
            row[3] += item.progress
        executions[item.element_id] += len(item.execution_ids)
    return by_element, by_department, executions


def measure(env, label, func):
    timings, queries = [], []
    for _ in range(LOADS):
        env.invalidate_all()
        before = env.cr.sql_log_count
        start = time.perf_counter()
        func()
        timings.append(time.perf_counter() - start)
        queries.append(env.cr.sql_log_count - before)
    best = min(timings)
    print(f"{label:<38} {best * 1000:9.1f} ms {queries[-1]:7d} queries per load")
    return best, queries[-1]


def main(db_name):
    registry = Registry(db_name)
    with registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True})
        elements = env["itss.element"].search([])
        departments = env["hr.department"].create([{"name": f"Bench department {n}"} for n in range(20)])
        plan = env["itss.capability.plan"].create({"year": 2099, "name": "Bench plan"})
        items = env["itss.plan.work.item"].create([{
            "plan_id": plan.id, "name": f"Item {n}", "element_id": elements[n % len(elements)].id,
            "department_id": departments[n % len(departments)].id, "progress": n % 101,
            "state": ("todo", "in_progress", "done")[n % 3],
            "date_start": "2099-01-01", "date_end": f"2099-{n % 12 + 1:02d}-28",
        } for n in range(ITEMS)])
        env["itss.plan.execution"].create([{
            "work_item_id": item.id, "date": "2099-03-01", "description": f"Record {r}",
        } for item in items for r in range(RECORDS_PER_ITEM)])
        env.flush_all()
        print(f"plan with {ITEMS} work items and {ITEMS * RECORDS_PER_ITEM} execution records, "
              f"best of {LOADS} loads")
        grouped_time, grouped_queries = measure(env, "dashboard (grouped reads)", plan._get_execution_report_data)
        naive_time, naive_queries = measure(env, "naive per-record loop", lambda: naive_dashboard(plan))
        print(f"ratio naive / grouped: {naive_time / grouped_time:.1f}x time, "
              f"{naive_queries / max(grouped_queries, 1):.1f}x queries")
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1])
