# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models, tools
from odoo.tools import SQL


class ItssSkillMatrix(models.Model):
    """Employees × skills with current and required levels: the skill matrix and its gaps.

    One row per active employee and skill that the employee holds (valid, not a certification)
    or that the employee's post requires (Odoo's job skills). gap = required − current level
    progress when the post requires more than the employee has.
    """

    _name = "itss.skill.matrix"
    _description = "Skill Matrix and Gaps"
    _auto = False
    _order = "employee_id, skill_type_id, skill_id"

    employee_id = fields.Many2one("hr.employee", readonly=True)
    job_id = fields.Many2one("hr.job", string="Post", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    skill_type_id = fields.Many2one("hr.skill.type", readonly=True)
    skill_id = fields.Many2one("hr.skill", readonly=True)
    skill_level_id = fields.Many2one("hr.skill.level", string="Current Level", readonly=True)
    level_progress = fields.Integer(string="Current Level (%)", readonly=True, aggregator="avg")
    required_level_id = fields.Many2one("hr.skill.level", readonly=True)
    required_progress = fields.Integer(string="Required Level (%)", readonly=True, aggregator="avg")
    gap = fields.Integer(string="Gap (%)", readonly=True, aggregator="sum",
                         help="Required minus current level progress, when the post requires more.")
    is_required = fields.Boolean(string="Required by Post", readonly=True)
    has_gap = fields.Boolean(readonly=True)

    def _query(self):
        return SQL("""
            WITH emp AS (
                SELECT e.id, v.job_id, v.department_id, e.company_id
                  FROM hr_employee e
                  LEFT JOIN hr_version v ON v.id = e.current_version_id
                 WHERE e.active
            ), cur AS (
                SELECT DISTINCT ON (es.employee_id, es.skill_id)
                       es.employee_id, es.skill_id, es.skill_type_id, es.skill_level_id, lvl.level_progress
                  FROM hr_employee_skill es
                  JOIN hr_skill_level lvl ON lvl.id = es.skill_level_id
                  JOIN hr_skill_type st ON st.id = es.skill_type_id
                 WHERE (es.valid_to IS NULL OR es.valid_to >= CURRENT_DATE)
                   AND NOT COALESCE(st.is_certification, FALSE)
                 ORDER BY es.employee_id, es.skill_id, es.valid_from DESC NULLS LAST, es.id DESC
            ), req AS (
                SELECT DISTINCT ON (js.job_id, js.skill_id)
                       js.job_id, js.skill_id, js.skill_type_id, js.skill_level_id, lvl.level_progress
                  FROM hr_job_skill js
                  JOIN hr_skill_level lvl ON lvl.id = js.skill_level_id
                 WHERE js.valid_to IS NULL OR js.valid_to >= CURRENT_DATE
                 ORDER BY js.job_id, js.skill_id, js.valid_from DESC NULLS LAST, js.id DESC
            ), pairs AS (
                SELECT cur.employee_id, cur.skill_id FROM cur JOIN emp ON emp.id = cur.employee_id
                 UNION
                SELECT emp.id, req.skill_id FROM emp JOIN req ON req.job_id = emp.job_id
            )
            SELECT row_number() OVER (ORDER BY pairs.employee_id, pairs.skill_id) AS id,
                   pairs.employee_id, emp.job_id, emp.department_id, emp.company_id,
                   pairs.skill_id, skill.skill_type_id,
                   cur.skill_level_id, COALESCE(cur.level_progress, 0) AS level_progress,
                   req.skill_level_id AS required_level_id,
                   COALESCE(req.level_progress, 0) AS required_progress,
                   GREATEST(COALESCE(req.level_progress, 0) - COALESCE(cur.level_progress, 0), 0) AS gap,
                   req.skill_id IS NOT NULL AS is_required,
                   COALESCE(req.level_progress, 0) > COALESCE(cur.level_progress, 0) AS has_gap
              FROM pairs
              JOIN emp ON emp.id = pairs.employee_id
              JOIN hr_skill skill ON skill.id = pairs.skill_id
              LEFT JOIN cur ON cur.employee_id = pairs.employee_id AND cur.skill_id = pairs.skill_id
              LEFT JOIN req ON req.job_id = emp.job_id AND req.skill_id = pairs.skill_id
        """)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query()))
