# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: the service desk at 200,000 tickets (3 years, 10 projects) against plain helpdesk_mgmt_sla.

``ITSS_BENCH_TICKETS=1000000 make bench`` runs the large size instead: 1,000,000 tickets over 5
years and 50 projects, measured at 100k, 200k and every further 200k.

Two databases are measured in the same run: one with only OCA helpdesk_mgmt_sla (the baseline) and
one with the ITSS suite. Both receive the same history in two steps of 100,000 tickets (bulk SQL,
with their SLA rows), and after each step this prints, for both:

- creating one ticket through the ORM (best of N): time and query count, so that the ratio and the
  extra queries of the suite show, and whether they stay flat as the table grows;
- opening the team's list (first 80 rows and the count) and kanban (stage groups, 40 cards each)
  the way the web client asks for them;

then, on the suite, computing one month's process KPIs and SLA self-assessments for all projects
(grouped reads) next to a per-record loop over the same month computing six of those figures,
closing that month for all projects, and generating one project's monthly service report.
Run through ``make bench`` (it prepares both throw-away databases).
"""

import os
import sys
import time
from datetime import datetime, timedelta

import odoo
from odoo.api import Environment
from odoo.modules.registry import Registry
from odoo.tools import SQL

TICKETS = int(os.environ.get("ITSS_BENCH_TICKETS", "200000"))
LARGE = TICKETS >= 1_000_000
# Sizes at which both databases are measured: 100k, 200k, then every 200k.
SIZES = [size for size in (100_000, *range(200_000, TICKETS + 1, 200_000)) if size <= TICKETS] or [TICKETS]
PROJECTS, CREATES, LOADS = (50 if LARGE else 10), 15, 3
FIRST_DAY = datetime(2038, 1, 1)
SPAN_SECONDS = (5 if LARGE else 3) * 365 * 24 * 3600
LIST_FIELDS = ("number", "name", "partner_id", "user_id", "team_id", "stage_id", "create_date", "priority")


class Bench:
    """Data and measurements of one database (plain helpdesk_mgmt_sla or the ITSS suite)."""

    def __init__(self, env, suite):
        self.env, self.suite, self.loaded = env, suite, 0
        self.stage_new = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        self.stage_done = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.stage_waiting = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        calendar = env.ref("resource.resource_calendar_std")
        self.team = env["helpdesk.ticket.team"].create({
            "name": "Bench desk", "use_sla": True, "resource_calendar_id": calendar.id})
        env["helpdesk.sla"].search([]).active = False
        common = {"team_ids": [(6, 0, self.team.ids)], "stage_id": self.stage_done.id,
                  "ignore_stage_ids": [(6, 0, self.stage_waiting.ids)]}
        if suite:
            self.partner = env["res.partner"].create({"name": "Bench customer", "is_company": True})
            self.projects = env["itss.service.project"].create([{
                "name": f"Bench project {n}", "partner_id": self.partner.id, "state": "active",
                "resource_calendar_id": calendar.id} for n in range(PROJECTS)])
            self.slas = env["helpdesk.sla"].create([
                {**common, "name": f"{priority} {target}", "itss_priority": priority, "itss_target": target,
                 "hours": hours}
                for priority, response, resolution in (("P1", 1, 4), ("P2", 2, 8), ("P3", 4, 16), ("P4", 8, 24))
                for target, hours in (("response", response), ("resolution", resolution))
            ])
        else:
            self.slas = env["helpdesk.sla"].create({**common, "name": "Resolution 16h", "hours": 16})
        env.flush_all()

    def load(self, count):
        """Append ``count`` closed tickets spread over three years, with their SLA rows (bulk SQL)."""
        cr, first = self.env.cr, self.loaded + 1
        last = self.loaded + count
        cr.execute("SELECT COALESCE(MAX(id), 0) FROM helpdesk_ticket")
        start_id = cr.fetchone()[0]
        reported = SQL("%s::timestamp + (g::bigint * %s %% %s) * interval '1 second'",
                       FIRST_DAY, 7919, SPAN_SECONDS)
        base_columns = SQL(
            "number, name, description, company_id, team_id, stage_id, priority, active, "
            "create_date, write_date, create_uid, write_uid, last_stage_update, closed_date")
        base_values = SQL(
            "'B' || g, 'Bench ticket ' || g, '<p>bench</p>', %(company)s, %(team)s, "
            "CASE WHEN g %% 20 = 0 THEN %(new)s ELSE %(done)s END, '1', true, "
            "%(reported)s, %(reported)s, 1, 1, %(reported)s, "
            "CASE WHEN g %% 20 = 0 THEN NULL ELSE %(reported)s + (g %% 30) * interval '1 hour' END",
            company=self.env.company.id, team=self.team.id, new=self.stage_new.id, done=self.stage_done.id,
            reported=reported)
        if self.suite:
            cr.execute(SQL(
                "INSERT INTO helpdesk_ticket (%s, itss_kind, itss_channel, itss_reported_at, service_project_id, "
                "itss_impact, itss_urgency, itss_priority, itss_first_response_at, itss_resolution_hours, "
                "dispatch_count, returned_dispatch_count, reopen_count, itss_sla_breached, is_major_incident) "
                "SELECT %s, 'incident', 'phone', %s, (%s::int[])[g %% %s + 1], '3', '3', 'P3', "
                "%s + interval '30 minutes', CASE WHEN g %% 20 = 0 THEN 0 ELSE g %% 30 END, "
                "1, (g %% 17 = 0)::int, (g %% 41 = 0)::int, g %% 30 > 16, false "
                "FROM generate_series(%s, %s) g",
                base_columns, base_values, reported, self.projects.ids, PROJECTS, reported, first, last))
            sla_response, sla_resolution = self.slas.filtered(lambda s: s.itss_priority == "P3").sorted("itss_target")
            for sla, target, offset in ((sla_resolution, "resolution", 16), (sla_response, "response", 4)):
                cr.execute(SQL(
                    "INSERT INTO helpdesk_ticket_sla (ticket_id, sla_id, itss_target, service_project_id, company_id, "
                    "itss_priority, reported_at, hours, state, deadline, reached_at, breached, escalation_level, "
                    "consumed_time, last_state_date) "
                    "SELECT t.id, %s, %s, t.service_project_id, t.company_id, 'P3', t.itss_reported_at, %s, "
                    "CASE WHEN t.closed_date IS NULL THEN 'in_progress' WHEN t.itss_sla_breached THEN 'expired' "
                    "ELSE 'accomplished' END, t.itss_reported_at + %s * interval '1 hour', "
                    "CASE WHEN %s = 'response' THEN t.itss_first_response_at ELSE t.closed_date END, "
                    "t.itss_sla_breached AND %s = 'resolution', '2', 0, t.itss_reported_at "
                    "FROM helpdesk_ticket t WHERE t.id > %s",
                    sla.id, target, offset, offset, target, target, start_id))
            cr.execute(SQL(
                "INSERT INTO itss_ticket_stage_period (ticket_id, stage_id, date_start, company_id) "
                "SELECT id, stage_id, itss_reported_at, company_id FROM helpdesk_ticket WHERE id > %s", start_id))
        else:
            cr.execute(SQL("INSERT INTO helpdesk_ticket (%s) SELECT %s FROM generate_series(%s, %s) g",
                           base_columns, base_values, first, last))
            cr.execute(SQL(
                "INSERT INTO helpdesk_ticket_sla (ticket_id, sla_id, hours, state, deadline, consumed_time, "
                "last_state_date) SELECT t.id, %s, 16, CASE WHEN t.closed_date IS NULL THEN 'in_progress' "
                "ELSE 'accomplished' END, t.create_date + interval '16 hours', 0, t.create_date "
                "FROM helpdesk_ticket t WHERE t.id > %s", self.slas.id, start_id))
        cr.execute("ANALYZE helpdesk_ticket")
        cr.execute("ANALYZE helpdesk_ticket_sla")
        self.loaded = last
        self.env.invalidate_all()

    def create_ticket(self, n):
        vals = {"name": f"Bench new ticket {n}", "description": "<p>down</p>", "team_id": self.team.id}
        if self.suite:
            vals.update({"service_project_id": self.projects[n % PROJECTS].id, "partner_id": self.partner.id,
                         "itss_impact": "2", "itss_urgency": "2"})
        ticket = self.env["helpdesk.ticket"].create(vals)
        self.env.flush_all()
        return ticket

    def list_view(self):
        Ticket = self.env["helpdesk.ticket"]
        domain = [("team_id", "=", self.team.id)]
        spec = {name: {"fields": {"display_name": {}}} if Ticket._fields[name].type == "many2one" else {}
                for name in LIST_FIELDS}
        Ticket.web_search_read(domain, spec, limit=80, count_limit=10001)

    def kanban_view(self):
        Ticket = self.env["helpdesk.ticket"]
        domain = [("team_id", "=", self.team.id)]
        spec = {name: {"fields": {"display_name": {}}} if Ticket._fields[name].type == "many2one" else {}
                for name in ("number", "name", "user_id", "partner_id", "priority", "stage_id")}
        spec["sla_deadline"] = {}
        groups = Ticket.web_read_group(domain, ["stage_id"], ["__count"])["groups"]
        for group in groups:
            stage = group["stage_id"][0] if group["stage_id"] else False
            Ticket.web_search_read(domain + [("stage_id", "=", stage)], spec, limit=40)


def measure(env, func, runs=LOADS):
    """Best time (s) and the query count of the last run."""
    timings, queries = [], 0
    for run in range(runs):
        env.invalidate_all()
        before = env.cr.sql_log_count
        start = time.perf_counter()
        func(run)
        timings.append(time.perf_counter() - start)
        queries = env.cr.sql_log_count - before
    return min(timings), queries


def naive_month(env, projects, date_from, date_to):
    """Six of the month's figures per project, looping over every ticket and SLA row."""
    start, end = datetime.combine(date_from, datetime.min.time()), datetime.combine(date_to, datetime.min.time())
    end += timedelta(days=1)
    figures = {}
    for project in projects:
        tickets = env["helpdesk.ticket"].search([("service_project_id", "=", project.id)])
        month = [t for t in tickets if start <= t.itss_reported_at < end]
        rows = [row for t in month for row in t.ticket_sla_ids if row.state in ("accomplished", "expired")]
        met = sum(1 for row in rows if not row.breached)
        responses = [row for row in rows if row.itss_target == "response"]
        closed = [t for t in month if t.closed_date]
        dispatched = sum(t.dispatch_count for t in month)
        figures[project.id] = (
            met / len(rows) if rows else 0,
            sum(1 for row in responses if not row.breached) / len(responses) if responses else 0,
            len(closed) / len(month) if month else 0,
            sum(t.itss_resolution_hours for t in closed) / len(closed) if closed else 0,
            1 - sum(t.returned_dispatch_count for t in month) / dispatched if dispatched else 0,
            sum(1 for t in closed if t.reopen_count) / len(closed) if closed else 0,
        )
    return figures


