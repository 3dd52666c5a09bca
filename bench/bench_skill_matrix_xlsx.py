# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: XLSX skill matrix for 500 engineers × 200 skills (100,000 cells).

Prints time, query count and peak Python memory of the report (one read of the matrix view)
next to a naive per-cell build (one ORM search per employee and skill) measured in the same
run on the same database. The naive build runs on the first NAIVE_EMPLOYEES engineers and is
also extrapolated linearly to all of them. Run through ``make bench``.
"""

import io
import sys
import time
import tracemalloc

import xlsxwriter

import odoo
from odoo.api import Environment
from odoo.modules.registry import Registry
from odoo.tools import SQL

EMPLOYEES, SKILLS, NAIVE_EMPLOYEES = 500, 200, 50


def measure(env, label, func):
    env.invalidate_all()
    before = env.cr.sql_log_count
    tracemalloc.start()
    start = time.perf_counter()
    func()
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    queries = env.cr.sql_log_count - before
    print(f"{label:<44} {elapsed:8.2f} s {queries:8d} queries {peak / 2**20:8.1f} MiB peak")
    return elapsed, queries, peak


def naive_build(env, employees, skills):
    """One search per cell, written cell by cell."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet("Matrix")
    EmployeeSkill = env["hr.employee.skill"]
    for row, employee in enumerate(employees, start=1):
        sheet.write(row, 0, employee.name)
        for col, skill in enumerate(skills, start=1):
            held = EmployeeSkill.search([("employee_id", "=", employee.id), ("skill_id", "=", skill.id)], limit=1)
            if held:
                sheet.write(row, col, held.skill_level_id.name)
    workbook.close()
    return output.getvalue()


def main(db_name):
    registry = Registry(db_name)
    with registry.cursor() as cr:
        env = Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        skill_type = env["hr.skill.type"].create({
            "name": "Bench O&M skills",
            "skill_ids": [(0, 0, {"name": f"Skill {n:03d}"}) for n in range(SKILLS)],
            "skill_level_ids": [(0, 0, {"name": name, "level_progress": progress})
                                for name, progress in (("L1", 25), ("L2", 50), ("L3", 75), ("L4", 100))],
        })
        job = env["hr.job"].create({"name": "Bench engineer"})
        employees = env["hr.employee"].create([{"name": f"Engineer {n:03d}", "job_id": job.id}
                                               for n in range(EMPLOYEES)])
        env.flush_all()
        levels = skill_type.skill_level_ids.ids
        cr.execute(SQL(
            """INSERT INTO hr_employee_skill (employee_id, skill_id, skill_type_id, skill_level_id, valid_from,
                                              create_uid, write_uid, create_date, write_date)
               SELECT e.id, s.id, %s, (%s::int[])[1 + (e.id + s.id) %% 4], CURRENT_DATE - 1, 1, 1, NOW(), NOW()
                 FROM hr_employee e, hr_skill s
                WHERE e.id = ANY(%s) AND s.id = ANY(%s)""",
            skill_type.id, levels, employees.ids, skill_type.skill_ids.ids,
        ))
        print(f"{EMPLOYEES} engineers x {SKILLS} skills = {EMPLOYEES * SKILLS} matrix cells")
        report = env.ref("itss_hr_skills.skill_matrix_xlsx_report_action")
        Report = env["ir.actions.report"]
        fast_time, fast_queries, _fast_peak = measure(
            env, "report (one read of the matrix view)", lambda: Report._render(report.report_name, employees.ids))
        sample = employees[:NAIVE_EMPLOYEES]
        skills = skill_type.skill_ids
        naive_time, naive_queries, _naive_peak = measure(
            env, f"naive per-cell build, {NAIVE_EMPLOYEES} engineers", lambda: naive_build(env, sample, skills))
        scale = EMPLOYEES / NAIVE_EMPLOYEES
        print(f"naive extrapolated to {EMPLOYEES} engineers: {naive_time * scale:8.2f} s "
              f"{int(naive_queries * scale):8d} queries")
        print(f"ratio naive (extrapolated) / report: {naive_time * scale / fast_time:.1f}x time, "
              f"{naive_queries * scale / max(fast_queries, 1):.0f}x queries")
        cr.rollback()


if __name__ == "__main__":
    main(sys.argv[1])
