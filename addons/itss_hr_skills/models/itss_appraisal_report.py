# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models, tools
from odoo.tools import SQL

from .itss_appraisal_template import PERIOD_TYPES
from .itss_performance_appraisal import GRADE_LETTERS


class ItssAppraisalReport(models.Model):
    """Appraisal analysis (绩效考核分析): counts and average ratings per department, period and grade letter.

    Rows are already aggregated and carry no employee, so QA auditors can analyse results without
    reading any individual appraisal. Draft appraisals are left out.
    """

    _name = "itss.appraisal.report"
    _description = "Performance Appraisal Analysis"
    _auto = False
    _order = "period_start desc, department_id, grade_letter"

    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    period_type = fields.Selection(PERIOD_TYPES, readonly=True)
    period_start = fields.Date(readonly=True)
    grade_letter = fields.Selection(GRADE_LETTERS, readonly=True)
    appraisal_count = fields.Integer(string="Appraisals", readonly=True)
    rating_total = fields.Float(string="Sum of Ratings", readonly=True)
    average_rating = fields.Float(readonly=True, aggregator="avg",
                                  help="Average overall rating, weighted by the number of appraisals.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %(view)s AS (%(query)s)",
                                view=SQL.identifier(self._table), query=self._query()))

    def _query(self):
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (ORDER BY a.company_id, a.department_id, a.period_type, a.period_start,
                                                 a.grade_letter) AS id,
                   a.company_id, a.department_id, a.period_type, a.period_start, a.grade_letter,
                   COUNT(*) AS appraisal_count,
                   SUM(a.overall_rating) AS rating_total,
                   AVG(a.overall_rating) AS average_rating
              FROM %(appraisal)s a
             WHERE a.state != 'draft'
          GROUP BY a.company_id, a.department_id, a.period_type, a.period_start, a.grade_letter
            """,
            appraisal=SQL.identifier(self.env["itss.performance.appraisal"]._table),
        )

    def _read_group_select(self, aggregate_spec, query):
        """The average rating of a group is Σ ratings / Σ appraisals, not the average of the averages."""
        if aggregate_spec != "average_rating:avg":
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            "COALESCE(SUM(%(total)s) / NULLIF(SUM(%(count)s), 0), 0)",
            total=self._field_to_sql(self._table, "rating_total", query),
            count=self._field_to_sql(self._table, "appraisal_count", query),
        )
