# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models, tools
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .itss_appraisal_template import PERIOD_TYPES
from .itss_performance_appraisal import GRADE_LETTERS

# Users without HR rights (QA auditors, executives) only see groups of at least this many appraisals:
# a department-month with one appraisal would reveal that person's rating.
MIN_GROUP_SIZE = 3
COUNT_SPEC = "appraisal_count:sum"


class ItssAppraisalReport(models.Model):
    """Appraisal analysis (绩效考核分析): counts and average ratings per department, period and grade letter.

    Rows are already aggregated and carry no employee, so QA auditors can analyse results without
    reading any individual appraisal. Draft appraisals are left out. Users without HR rights read
    groups only (pivot, graph), never rows, and only groups of at least ``MIN_GROUP_SIZE`` appraisals.
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

    # anonymity for users without HR rights ------------------------------------------------------
    def _itss_aggregates_only(self):
        """True for users who may read the analysis in groups only (QA auditors, executives)."""
        return not self.env.su and not self.env.user.has_group("hr.group_hr_user")

    def _itss_refuse_rows(self):
        self.browse().check_access("read")
        raise AccessError(self.env._(
            "The appraisal analysis is anonymous: read it grouped (pivot or graph), not row by row."))

    def search_fetch(self, domain, field_names=None, offset=0, limit=None, order=None):
        if self._itss_aggregates_only():
            self._itss_refuse_rows()
        return super().search_fetch(domain, field_names, offset, limit, order)

    def fetch(self, field_names=None):
        if self._itss_aggregates_only():
            self._itss_refuse_rows()
        return super().fetch(field_names)

    def search_count(self, domain, limit=None):
        if self._itss_aggregates_only():
            self._itss_refuse_rows()
        return super().search_count(domain, limit)

    def _itss_drop_small_groups(self, rows, groupby, specs, added):
        """Rows of one grouping: groups under ``MIN_GROUP_SIZE`` appraisals left out (the total emptied)."""
        position = len(groupby) + specs.index(COUNT_SPEC)
        if not groupby:
            rows = [row if (row[position] or 0) >= MIN_GROUP_SIZE else tuple(
                self._read_group_empty_value(spec) for spec in specs) for row in rows]
        else:
            rows = [row for row in rows if (row[position] or 0) >= MIN_GROUP_SIZE]
        return [row[:-1] if added else row for row in rows]

    def _itss_count_specs(self, aggregates):
        specs = list(aggregates)
        added = COUNT_SPEC not in specs
        if added:
            specs.append(COUNT_SPEC)
        return specs, added

    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        """Without HR rights, groups of fewer than ``MIN_GROUP_SIZE`` appraisals are left out (and a
        total over fewer appraisals is empty)."""
        if not self._itss_aggregates_only():
            return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        specs, added = self._itss_count_specs(aggregates)
        rows = super()._read_group(domain, groupby, specs, having, 0, None, order)
        rows = self._itss_drop_small_groups(rows, groupby, specs, added)
        return rows[offset:offset + limit if limit else None] if groupby else rows

    def _read_grouping_sets(self, domain, grouping_sets, aggregates=(), order=None):
        """The pivot view's grouped read: the same rule for every grouping it asks for."""
        if not self._itss_aggregates_only():
            return super()._read_grouping_sets(domain, grouping_sets, aggregates, order)
        specs, added = self._itss_count_specs(aggregates)
        results = super()._read_grouping_sets(domain, grouping_sets, specs, order)
        return [self._itss_drop_small_groups(rows, groupby, specs, added)
                for groupby, rows in zip(grouping_sets, results, strict=True)]
