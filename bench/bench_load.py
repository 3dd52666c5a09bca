# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Load bench: concurrent agents on a multi-worker Odoo, the suite against plain helpdesk_mgmt_sla.

For each side (a database with plain OCA helpdesk_mgmt_sla, then one with the ITSS suite) this
loads the same closed-ticket history (bulk SQL, see bench_service_desk.py), creates K agent users,
starts a multi-worker Odoo server on 127.0.0.1 and lets K simulated agents work over JSON-RPC for a
fixed time: create a ticket, reply, start work, pause (waiting for the customer) and resume,
reassign, open the team's list, kanban and a form. On the suite side the SLA watch cron runs every
minute meanwhile. It prints per side the operations per second and p50/p95/p99 latency per
operation and the errors, then the ratios suite / plain, and checks on the suite: no target
escalated twice to the same level, and every ticket's SLA rows consistent (a check over all
tickets, after a last run of the watch).

Settings (environment): ITSS_BENCH_LOAD_AGENTS (8), ITSS_BENCH_LOAD_SECONDS (60),
ITSS_BENCH_LOAD_HISTORY (20000 tickets), ITSS_BENCH_LOAD_WORKERS (4), ITSS_BENCH_LOAD_PORT (a free
port; the server's gevent port is the next one when it is set). Traffic goes to 127.0.0.1 only,
bounded by the agent count and the duration. Run through ``make bench``.
"""

import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections import defaultdict
from http.cookiejar import CookieJar
from pathlib import Path

import odoo
from odoo.api import Environment
from odoo.modules.registry import Registry
from odoo.tools import SQL, config

sys.path.insert(0, str(Path(__file__).parent))
from bench_service_desk import LIST_FIELDS, Bench

AGENTS = int(os.environ.get("ITSS_BENCH_LOAD_AGENTS", "8"))
SECONDS = int(os.environ.get("ITSS_BENCH_LOAD_SECONDS", "60"))
HISTORY = int(os.environ.get("ITSS_BENCH_LOAD_HISTORY", "20000"))
WORKERS = int(os.environ.get("ITSS_BENCH_LOAD_WORKERS", "4"))
PORT = int(os.environ.get("ITSS_BENCH_LOAD_PORT", "0"))
PASSWORD = "bench-agent"
# Operation mix of an agent's day, by weight.
OPERATIONS = {"create": 20, "reply": 20, "start": 10, "pause": 10, "reassign": 5,
              "list": 15, "kanban": 10, "form": 10}
CONTEXT = {"tracking_disable": True, "mail_notrack": True, "mail_create_nolog": True}


def free_port(offset=0):
    if PORT:
        return PORT + offset
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(db, suite):
    """History, agents and (suite) a one-minute SLA watch, committed for the server to see."""
    with Registry(db).cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
        bench = Bench(env, suite)
        bench.load(HISTORY)
        groups = [env.ref("helpdesk_mgmt.group_helpdesk_user").id]
        if suite:
            groups.append(env.ref("itss_capability.group_itss_user").id)
        agents = env["res.users"].with_context(no_reset_password=True).create([{
            "name": f"Bench agent {n}", "login": f"bench_agent_{n}_{bench.team.id}", "password": PASSWORD,
            "group_ids": [(6, 0, groups)],
        } for n in range(AGENTS)])
        bench.team.user_ids = [(6, 0, agents.ids)]
        if suite:
            cron = env.ref("itss_service_desk.ir_cron_itss_sla_watch")
            cron.write({"interval_number": 1, "interval_type": "minutes", "active": True,
                        "nextcall": odoo.fields.Datetime.now()})
        env.flush_all()
        cr.commit()
        return {
            "team": bench.team.id,
            "logins": agents.mapped("login"),
            "projects": bench.projects.ids if suite else [],
            "partner": bench.partner.id if suite else False,
            "stages": {name: env.ref(f"helpdesk_mgmt.helpdesk_ticket_stage_{name}").id
                       for name in ("new", "in_progress", "awaiting", "done")},
        }


class Agent(threading.Thread):
    """One agent's session: logs in, then works tickets of the team until the time is up."""

    def __init__(self, url, db, login, setup, suite, deadline, seed):
        super().__init__(daemon=True)
        self.url, self.db, self.login, self.setup, self.suite = url, db, login, setup, suite
        self.deadline, self.random = deadline, random.Random(seed)
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.timings, self.errors, self.tickets = defaultdict(list), defaultdict(int), []
        self.colleagues = []

    def rpc(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
        request = urllib.request.Request(self.url + path, body, {"Content-Type": "application/json"})
        with self.opener.open(request, timeout=120) as response:
            answer = json.loads(response.read())
        if answer.get("error"):
            raise RuntimeError(answer["error"].get("data", {}).get("message") or answer["error"])
        return answer["result"]

    def call(self, model, method, *args, **kwargs):
        return self.rpc(f"/web/dataset/call_kw/{model}/{method}",
                        {"model": model, "method": method, "args": list(args), "kwargs": kwargs})

    def run(self):
        try:
            self.rpc("/web/session/authenticate", {"db": self.db, "login": self.login, "password": PASSWORD})
        except Exception:  # noqa: BLE001 — a failed login is an error of the run, counted below
            self.errors["login"] += 1
            return
        operations, weights = list(OPERATIONS), list(OPERATIONS.values())
        while time.monotonic() < self.deadline:
            operation = self.random.choices(operations, weights)[0]
            if operation not in ("create", "list", "kanban") and not self.tickets:
                operation = "create"
            start = time.perf_counter()
            try:
                getattr(self, f"op_{operation}")()
            except Exception:  # noqa: BLE001 — every failure a user would see counts as an error
                self.errors[operation] += 1
                continue
            self.timings[operation].append(time.perf_counter() - start)

    def op_create(self):
        vals = {"name": f"Load ticket {self.login} {len(self.tickets)}", "description": "<p>down</p>",
                "team_id": self.setup["team"]}
        if self.suite:
            projects = self.setup["projects"]
            vals.update({"service_project_id": self.random.choice(projects), "partner_id": self.setup["partner"],
                         "itss_impact": self.random.choice("123"), "itss_urgency": self.random.choice("123")})
        self.tickets.append(self.call("helpdesk.ticket", "create", [vals])[0])

    def ticket(self):
        return self.random.choice(self.tickets[-20:])

    def op_reply(self):
        self.call("helpdesk.ticket", "message_post", [self.ticket()], body="We are on it.",
                  message_type="comment", subtype_xmlid="mail.mt_comment")

    def op_start(self):
        self.call("helpdesk.ticket", "write", [self.ticket()], {"stage_id": self.setup["stages"]["in_progress"]})

    def op_pause(self):
        ticket = self.ticket()
        self.call("helpdesk.ticket", "write", [ticket], {"stage_id": self.setup["stages"]["awaiting"]})
        self.call("helpdesk.ticket", "write", [ticket], {"stage_id": self.setup["stages"]["in_progress"]})

    def op_reassign(self):
        if not self.colleagues:
            self.colleagues = self.call("res.users", "search", [("login", "in", self.setup["logins"])])
        self.call("helpdesk.ticket", "write", [self.ticket()], {"user_id": self.random.choice(self.colleagues)})

    def domain(self):
        return [("team_id", "=", self.setup["team"])]

    def op_list(self):
        spec = {name: {} for name in LIST_FIELDS}
        for name in ("partner_id", "user_id", "team_id", "stage_id"):
            spec[name] = {"fields": {"display_name": {}}}
        self.call("helpdesk.ticket", "web_search_read", self.domain(), spec, limit=80, count_limit=10001)

    def op_kanban(self):
        spec = {"number": {}, "name": {}, "priority": {}, "user_id": {"fields": {"display_name": {}}},
                "partner_id": {"fields": {"display_name": {}}}}
        self.call("helpdesk.ticket", "web_read_group", self.domain(), ["stage_id"], ["__count"],
                  auto_unfold=True, unfold_read_specification=spec, unfold_read_default_limit=40)

    def op_form(self):
        spec = {name: {} for name in ("number", "name", "description", "priority", "create_date")}
        spec.update({name: {"fields": {"display_name": {}}} for name in ("stage_id", "user_id", "team_id")})
        self.call("helpdesk.ticket", "web_read", [self.ticket()], spec)


def serve(db, port, suite):
    """A multi-worker Odoo on 127.0.0.1 (cron thread only on the suite side); waits until it answers."""
    command = [
        sys.executable, "-m", "odoo", "server", "-c", os.environ["ODOO_CONF"], "-d", db, f"--db-filter=^{db}$",
        f"--workers={WORKERS}", f"--max-cron-threads={1 if suite else 0}", "--http-interface=127.0.0.1",
        f"--http-port={port}", f"--gevent-port={free_port(1)}", "--log-level=warn",
        "--limit-time-real=600", "--limit-time-cpu=600", "--no-database-list",
    ]
    log = open(os.path.join(config["data_dir"], f"bench-load-{db}.log"), "w", encoding="utf-8")  # noqa: SIM115
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    for _attempt in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/web/health", timeout=2).read()
            return server, log
        except OSError:
            time.sleep(1)
    server.terminate()
    raise RuntimeError(f"the bench server on {db} did not start (log: {log.name})")


def run_side(label, db, suite):
    setup = prepare(db, suite)
    port = free_port()
    server, log = serve(db, port, suite)
    try:
        deadline = time.monotonic() + SECONDS
        agents = [Agent(f"http://127.0.0.1:{port}", db, login, setup, suite, deadline, seed)
                  for seed, login in enumerate(setup["logins"])]
        started = time.monotonic()
        for agent in agents:
            agent.start()
        for agent in agents:
            agent.join(SECONDS + 180)
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(60)
        log.close()
    timings, errors = defaultdict(list), defaultdict(int)
    for agent in agents:
        for operation, values in agent.timings.items():
            timings[operation].extend(values)
        for operation, count in agent.errors.items():
            errors[operation] += count
    done = sum(len(values) for values in timings.values())
    print(f"{label:<24} {AGENTS} agents × {SECONDS} s, {WORKERS} workers: {done / elapsed:7.1f} ops/s, "
          f"{sum(errors.values())} errors {dict(errors) or ''}")
    figures = {}
    for operation in OPERATIONS:
        values = sorted(timings[operation])
        if not values:
            continue
        quantiles = statistics.quantiles(values, n=100, method="inclusive")
        figures[operation] = (quantiles[49], quantiles[94], quantiles[98])
        print(f"    {operation:<9} n={len(values):5d}  p50 {quantiles[49] * 1000:7.1f} ms  "
              f"p95 {quantiles[94] * 1000:7.1f} ms  p99 {quantiles[98] * 1000:7.1f} ms")
    return {"rate": done / elapsed, "figures": figures, "errors": sum(errors.values()), "team": setup["team"]}


def check_suite(db, team):
    """After a last watch: no target escalated twice to a level, every ticket's SLA rows consistent."""
    with Registry(db).cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
        env["helpdesk.ticket.sla"]._cron_itss_sla_watch()
        env.flush_all()
        cr.execute(SQL(
            """SELECT count(*) FROM (
                   SELECT m.res_id, m.subject FROM mail_message m
                   JOIN helpdesk_ticket t ON t.id = m.res_id AND m.model = 'helpdesk.ticket'
                   WHERE t.team_id = %s AND m.subject LIKE 'SLA %%'
                   GROUP BY m.res_id, m.subject HAVING count(*) > 1) twice""", team))
        duplicates = cr.fetchone()[0]
        cr.execute(SQL(
            """SELECT
                 count(*) FILTER (WHERE s.ticket_id IS NULL AND t.itss_priority IS NOT NULL) AS without_targets,
                 count(*) FILTER (WHERE s.state = 'in_progress' AND s.deadline < now() at time zone 'UTC'
                                  AND s.reached_at IS NULL) AS overdue_running,
                 count(*) FILTER (WHERE st.closed AND s.state = 'in_progress') AS closed_running,
                 count(*) FILTER (WHERE s.itss_priority IS DISTINCT FROM t.itss_priority
                                  AND s.state = 'in_progress') AS wrong_priority
               FROM helpdesk_ticket t
               JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
               LEFT JOIN helpdesk_ticket_sla s ON s.ticket_id = t.id
               WHERE t.team_id = %s""", team))
        without_targets, overdue_running, closed_running, wrong_priority = cr.fetchone()
        cr.execute(SQL(
            """SELECT count(*) FROM (SELECT ticket_id, sla_id FROM helpdesk_ticket_sla s
                 JOIN helpdesk_ticket t ON t.id = s.ticket_id WHERE t.team_id = %s
                 GROUP BY ticket_id, sla_id HAVING count(*) > 1) doubled""", team))
        doubled = cr.fetchone()[0]
        cr.execute(SQL("SELECT count(*) FROM helpdesk_ticket WHERE team_id = %s", team))
        tickets = cr.fetchone()[0]
        cr.rollback()
    problems = {"escalated twice": duplicates, "tickets without targets": without_targets,
                "running targets past their deadline": overdue_running, "running targets of closed tickets":
                closed_running, "targets of another priority still running": wrong_priority,
                "targets twice on a ticket": doubled}
    print(f"suite consistency over {tickets:,} tickets: "
          + ", ".join(f"{name} {count}" for name, count in problems.items()))
    return not any(problems.values())


def main(suite_db, plain_db):
    plain = run_side("plain helpdesk_mgmt_sla", plain_db, suite=False)
    suite = run_side("ITSS suite", suite_db, suite=True)
    print(f"throughput suite / plain = {suite['rate'] / plain['rate']:.2f}x (target >= 0.8x)")
    for operation, (_p50, p95, _p99) in suite["figures"].items():
        if operation in plain["figures"]:
            print(f"    {operation:<9} p95 suite / plain = {p95 / plain['figures'][operation][1]:.2f}x "
                  f"(target <= 1.25x)")
    consistent = check_suite(suite_db, suite["team"])
    print(f"errors: plain {plain['errors']}, suite {suite['errors']} (target 0); "
          f"SLA rows {'consistent' if consistent else 'INCONSISTENT'}")


if __name__ == "__main__":
    main(sys.argv[1], os.environ.get("ITSS_BENCH_PLAIN_DB") or sys.argv[2])