def main(suite_db, plain_db):
    registries = {"plain helpdesk_mgmt_sla": Registry(plain_db), "ITSS suite": Registry(suite_db)}
    cursors = {label: registry.cursor() for label, registry in registries.items()}
    benches = {
        label: Bench(Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True,
                                                        "mail_create_nolog": True}), label == "ITSS suite")
        for label, cr in cursors.items()
    }
    try:
        results = {}
        loaded = 0
        for step, size in enumerate(SIZES, start=1):
            print(f"--- {size:,} bench tickets in each database ---")
            for label, bench in benches.items():
                bench.load(size - loaded)
                create = measure(bench.env, lambda n, b=bench, s=step: b.create_ticket(n + s * 1000), CREATES)
                list_view = measure(bench.env, lambda _n, b=bench: b.list_view())
                kanban = measure(bench.env, lambda _n, b=bench: b.kanban_view())
                results[label, step] = create
                print(f"{label:<24} create one ticket {create[0] * 1000:7.1f} ms {create[1]:4d} queries | "
                      f"list {list_view[0] * 1000:7.1f} ms | kanban {kanban[0] * 1000:7.1f} ms")
            loaded = size
            suite, plain = results["ITSS suite", step], results["plain helpdesk_mgmt_sla", step]
            print(f"create: suite / plain = {suite[0] / plain[0]:.2f}x time, {suite[1] - plain[1]:+d} queries")
        first, last = results["ITSS suite", 1][0], results["ITSS suite", len(SIZES)][0]
        print(f"suite ticket creation from {SIZES[0]:,} to {SIZES[-1]:,} tickets: {last / first:.2f}x (flat: ~1x)")
        bench = benches["ITSS suite"]
        env = bench.env
        month = env["itss.service.month"].create({"date_from": "2039-06-01"})
        first = measure(env, lambda _n: month.action_compute(), 1)
        grouped = measure(env, lambda _n: month.action_compute())
        naive = measure(env, lambda _n: naive_month(env, bench.projects, month.date_from, month.date_to), 1)
        values = env["itss.kpi.value"].search_count([("date_from", "=", month.date_from)])
        print(f"month {month.name}, {PROJECTS} projects: grouped KPIs + self-assessments first "
              f"{first[0] * 1000:.1f} ms {first[1]} queries, recompute "
              f"{grouped[0] * 1000:.1f} ms {grouped[1]} queries ({values} KPI values) | per-record loop "
              f"(6 figures) {naive[0] * 1000:.1f} ms {naive[1]} queries | ratio {naive[0] / grouped[0]:.1f}x")
        close = measure(env, lambda _n: month.action_close(), 1)
        print(f"month close for all {PROJECTS} projects: {close[0]:.2f} s {close[1]} queries (target < 60 s)")
        report = env["itss.service.report"].create({"project_id": bench.projects[0].id, "date_from": month.date_from})
        generate = measure(env, lambda _n: report.action_generate(), 1)
        print(f"one project-month service report: {generate[0]:.2f} s {generate[1]} queries (target < 2 s)")
    finally:
        for cr in cursors.values():
            cr.rollback()
            cr.close()


if __name__ == "__main__":
    main(sys.argv[1], os.environ.get("ITSS_BENCH_PLAIN_DB") or sys.argv[2])
