# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

from .itss_kpi import PROVIDERS

MANAGER_GROUP = "itss_capability.group_itss_manager"


class ItssServiceMonth(models.Model):
    """A month of service: its process KPIs and SLA self-assessments, frozen once closed."""

    _name = "itss.service.month"
    _description = "Service Month"
    _inherit = ["mail.thread", "itss.guard.mixin"]
    _order = "date_from desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_from = fields.Date(
        string="Month", required=True, index=True,
        default=lambda self: self.env.company._itss_today().replace(day=1) - relativedelta(months=1),
    )
    date_to = fields.Date(string="Month End", compute="_compute_name", store=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")], default="open", required=True, readonly=True, tracking=True,
        index=True,
    )
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    closed_at = fields.Datetime(string="Closed On", readonly=True, copy=False)
    computed_at = fields.Datetime(string="Last Computed", readonly=True, copy=False)
    assessment_ids = fields.One2many("itss.sla.assessment", "month_id", string="SLA Self-assessments")
    kpi_value_ids = fields.One2many(
        "itss.kpi.value", compute="_compute_kpi_value_ids", string="KPI Values"
    )

    _company_month_unique = models.UniqueIndex("(company_id, date_from)")

    @api.depends("date_from")
    def _compute_name(self):
        for month in self:
            month.name = month.date_from and month.date_from.strftime("%Y-%m")
            month.date_to = month.date_from and month.date_from + relativedelta(day=31)

    def _compute_kpi_value_ids(self):
        Value = self.env["itss.kpi.value"]
        for month in self:
            month.kpi_value_ids = Value.search(month._kpi_value_domain())

    def _kpi_value_domain(self):
        return Domain([
            ("company_id", "=", self.company_id.id), ("date_from", "=", self.date_from),
            ("kpi_id.period", "=", "month"),
        ])

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_from"):
                vals["date_from"] = fields.Date.to_date(vals["date_from"]).replace(day=1)
        self._check_unique_month(vals_list)
        return super().create(vals_list)

    def _check_unique_month(self, vals_list):
        for vals in vals_list:
            company = vals.get("company_id") or self.env.company.id
            if self.search_count([("company_id", "=", company), ("date_from", "=", vals.get("date_from"))]):
                raise UserError(self.env._(
                    "The service month %(month)s already exists.",
                    month=fields.Date.to_date(vals["date_from"]).strftime("%Y-%m")))

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state == "closed" else frozenset({"company_id", "date_from"})

    def _itss_locked_message(self, field_label):
        if self.state == "closed":
            return self.env._(
                "The service month %(month)s is closed: reopen it to change it.", month=self.name)
        return super()._itss_locked_message(field_label)

    def _itss_month_action(self):
        return self._itss_action(
            [MANAGER_GROUP], message=self.env._("Only O&M managers can close or reopen a service month."))

    def action_compute(self):
        """(Re)compute the month's process KPIs and SLA self-assessments while it is open."""
        for month in self._itss_month_action():
            if month.state == "closed":
                raise UserError(self.env._(
                    "The service month %(month)s is closed: reopen it to compute it again.",
                    month=month.name))
            company = month.company_id
            kpis = self.env["itss.kpi"].sudo().with_company(company).search([
                ("provider", "in", [code for code, _label in PROVIDERS]),
                ("period", "=", "month"),
                ("company_id", "in", [company.id, False]),
            ])
            kpis._compute_provider_values(month.date_from, month.date_to)
            self.env["itss.sla.assessment"].sudo()._build(month)
            month.computed_at = fields.Datetime.now()
        return True

    def action_close(self):
        """Compute one last time, then freeze the KPI values and the self-assessments."""
        self.action_compute()
        for month in self._itss_month_action():
            self.env["itss.kpi.value"].sudo().search(month._kpi_value_domain()).write({"locked": True})
            month.write({"state": "closed", "closed_by_id": self.env.uid, "closed_at": fields.Datetime.now()})
        return True

    def action_reopen(self):
        for month in self._itss_month_action():
            self.env["itss.kpi.value"].sudo().search(month._kpi_value_domain()).write({"locked": False})
            month.write({"state": "open", "closed_by_id": False, "closed_at": False})
            month.message_post(body=self.env._("Month reopened: its figures may change again."))
        return True

    @api.model
    def _cron_prepare_last_month(self):
        """Monthly: open last month for every company and compute its figures."""
        for company in self.env["res.company"].search([]):  # pylint: disable=no-search-all
            start = company._itss_today().replace(day=1) - relativedelta(months=1)
            month = self.search([("company_id", "=", company.id), ("date_from", "=", start)])
            month = month or self.create({"company_id": company.id, "date_from": start})
            month.filtered(lambda m: m.state == "open").action_compute()

    def action_view_kpi_values(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("KPI Values %(month)s", month=self.name),
            "res_model": "itss.kpi.value",
            "view_mode": "list,pivot,graph,form",
            "domain": list(self._kpi_value_domain()),
        }
