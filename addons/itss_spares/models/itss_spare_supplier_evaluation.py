# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

PREPARER_GROUPS = ("itss_spares.group_itss_spare_keeper", "itss_capability.group_itss_manager")
APPROVER_GROUPS = ("itss_capability.group_itss_manager",)
# Weights of the four scores in the overall score (quality weighs most for spares).
WEIGHTS = {"quality_score": 0.4, "delivery_score": 0.3, "price_score": 0.15, "service_score": 0.15}
SCORE_FIELDS = tuple(WEIGHTS)


class ItssSpareSupplierEvaluation(models.Model):
    """The yearly evaluation of a spare supplier (供应商评价): quality, delivery time, price and service."""

    _name = "itss.spare.supplier.evaluation"
    _description = "Spare Supplier Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "year desc, total_score desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["partner_id"]

    year = fields.Integer(required=True, default=lambda self: self.env.company._itss_today().year, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    partner_id = fields.Many2one("res.partner", string="Supplier", required=True, index=True, tracking=True,
                                 check_company=True)
    evaluator_id = fields.Many2one("res.users", required=True,
                                   default=lambda self: self.env.user, tracking=True)
    date = fields.Date(string="Evaluated On", default=lambda self: self.env.company._itss_today())
    quality_score = fields.Integer(string="Quality", tracking=True, help="0–100: failures on arrival, returns.")
    delivery_score = fields.Integer(string="Delivery Time", tracking=True,
                                    help="0–100: receipts on time (prefilled from the year's receipts).")
    price_score = fields.Integer(string="Price", tracking=True, help="0–100: price level against the market.")
    service_score = fields.Integer(string="Service", tracking=True, help="0–100: support, warranty handling.")
    total_score = fields.Float(compute="_compute_total_score", store=True, readonly=True, digits=(16, 1),
                               aggregator="avg", help="Quality 40%, delivery 30%, price 15%, service 15%.")
    receipt_count = fields.Integer(string="Receipts", readonly=True, copy=False)
    on_time_count = fields.Integer(string="Receipts on Time", readonly=True, copy=False)
    on_time_rate = fields.Float(string="On Time (%)", readonly=True, copy=False, digits=(16, 1))
    average_delay_days = fields.Float(string="Average Delay (days)", readonly=True, copy=False, digits=(16, 1))
    conclusion = fields.Selection(
        [("keep", "Keep"), ("watch", "Watch"), ("replace", "Replace")], tracking=True)
    comment = fields.Html(string="Findings")
    state = fields.Selection(
        [("draft", "Draft"), ("to_approve", "To Approve"), ("approved", "Approved")],
        default="draft", required=True, readonly=True, tracking=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approved_date = fields.Date(string="Approved On", readonly=True, copy=False)

    _partner_year_unique = models.Constraint(
        "UNIQUE(partner_id, year, company_id)", "This supplier already has an evaluation for this year.")

    @api.depends("partner_id", "year")
    def _compute_display_name(self):
        for evaluation in self:
            evaluation.display_name = f"{evaluation.partner_id.display_name or ''} {evaluation.year}".strip()

    @api.depends(*SCORE_FIELDS)
    def _compute_total_score(self):
        for evaluation in self:
            evaluation.total_score = sum(evaluation[fname] * weight for fname, weight in WEIGHTS.items())

    @api.constrains(*SCORE_FIELDS)
    def _check_scores(self):
        for evaluation in self:
            for fname in SCORE_FIELDS:
                if not 0 <= evaluation[fname] <= 100:
                    raise ValidationError(self.env._(
                        "%(score)s of %(evaluation)s must be between 0 and 100.",
                        score=evaluation._fields[fname]._description_string(self.env),
                        evaluation=evaluation.display_name))

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state == "approved" else frozenset()

    def _itss_locked_message(self, field_label):
        return self.env._(
            "The supplier evaluation %(evaluation)s is approved: “%(field)s” can no longer be changed.",
            evaluation=self.display_name, field=field_label)

    def _itss_preparer_action(self):
        return self._itss_action(PREPARER_GROUPS, message=self.env._(
            "Only spare keepers and O&M managers evaluate suppliers."))

    def action_prefill_delivery(self):
        """Fill the delivery figures from the supplier's done receipts of the year: on time when done by
        their deadline (else their scheduled date); suggest the delivery score as the on-time rate."""
        evaluations = self._itss_preparer_action()
        for evaluation in evaluations:
            if evaluation.state != "draft":
                raise UserError(self.env._("Only a draft evaluation takes new figures."))
            figures = evaluation._receipt_figures()
            values = {
                "receipt_count": figures[0],
                "on_time_count": figures[1],
                "on_time_rate": round(100.0 * figures[1] / figures[0], 1) if figures[0] else 0.0,
                "average_delay_days": round(figures[2] or 0.0, 1),
            }
            if figures[0]:
                values["delivery_score"] = round(values["on_time_rate"])
            evaluation.write(values)
        return True

    def _receipt_figures(self):
        """(receipts, receipts on time, average delay in days of the late ones) of the year, one query."""
        self.ensure_one()
        start, end = self.company_id._itss_utc_bounds(date(self.year, 1, 1), date(self.year, 12, 31))
        partners = self.env["res.partner"].with_context(active_test=False).search(
            [("commercial_partner_id", "=", self.partner_id.commercial_partner_id.id)])
        Picking = self.env["stock.picking"].sudo()
        query = Picking._search([
            ("company_id", "=", self.company_id.id), ("picking_type_code", "=", "incoming"),
            ("state", "=", "done"), ("partner_id", "in", partners.ids),
            ("date_done", ">=", start), ("date_done", "<", end),
        ])
        due = SQL("COALESCE(stock_picking.date_deadline, stock_picking.scheduled_date)")
        self.env.cr.execute(SQL(
            """SELECT COUNT(*),
                      COUNT(*) FILTER (WHERE stock_picking.date_done <= %(due)s),
                      AVG(EXTRACT(EPOCH FROM stock_picking.date_done - %(due)s) / 86400.0)
                          FILTER (WHERE stock_picking.date_done > %(due)s)
                 FROM %(from)s WHERE %(where)s""",
            due=due, **{"from": query.from_clause, "where": query.where_clause},
        ))
        return self.env.cr.fetchone()

    def action_submit(self):
        evaluations = self._itss_preparer_action()
        for evaluation in evaluations:
            if evaluation.state != "draft":
                raise UserError(self.env._("Only a draft evaluation is submitted."))
            if not evaluation.conclusion:
                raise ValidationError(self.env._(
                    "The evaluation of %(supplier)s needs a conclusion (keep, watch or replace) before it is "
                    "submitted.", supplier=evaluation.partner_id.display_name))
        evaluations.write({"state": "to_approve"})
        return True

    def action_approve(self):
        """The O&M manager approves the evaluation: it is frozen."""
        evaluations = self._itss_action(APPROVER_GROUPS, access="read", message=self.env._(
            "Only O&M managers approve supplier evaluations."))
        for evaluation in evaluations:
            if evaluation.state != "to_approve":
                raise UserError(self.env._("Submit the evaluation %(evaluation)s before approving it.",
                                           evaluation=evaluation.display_name))
        evaluations.write({"state": "approved", "approved_by_id": self.env.uid,
                           "approved_date": self.env.company._itss_today()})
        return True

    def action_draft(self):
        """Back to draft: a submitted evaluation by its preparers, an approved one by the O&M manager."""
        if any(evaluation.state == "approved" for evaluation in self):
            evaluations = self._itss_action(APPROVER_GROUPS, access="read", message=self.env._(
                "Only O&M managers reopen an approved supplier evaluation."))
        else:
            evaluations = self._itss_preparer_action()
        evaluations.write({"state": "draft", "approved_by_id": False, "approved_date": False})
        return True
