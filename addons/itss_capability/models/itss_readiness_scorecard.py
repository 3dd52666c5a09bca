# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

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

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    year = fields.Integer(required=True, default=lambda self: self.env.company._itss_today().year)
    result_ids = fields.One2many("itss.readiness.result", "scorecard_id", string="All Snapshots")
    current_result_ids = fields.One2many(
        "itss.readiness.result", "scorecard_id", string="Evidence Items", domain=[("is_latest", "=", True)])
    gap_result_ids = fields.One2many(
        "itss.readiness.result", "scorecard_id", string="Gaps",
        domain=[("is_latest", "=", True), ("status", "!=", "present")])
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

    def _itss_snapshot(self):
        """Write the snapshots of the year up to the current month (superuser, one scorecard)."""
        self.ensure_one()
        company = self.company_id
        today = company._itss_today()
        if self.year > today.year:
            raise UserError(self.env._("The year %(year)s has not started yet.", year=self.year))
        last_month = date(self.year, 12, 1) if self.year < today.year else today.replace(day=1)
        done = set(self.result_ids.mapped("snapshot_date"))
        items = self.env["itss.readiness.item"]._itss_company_items(company)
        results = self.env["itss.readiness.result"].sudo()
        month = date(self.year, 1, 1)
        while month <= last_month:
            current = month == last_month
            if current or month not in done:
                month_end = min(month + relativedelta(months=1, days=-1), today)
                results.search([("scorecard_id", "=", self.id), ("snapshot_date", "=", month)]).with_context(
                    itss_readiness_replace=True).unlink()
                results._itss_create_snapshot(self, items, month, date(self.year, 1, 1), month_end)
            month += relativedelta(months=1)
        latest = self.result_ids.filtered(lambda result: result.snapshot_date == last_month)
        (self.result_ids - latest).filtered("is_latest").write({"is_latest": False})
        total_weight = sum(latest.mapped("weight")) or 1.0
        self.write({
            "snapshot_date": last_month,
            "refreshed_at": fields.Datetime.now(),
            "score": 100.0 * sum(latest.mapped("score")) / total_weight,
            "present_count": len(latest.filtered(lambda result: result.status == "present")),
            "partial_count": len(latest.filtered(lambda result: result.status == "partial")),
            "missing_count": len(latest.filtered(lambda result: result.status == "missing")),
        })

    @api.model
    def _cron_snapshot(self):
        """Monthly: snapshot the current year's scorecard of every company (created when missing)."""
        for company in self.env["res.company"].search([]):  # pylint: disable=no-search-all
            year = company._itss_today().year
            card = self.search([("company_id", "=", company.id), ("year", "=", year)])
            card = card or self.create({"company_id": company.id, "year": year})
            card._itss_snapshot()

    def action_view_trend(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Readiness Trend %(year)s", year=self.year),
            "res_model": "itss.readiness.result",
            "view_mode": "graph,pivot,list",
            "domain": [("scorecard_id", "=", self.id)],
            "context": {"graph_mode": "line", "graph_groupbys": ["snapshot_date:month"],
                        "graph_measure": "score_share"},
        }
