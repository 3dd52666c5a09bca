# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

QA_GROUP = "itss_capability.group_itss_qa"


class ItssReadinessScorecard(models.Model):
    """ITSS readiness scorecard (就绪度) of a company for a year.

    A refresh evaluates every evidence item's rule on the live records and keeps the result as the
    snapshot of the current month; earlier months missing from the year are evaluated as of their
    last day, so the trend starts at once. Snapshots of past months are frozen.
    """

    _name = "itss.readiness.scorecard"
    _description = "ITSS Readiness Scorecard"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "year desc, company_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", search="_search_name")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    year = fields.Integer(required=True, default=lambda self: self.env.company._itss_today().year)
    result_ids = fields.One2many("itss.readiness.result", "scorecard_id", string="All Snapshots")
    current_result_ids = fields.One2many(
        "itss.readiness.result", "scorecard_id", string="Evidence Items", domain=[("is_latest", "=", True)])
    gap_result_ids = fields.One2many(
        "itss.readiness.result", "scorecard_id", string="Gaps",
        domain=[("is_latest", "=", True), ("status", "!=", "present")])
    score_ids = fields.One2many("itss.readiness.score", "scorecard_id", string="All Scores")
    area_score_ids = fields.One2many(
        "itss.readiness.score", "scorecard_id", string="Score by Element",
        domain=[("is_latest", "=", True), ("kind", "=", "area")])
    clause_score_ids = fields.One2many(
        "itss.readiness.score", "scorecard_id", string="Score by Clause",
        domain=[("is_latest", "=", True), ("kind", "=", "clause")])
    improvement_count = fields.Integer(compute="_compute_improvement_count", string="Improvements")
    gap_count = fields.Integer(compute="_compute_gap_count", string="Number of Gaps")
    snapshot_date = fields.Date(string="Last Snapshot", readonly=True, copy=False)
    refreshed_at = fields.Datetime(readonly=True, copy=False)
    score = fields.Float(string="Score (%)", readonly=True, copy=False, digits=(16, 1), aggregator="avg")
    present_count = fields.Integer(string="Present", readonly=True, copy=False)
    partial_count = fields.Integer(string="Partial", readonly=True, copy=False)
    missing_count = fields.Integer(string="Missing", readonly=True, copy=False)

    _company_year_unique = models.Constraint(
        "unique(company_id, year)", "A company has one readiness scorecard per year.")

    @api.depends("year", "company_id")
    def _compute_name(self):
        for card in self:
            card.name = self.env._("Readiness %(year)s", year=card.year)

    @api.depends("current_result_ids.improvement_id")
    def _compute_improvement_count(self):
        for card in self:
            card.improvement_count = len(card.current_result_ids.improvement_id)

    @api.model_create_multi
    def create(self, vals_list):
        """The company's copies of the evidence items are made with its first scorecard, to tune at once."""
        cards = super().create(vals_list)
        for company in cards.company_id:
            self.env["itss.readiness.item"]._itss_company_items(company)
        return cards

    @api.depends("partial_count", "missing_count")
    def _compute_gap_count(self):
        for card in self:
            card.gap_count = card.partial_count + card.missing_count

    def _itss_locked_fnames(self):
        """Once snapshotted, the scorecard stays the one of its company and year."""
        if self.snapshot_date:
            return frozenset({"company_id", "year"})
        return super()._itss_locked_fnames()

    def _search_name(self, operator, value):
        """Scorecards are named after their year (in the reader's language): search the year's digits."""
        if operator not in ("ilike", "=", "=ilike") or not isinstance(value, str):
            return NotImplemented
        digits = "".join(char for char in value if char.isdigit())
        return [("year", "=", int(digits))] if digits else [("id", "!=", False)]

    @api.constrains("year")
    def _check_year(self):
        for card in self:
            if not 2000 <= card.year <= 2100:
                raise ValidationError(self.env._("The year %(year)s is not a valid year.", year=card.year))

    def action_refresh(self):
        """Evaluate every evidence item now (QA auditor): current month, and missing earlier months."""
        for card in self._itss_action([QA_GROUP]):
            card._itss_snapshot()
        return True

    def _itss_snapshot(self, improvements=None):
        """Write the snapshots of the year up to the current month (superuser, one scorecard).

        The current month is evaluated again on each refresh; earlier months are evaluated once,
        as of their last day, and then frozen. A past year only gets the months it lacks.
        """
        self.ensure_one()
        company = self.company_id
        today = company._itss_today()
        if self.year > today.year:
            raise UserError(self.env._("The year %(year)s has not started yet.", year=self.year))
        current_month = today.replace(day=1)
        last_month = date(self.year, 12, 1) if self.year < today.year else current_month
        if improvements is None:
            improvements = self._itss_raised_improvements()
        done = set(self.result_ids.mapped("snapshot_date"))
        items = self.env["itss.readiness.item"]._itss_company_items(company)
        results = self.env["itss.readiness.result"].sudo()
        month = date(self.year, 1, 1)
        while month <= last_month:
            if month == current_month or month not in done:
                month_end = min(month + relativedelta(months=1, days=-1), today)
                self.score_ids.filtered(lambda line, month=month: line.snapshot_date == month).unlink()
                results.search([("scorecard_id", "=", self.id), ("snapshot_date", "=", month)]).with_context(
                    itss_readiness_replace=True).unlink()
                results._itss_create_snapshot(
                    self, items, month, date(self.year, 1, 1), month_end,
                    improvements=improvements if month == last_month else None)
            month += relativedelta(months=1)
        self.invalidate_recordset(["result_ids", "score_ids"])
        latest = self.result_ids.filtered(lambda result: result.snapshot_date == last_month)
        (self.result_ids - latest).filtered("is_latest").write({"is_latest": False})
        self.score_ids.filtered(lambda line: line.is_latest and line.snapshot_date != last_month).write(
            {"is_latest": False})
        total_weight = sum(latest.mapped("weight")) or 1.0
        self.write({
            "snapshot_date": last_month,
            "refreshed_at": fields.Datetime.now(),
            "score": 100.0 * sum(latest.mapped("score")) / total_weight,
            "present_count": len(latest.filtered(lambda result: result.status == "present")),
            "partial_count": len(latest.filtered(lambda result: result.status == "partial")),
            "missing_count": len(latest.filtered(lambda result: result.status == "missing")),
        })

    def _itss_raised_improvements(self):
        """{item: improvement} raised for the gaps of this scorecard (the newest, unless cancelled),
        carried to each new snapshot so that a gap gets one improvement measure."""
        self.ensure_one()
        raised = {}
        for result in self.sudo().result_ids.filtered("improvement_id").sorted("snapshot_date"):
            if result.improvement_id.state != "cancelled":
                raised[result.item_id] = result.improvement_id
        return raised

    @api.model
    def _cron_snapshot(self):
        """Daily: snapshot the current year's scorecard of every company (created when missing)."""
        for company in self.env["res.company"].search([]):  # pylint: disable=no-search-all
            year = company._itss_today().year
            try:
                with self.env.cr.savepoint():
                    card = self.search([("company_id", "=", company.id), ("year", "=", year)])
                    card = card or self.create({"company_id": company.id, "year": year})
                    # The notes and evidence labels are written in the company's language.
                    card.with_context(lang=company.partner_id.lang or self.env.lang)._itss_snapshot()
            except Exception:  # one company's failing rule must not stop the others
                _logger.exception("Readiness snapshot of %s failed", company.name)

    @api.model
    def _itss_demo_refresh(self):
        """Demo data only: recompute the demo company's scorecard of the current year from scratch,
        so that it reflects the demo records of every module installed so far."""
        company = self.env.ref("base.main_company")
        year = company._itss_today().year
        Card = self.sudo()
        card = Card.search([("company_id", "=", company.id), ("year", "=", year)])
        card = card or Card.create({"company_id": company.id, "year": year})
        improvements = card._itss_raised_improvements()
        card.score_ids.unlink()
        card.result_ids.with_context(itss_readiness_replace=True).unlink()
        qa_user = self.env.ref("itss_capability.user_itss_qa", raise_if_not_found=False)
        card.with_context(lang=qa_user.lang or self.env.lang)._itss_snapshot(improvements)
        return True

    def action_view_trend(self):
        """Month by month: the total score and the score of each element, as a line chart."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Readiness Trend %(year)s", year=self.year),
            "res_model": "itss.readiness.score",
            "view_mode": "graph,pivot,list",
            "domain": [("scorecard_id", "=", self.id), ("kind", "in", ("total", "area"))],
            "context": {"graph_mode": "line", "graph_stacked": False,
                        "graph_groupbys": ["snapshot_date:month", "area"],
                        "graph_measure": "score", "pivot_row_groupby": ["area"],
                        "pivot_column_groupby": ["snapshot_date:month"], "pivot_measures": ["score"]},
        }

    def action_view_gaps(self):
        """The gaps of the latest snapshot, to raise improvement measures from."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("itss_capability.itss_readiness_result_action")
        action["domain"] = [("scorecard_id", "=", self.id)]
        return action

    def action_view_improvements(self):
        """The improvement measures raised for the scorecard's gaps."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Improvement Measures"),
            "res_model": "itss.improvement",
            "view_mode": "list,form",
            "domain": [("id", "in", self.current_result_ids.improvement_id.ids)],
            "context": {"create": False},
        }
