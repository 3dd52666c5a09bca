# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError, errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS
from odoo.addons.itss_capability.models.itss_job_mixin import ACTIVE_JOB_STATES
from odoo.addons.queue_job.delay import group
from odoo.addons.queue_job.exception import RetryableJobError

from .itss_kpi import PROVIDERS

_logger = logging.getLogger(__name__)

MANAGER_GROUP = "itss_capability.group_itss_manager"
# queue_job priorities (lower runs first): a close a manager waits for before a cron's recompute.
CLOSE_PRIORITY = 10
COMPUTE_PRIORITY = 20
REPORT_PRIORITY = 30
# Seconds before a job finding its month locked by another worker tries again.
LOCKED_RETRY_SECONDS = 30


class ItssServiceMonth(models.Model):
    """A month of service: its process KPIs and SLA self-assessments, frozen once closed."""

    _name = "itss.service.month"
    _description = "Service Month"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin", "itss.job.mixin"]
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
    report_job_count = fields.Integer(
        string="Service Reports in Progress", compute="_compute_report_job_count", compute_sudo=True,
        help="Service reports of this month waiting for or being generated in the background.",
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

    def _compute_report_job_count(self):
        months = self.filtered("date_from")
        counts = {}
        if months:
            domain = Domain.OR(
                Domain([("identity_key", "=like", month._itss_report_job_key_pattern()),
                        ("company_id", "=", month.company_id.id)])
                for month in months
            ) & Domain("state", "in", ACTIVE_JOB_STATES)
            for key, company, count in self.env["queue.job"].sudo()._read_group(
                    domain, ["identity_key", "company_id"], ["__count"]):
                period = key.rsplit(":", 1)[-1]
                counts[company.id, period] = counts.get((company.id, period), 0) + count
        for month in self:
            month.report_job_count = counts.get((month.company_id.id, month.name), 0)

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

    def _itss_check_no_running_job(self):
        for month in self:
            if month.job_state == "started":
                raise UserError(self.env._(
                    "The background job “%(job)s” is working on the service month %(month)s: wait until it "
                    "has finished (the month's messages say when).", job=month.job_name, month=month.name))

    def action_compute(self):
        """(Re)compute the month's process KPIs and SLA self-assessments while it is open."""
        months = self._itss_month_action()
        months._itss_check_no_running_job()
        months._itss_compute()
        return True

    def _itss_compute(self):
        """The computation itself, on months the caller's action already checked (superuser records)."""
        for month in self:
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

    def action_close(self):
        """Compute one last time, freeze the KPI values and the self-assessments, then have every
        project's service report of the month generated in the background."""
        months = self._itss_month_action()
        months._itss_check_no_running_job()
        months._itss_close()
        self._itss_enqueue_service_reports()
        return True

    def _itss_close(self):
        self._itss_compute()
        for month in self:
            self.env["itss.kpi.value"].sudo().search(month._kpi_value_domain()).write({"locked": True})
            month.write({"state": "closed", "closed_by_id": self.env.uid, "closed_at": fields.Datetime.now()})

    def action_reopen(self):
        months = self._itss_month_action()
        months._itss_check_no_running_job()
        for month in months:
            self.env["itss.kpi.value"].sudo().search(month._kpi_value_domain()).write({"locked": False})
            month.write({"state": "open", "closed_by_id": False, "closed_at": False})
            month.message_post(body=self.env._("Month reopened: its figures may change again."))
        return True

    # Background variants (OCA queue_job): the caller's rights are checked when the job is asked
    # for, and again when it runs, as the same user.

    def _itss_job_key(self, kind):
        return f"itss.service.month:{self.company_id.id}:{self.name}:{kind}"

    def _itss_report_job_key(self, project):
        return f"itss.service.report:{project.id}:{self.name}"

    def _itss_report_job_key_pattern(self):
        return f"itss.service.report:%:{self.name}"

    def _itss_enqueue_compute(self):
        return self._itss_enqueue(
            "_itss_job_compute", self._itss_job_key("compute"), priority=COMPUTE_PRIORITY,
            description=self.env._("Compute service month %(month)s", month=self.name))

    def action_compute_background(self):
        """Compute the month in the background; the chatter tells when it is done."""
        months = self._itss_month_action()
        months._itss_check_no_running_job()
        for month in months:
            if month.state == "closed":
                raise UserError(self.env._(
                    "The service month %(month)s is closed: reopen it to compute it again.", month=month.name))
        for month in self:
            month._itss_enqueue_compute()
        return True

    def action_close_background(self):
        """Close the month in the background; the chatter tells when it is done."""
        months = self._itss_month_action()
        months._itss_check_no_running_job()
        for month in months:
            if month.state == "closed":
                raise UserError(self.env._("The service month %(month)s is already closed.", month=month.name))
        for month in self:
            month._itss_enqueue(
                "_itss_job_close", month._itss_job_key("close"), priority=CLOSE_PRIORITY,
                description=self.env._("Close service month %(month)s", month=month.name))
        return True

    def action_generate_reports_background(self):
        """Generate the month's service report of every project, one background job per project."""
        self._itss_month_action()
        self._itss_enqueue_service_reports()
        return True

    def _itss_job_lock(self):
        """Take the month for this job; when another worker holds it, try again later (not an error)."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(SQL(
                    "SELECT id FROM itss_service_month WHERE id IN %s FOR NO KEY UPDATE NOWAIT", tuple(self.ids)))
        except errors.LockNotAvailable as err:
            raise RetryableJobError(
                f"Service month {self.ids} is locked by another worker", seconds=LOCKED_RETRY_SECONDS,
                ignore_retry=True) from err
        self.invalidate_recordset()

    def _itss_job_compute(self):
        """Job: compute the open month (a month closed meanwhile is left as it is)."""
        months = self._itss_month_action()
        months._itss_job_lock()
        for month in months:
            if month.state == "closed":
                month._itss_job_done(self.env._(
                    "The service month %(month)s was closed meanwhile: not computed again.", month=month.name))
                continue
            month._itss_compute()
            month._itss_job_done(self.env._(
                "The service month %(month)s was computed in the background.", month=month.name))
        return True

    def _itss_job_close(self):
        """Job: close the month (already closed: nothing to do) and queue its service reports."""
        months = self._itss_month_action()
        months._itss_job_lock()
        for month in months:
            if month.state == "closed":
                month._itss_job_done(self.env._(
                    "The service month %(month)s was already closed.", month=month.name))
                continue
            month._itss_close()
            self.browse(month.id)._itss_enqueue_service_reports()
            month._itss_job_done(self.env._(
                "The service month %(month)s was closed in the background; its service reports are "
                "being generated.", month=month.name))
        return True

    def _itss_report_projects(self):
        """The company's projects in service during the month, or closed after its start."""
        self.ensure_one()
        return self.env["itss.service.project"].sudo().search([
            ("company_id", "=", self.company_id.id),
            "|", ("date_start", "=", False), ("date_start", "<=", self.date_to),
            "|", ("state", "=", "active"), "&", ("state", "=", "closed"), ("date_end", ">=", self.date_from),
        ])

    def _itss_enqueue_service_reports(self):
        """One job per project and month (in the caller's environment), then one note when all are done.

        A project whose report job is still waiting or running gets no second one.
        """
        for month in self:
            projects = month._itss_report_projects()
            keys = {month._itss_report_job_key(project): project for project in projects}
            busy = set(self._itss_active_jobs(keys).mapped("identity_key"))
            todo = [project for key, project in keys.items() if key not in busy]
            if not todo:
                continue
            reports = group(*[
                month.delayable(
                    priority=REPORT_PRIORITY, identity_key=month._itss_report_job_key(project),
                    description=self.env._("Service report %(project)s %(month)s",
                                           project=project.name, month=month.name),
                )._itss_job_service_report(project.id)
                for project in todo
            ])
            reports.on_done(month.delayable(
                priority=REPORT_PRIORITY,
                description=self.env._("Service reports %(month)s generated", month=month.name),
            )._itss_job_service_reports_done(len(todo)))
            reports.delay()

    def _itss_job_service_report(self, project_id):
        """Job: the project's service report of the month, created if missing and generated again unless
        delivered (a delivered report is what the customer received)."""
        self.ensure_one()
        month = self._itss_month_action()
        project = self.env["itss.service.project"].browse(project_id).exists()
        if not project:
            return "project deleted"
        Report = self.env["itss.service.report"].with_company(month.company_id)
        report_domain = [("project_id", "=", project.id), ("date_from", "=", month.date_from)]
        report = Report.search(report_domain, limit=1)
        if not report:
            try:
                with self.env.cr.savepoint():
                    report = Report.create({
                        "project_id": project.id, "date_from": month.date_from, "company_id": month.company_id.id})
                    self.env.flush_all()
            except IntegrityError:
                _logger.info("Service report of project %s for %s created by another worker.", project.id, month.name)
                return "created by another worker"
        if report.state == "delivered":
            return "delivered: left as it is"
        report.action_generate()
        return f"generated {report.id}"

    def _itss_job_service_reports_done(self, count):
        """Job run when all the report jobs of one request are done: say so on the month."""
        self._itss_job_done(self.env._(
            "%(count)s service reports of %(month)s were generated in the background.",
            count=count, month=self.name))
        return True

    def _itss_job_failure_users(self):
        return self.env.ref(MANAGER_GROUP).all_user_ids.filtered(
            lambda user: self.company_id in user.company_ids and not user.share)

    @api.model
    def _cron_prepare_last_month(self):
        """Daily: open last month for every company and queue its computation, one job per company-month
        (none added while one is waiting or running)."""
        for company in self.env["res.company"].search([]):  # pylint: disable=no-search-all
            start = company._itss_today().replace(day=1) - relativedelta(months=1)
            month = self.search([("company_id", "=", company.id), ("date_from", "=", start)])
            month = month or self.create({"company_id": company.id, "date_from": start})
            if month.state == "open" and month.job_state != "started":
                month._itss_enqueue_compute()

    def action_view_kpi_values(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("KPI Values %(month)s", month=self.name),
            "res_model": "itss.kpi.value",
            "view_mode": "list,pivot,graph,form",
            "domain": list(self._kpi_value_domain()),
        }
