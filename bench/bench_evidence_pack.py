# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: the evidence pack of a year at two history sizes — time and peak memory.

The pack is the demo company's (base.main_company) for the demo year (the current year), on a
copy of the bench database (installed with the suite's demo data: its people, audits, service
reports...) made for this bench and dropped at the end. ``ITSS_BENCH_PACK_TICKETS`` (default
``20000,200000``) gives the sizes: at each size the year holds that many more tickets of the demo
company, reported between the 1st of January and yesterday (bulk SQL with their SLA rows,
bench_service_desk's loader; the service desk and incident items export them as CSV), and as many
plan execution records on a work item of the demo plan (evidence of itss_capability's own items).
Each pack is generated in a child process, twice: once for the time and the peak resident memory
it adds (ru_maxrss of the child minus its size before the pack), once under tracemalloc for the
peak of Python allocations. The ratios large / small show whether the
time grows with the history (it should, about linearly) and the memory does not (flat: ~1x, the
ZIP and the CSVs are streamed). Run through ``make bench``.
"""

import json
import os
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from datetime import date, datetime

import odoo
from odoo.api import Environment
from odoo.modules.registry import Registry
from odoo.tools import SQL, config

SIZES = [int(size) for size in os.environ.get("ITSS_BENCH_PACK_TICKETS", "20000,200000").split(",")]
CONTEXT = {"tracking_disable": True, "mail_notrack": True, "mail_create_nolog": True}


def rss_kb():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def load_history(env, bench, work_item, loaded, size):
    """Bring the year to ``size`` tickets and plan execution records (besides the demo's)."""
    year = work_item.plan_id.year
    count = size - loaded
    bench.load(count)
    env.cr.execute(SQL(
        "INSERT INTO itss_plan_execution (work_item_id, plan_id, company_id, element_id, department_id, date, "
        "description, result, user_id, create_uid, write_uid, create_date, write_date) "
        "SELECT %s, %s, %s, %s, %s, %s::date + (g %% %s), 'Bench execution ' || g, 'done', %s, 1, 1, now(), now() "
        "FROM generate_series(%s, %s) g",
        work_item.id, work_item.plan_id.id, work_item.company_id.id, work_item.element_id.id or None,
        work_item.department_id.id or None, date(year, 1, 1), bench.span_days, env.uid, loaded + 1, size))
    env.cr.execute("ANALYZE itss_plan_execution")


def prepare(db):
    """The demo company's year on ``db``: returns the ticket loader, a work item of its plan, its scorecard id."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import bench_service_desk

    cr = Registry(db).cursor()
    env = Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
    company = env.ref("base.main_company")
    if not env.ref("itss_capability.user_itss_qa", raise_if_not_found=False):
        sys.exit(f"{db} has no demo data: the evidence pack bench needs the suite installed with its demo data")
    env = env(context=dict(CONTEXT, allowed_company_ids=company.ids))
    today = company._itss_today()
    year = today.year
    # Tickets reported between the 1st of January (local) and yesterday: all inside the pack's year.
    bench_service_desk.FIRST_DAY = datetime(year, 1, 1)
    span_days = max((today - date(year, 1, 1)).days, 1)
    bench_service_desk.SPAN_SECONDS = span_days * 24 * 3600 - 9 * 3600
    bench = bench_service_desk.Bench(env, True)
    bench.span_days = span_days
    plan = env["itss.capability.plan"].search([("company_id", "=", company.id), ("year", "=", year)], limit=1)
    work_item = plan.work_item_ids[:1]
    if not work_item:
        plan = plan or env["itss.capability.plan"].create({"name": "Bench plan", "year": year, "state": "approved"})
        work_item = env["itss.plan.work.item"].create({
            "plan_id": plan.id, "name": "Bench work item",
            "element_id": env.ref("itss_capability.itss_element_people").id,
            "date_start": date(year, 1, 1), "date_end": date(year, 12, 31)})
    Card = env["itss.readiness.scorecard"]
    card = Card.search([("company_id", "=", company.id), ("year", "=", year)], limit=1) or Card.create(
        {"company_id": company.id, "year": year})
    cr.commit()
    return bench, work_item, card.id


def measure_child(db, card_id, traced):
    """Generate one pack in this process (the child); print its figures as JSON."""
    registry = Registry(db)
    with registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
        card = env["itss.readiness.scorecard"].browse(card_id)
        pack = env["itss.evidence.pack"].create({
            "company_id": card.company_id.id, "year": card.year, "scorecard_id": card.id,
            "requested_by_id": env.uid})
        cr.commit()
        env.invalidate_all()
        before = rss_kb()
        if traced:
            tracemalloc.start()
        start = time.perf_counter()
        pack._itss_generate()
        seconds = time.perf_counter() - start
        traced_peak = tracemalloc.get_traced_memory()[1] if traced else 0
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cr.commit()  # the job wrote its result from a cursor of its own: see it in a new transaction
        pack.invalidate_recordset()
        print(json.dumps({
            "seconds": seconds, "rss_delta_kb": maxrss - before, "traced_peak_kb": traced_peak // 1024,
            "zip_kb": pack.zip_size // 1024, "files": pack.file_count, "state": pack.state,
        }))
        cr.commit()


def run_child(db, card_id, traced):
    args = [sys.executable, os.path.abspath(__file__), db, "--measure", str(card_id), "1" if traced else "0"]
    env = dict(os.environ, ITSS_BENCH_PACK_CONF=config["config"] or os.environ.get("ODOO_CONF", ""))
    child = subprocess.run(args, check=False, capture_output=True, text=True, env=env)
    if child.returncode:
        sys.exit(f"the pack failed in the child process:\n{child.stderr[-3000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def copy_database(source, target):
    """A copy of the bench database (and its filestore) for this bench only."""
    db = odoo.sql_db.db_connect("postgres")
    with db.cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(SQL("CREATE DATABASE %s TEMPLATE %s", SQL.identifier(target), SQL.identifier(source)))
    filestore = config.filestore(source)
    if os.path.isdir(filestore):
        shutil.copytree(filestore, config.filestore(target))


def drop_database(target):
    odoo.sql_db.close_db(target)
    db = odoo.sql_db.db_connect("postgres")
    with db.cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(SQL("DROP DATABASE IF EXISTS %s", SQL.identifier(target)))
    shutil.rmtree(config.filestore(target), ignore_errors=True)


def main(source_db):
    db = f"{source_db}_pack_{os.getpid()}"
    copy_database(source_db, db)
    try:
        bench, work_item, card_id = prepare(db)
        results, loaded = {}, 0
        for size in SIZES:
            load_history(bench.env, bench, work_item, loaded, size)
            bench.env.cr.commit()
            loaded = size
            timed = run_child(db, card_id, traced=False)
            traced = run_child(db, card_id, traced=True)
            results[size] = (timed, traced)
            print(f"{size:>8,} tickets + {size:,} plan executions in {work_item.plan_id.year}: "
                  f"pack {timed['seconds']:7.1f} s, "
                  f"{timed['files']} files, ZIP {timed['zip_kb']:,} KB | peak RSS added "
                  f"{timed['rss_delta_kb'] / 1024:6.1f} MB | "
                  f"tracemalloc peak {traced['traced_peak_kb'] / 1024:6.1f} MB "
                  f"({timed['state']})")
        small, large = results[SIZES[0]], results[SIZES[-1]]
        print(f"evidence pack {SIZES[-1]:,} / {SIZES[0]:,}: time {large[0]['seconds'] / small[0]['seconds']:.2f}x "
              f"(history {SIZES[-1] / SIZES[0]:.0f}x) | peak RSS added "
              f"{max(large[0]['rss_delta_kb'], 1) / max(small[0]['rss_delta_kb'], 1):.2f}x | tracemalloc peak "
              f"{max(large[1]['traced_peak_kb'], 1) / max(small[1]['traced_peak_kb'], 1):.2f}x (flat: ~1x)")
        bench.env.cr.close()
    finally:
        odoo.sql_db.close_all()
        drop_database(db)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--measure":
        conf = os.environ.get("ITSS_BENCH_PACK_CONF")
        config.parse_config((["-c", conf] if conf else []) + ["--log-level=warn"])
        measure_child(sys.argv[1], int(sys.argv[3]), sys.argv[4] == "1")
    else:
        main(sys.argv[1])
