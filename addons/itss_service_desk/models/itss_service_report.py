# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

TREND_KPIS = (
    "itss_capability.itss_kpi_sla_rate",
    "itss_service_desk.itss_kpi_resp_ontime",
    "itss_capability.itss_kpi_inc_mttr",
    "itss_service_desk.itss_kpi_rv_satisfaction",
)
TREND_MONTHS = 6


class ItssServiceReport(models.Model):
    """The monthly service report (服务报告) of one customer project.

    Its figures are a snapshot taken when it is generated, from the same grouped reads as the
    process KPIs, so that the report the customer received never changes afterwards.
    """

    _name = "itss.service.report"
    _description = "Monthly Service Report"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date_from desc, project_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", compute_sudo=True)
    project_id = fields.Many2one(
        "itss.service.project", string="Service Project", required=True, index=True, check_company=True,
        tracking=True,
    )
    partner_id = fields.Many2one(related="project_id.partner_id", store=True, string="Customer", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_from = fields.Date(
        string="Month", required=True, index=True,
        default=lambda self: self.env.company._itss_today().replace(day=1) - relativedelta(months=1),
    )
    date_to = fields.Date(string="Month End", compute="_compute_date_to", store=True)
    due_date = fields.Date(
        compute="_compute_due_date", store=True, readonly=True, tracking=True,
        help="From the project's report due days; the on-time delivery KPI compares against it.",
    )
    delivered_at = fields.Date(
        string="Delivered On", tracking=True, copy=False, readonly=True,
        help="Set when the report is sent to the customer, or by “Mark Delivered” for a report "
        "delivered on paper.",
    )
    on_time = fields.Boolean(
        string="Delivered On Time", compute="_compute_on_time", store=True, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("generated", "Generated"), ("delivered", "Delivered")],
        default="draft", required=True, readonly=True, tracking=True, index=True, copy=False,
    )
    generated_at = fields.Datetime(readonly=True, copy=False)
    summary = fields.Html(string="Service Summary", help="The service manager's overview of the month.")
    improvement_actions = fields.Html(help="Improvement actions decided for the coming months.")
    ticket_count = fields.Integer(string="Tickets", readonly=True)
    incident_count = fields.Integer(string="Incidents", readonly=True)
    request_count = fields.Integer(string="Service Requests", readonly=True)
    other_count = fields.Integer(string="Complaints and Consultations", readonly=True)
    closed_count = fields.Integer(string="Closed", readonly=True)
    onsite_count = fields.Integer(string="On-site Visits", readonly=True)
    sla_rate = fields.Float(string="SLA Achievement (%)", digits=(16, 2), readonly=True, aggregator="avg")
    response_rate = fields.Float(string="Response On Time (%)", digits=(16, 2), readonly=True, aggregator="avg")
    mttr_hours = fields.Float(string="Mean Resolution Time (h)", digits=(16, 2), readonly=True, aggregator="avg")
    satisfaction_rate = fields.Float(
        string="Return-visit Satisfaction (%)", digits=(16, 2), readonly=True, aggregator="avg"
    )
    return_visit_count = fields.Integer(string="Return Visits", readonly=True)
    assessment_id = fields.Many2one("itss.sla.assessment", string="SLA Self-assessment", readonly=True)
    major_incident_ids = fields.Many2many(
        "helpdesk.ticket", "itss_service_report_major_rel", "report_id", "ticket_id",
        string="Major Incidents", readonly=True,
    )
    problem_ids = fields.Many2many(
        "itss.problem", "itss_service_report_problem_rel", "report_id", "problem_id",
        string="Problems", readonly=True,
    )
    change_ids = fields.Many2many(
        "itss.change.request", "itss_service_report_change_rel", "report_id", "change_id",
        string="Changes", readonly=True,
    )
    release_ids = fields.Many2many(
        "itss.release", "itss_service_report_release_rel", "report_id", "release_id",
        string="Releases", readonly=True,
    )
    trend_ids = fields.One2many("itss.service.report.trend", "report_id", string="Trends", readonly=True)

    _project_month_unique = models.UniqueIndex("(project_id, date_from)")

    @api.depends("project_id", "date_from")
    @api.depends_context("lang")
    def _compute_name(self):
        for report in self:
            month = report.date_from and report.date_from.strftime("%Y-%m")
            report.name = self.env._(
                "Service Report %(project)s %(month)s", project=report.project_id.name or "", month=month or ""
            )

    @api.depends("date_from")
    def _compute_date_to(self):
        for report in self:
            report.date_to = report.date_from and report.date_from + relativedelta(day=31)

    @api.depends("date_to", "project_id.report_due_days")
    def _compute_due_date(self):
        for report in self:
            if report.state == "delivered" and report.due_date:
                # what the customer was promised stays, whatever the project says now
                report.due_date = report.due_date
                continue
            report.due_date = report.date_to and report.date_to + relativedelta(
                days=report.project_id.report_due_days or 0)

    @api.depends("delivered_at", "due_date")
    def _compute_on_time(self):
        for report in self:
            report.on_time = bool(report.delivered_at and report.due_date and report.delivered_at <= report.due_date)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for report in self:
            report.access_url = f"/my/service_reports/{report.id}"
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_from"):
                vals["date_from"] = fields.Date.to_date(vals["date_from"]).replace(day=1)
            duplicate = self.search_count([
                ("project_id", "=", vals.get("project_id")), ("date_from", "=", vals.get("date_from")),
            ]) if vals.get("project_id") and vals.get("date_from") else 0
            if duplicate:
                raise UserError(self.env._("This project already has a service report for that month."))
        return super().create(vals_list)

    def _itss_locked_fnames(self):
        """Delivered: what the customer received, frozen. Generated: its project and month are fixed."""
        if self.state == "delivered":
            return ALL_FIELDS
        if self.state == "generated":
            return frozenset({"project_id", "date_from", "company_id"})
        return frozenset()

    def _itss_locked_message(self, field_label):
        if self.state == "delivered":
            return self.env._(
                "A delivered service report cannot change: its figures are what the customer received.")
        return super()._itss_locked_message(field_label)

    def _itss_report_action(self):
        return self._itss_action(
            ["itss_capability.group_itss_user"],
            message=self.env._("Only O&M engineers and managers generate and deliver service reports."))

    def _month_domain(self, field):
        return self.env["itss.kpi"].with_company(self.company_id)._itss_in_period(
            field, self.date_from, self.date_to)

    def _month_closed(self):
        return bool(self.env["itss.service.month"].sudo().search_count([
            ("company_id", "=", self.company_id.id), ("date_from", "=", self.date_from),
            ("state", "=", "closed")], limit=1))

    def _kpi_value(self, xmlid):
        """The project's value of a process KPI for the month.

        A closed month answers with its frozen (locked) value; an open one asks the KPI's provider.
        """
        kpi = self.env.ref(xmlid, raise_if_not_found=False)
        if not kpi or not kpi.provider:
            return 0.0
        if self._month_closed():
            frozen = self.env["itss.kpi.value"].sudo().search([
                ("kpi_id", "=", kpi.id), ("company_id", "=", self.company_id.id),
                ("date_from", "=", self.date_from), ("project_id", "=", self.project_id.id),
                ("locked", "=", True)], limit=1)
            return frozen.value if frozen else 0.0
        kpi = kpi.sudo().with_company(self.company_id)
        values = getattr(kpi, f"_itss_kpi_provider_{kpi.provider}")(self.date_from, self.date_to)
        return values.get(self.project_id.id, 0.0)

    def action_generate(self):
        """Take the month's snapshot: workload, service levels, satisfaction, problems, changes, trends."""
        for report in self:
            if report.state == "delivered":
                raise UserError(self.env._("The report %(report)s was delivered: it cannot be generated again.",
                                           report=report.name))
        for report in self._itss_report_action():
            report._generate()
        return True

    def _generate(self):
        project = Domain("service_project_id", "=", self.project_id.id)
        Ticket = self.env["helpdesk.ticket"]
        reported = project & self._month_domain("itss_reported_at")
        by_kind = dict(Ticket._read_group(reported, ["itss_kind"], ["__count"]))
        closed = Ticket.search_count(project & self._month_domain("closed_date"))
        visits = self.env["itss.onsite.visit"].search_count(
            project & self._month_domain("actual_arrival"))
        return_visits = self.env["itss.return.visit"].search_count(
            project & Domain([("date", ">=", self.date_from), ("date", "<=", self.date_to)]))
        assessment = self.env["itss.sla.assessment"].search([
            ("project_id", "=", self.project_id.id), ("date_from", "=", self.date_from)], limit=1)
        own = Domain("project_id", "=", self.project_id.id)
        self.write({
            "ticket_count": sum(by_kind.values()),
            "incident_count": by_kind.get("incident", 0),
            "request_count": by_kind.get("service_request", 0),
            "other_count": by_kind.get("complaint", 0) + by_kind.get("consultation", 0),
            "closed_count": closed,
            "onsite_count": visits,
            "return_visit_count": return_visits,
            "sla_rate": self._kpi_value("itss_capability.itss_kpi_sla_rate"),
            "response_rate": self._kpi_value("itss_service_desk.itss_kpi_resp_ontime"),
            "mttr_hours": self._kpi_value("itss_capability.itss_kpi_inc_mttr"),
            "satisfaction_rate": self._kpi_value("itss_service_desk.itss_kpi_rv_satisfaction"),
            "assessment_id": assessment.id,
            "major_incident_ids": [fields.Command.set(
                Ticket.search(reported & Domain("is_major_incident", "=", True)).ids)],
            "problem_ids": [fields.Command.set(self.env["itss.problem"].search(
                own & (self._month_domain("date_opened") | self._month_domain("date_resolved"))).ids)],
            "change_ids": [fields.Command.set(self.env["itss.change.request"].search(
                own & (self._month_domain("closed_at") | self._month_domain("planned_start"))).ids)],
            "release_ids": [fields.Command.set(self.env["itss.release"].search(
                own & Domain([("deployed_date", ">=", self.date_from), ("deployed_date", "<=", self.date_to)])).ids)],
            "trend_ids": [fields.Command.clear()] + [fields.Command.create(vals) for vals in self._trend_rows()],
            "state": "generated",
            "generated_at": fields.Datetime.now(),
        })

    def _trend_rows(self):
        """The last months of the key KPIs for this project, with the project's baseline mean."""
        kpis = self.env["itss.kpi"]
        for xmlid in TREND_KPIS:
            kpis |= self.env.ref(xmlid, raise_if_not_found=False) or kpis
        first = self.date_from - relativedelta(months=TREND_MONTHS - 1)
        values = {
            (value.kpi_id, value.date_from): value.value
            for value in self.env["itss.kpi.value"].search([
                ("kpi_id", "in", kpis.ids), ("project_id", "=", self.project_id.id),
                ("date_from", ">=", first), ("date_from", "<=", self.date_from),
            ])
        }
        baselines = {
            baseline.kpi_id: baseline.mean
            for baseline in self.env["itss.kpi.baseline"].search([
                ("kpi_id", "in", kpis.ids), ("project_id", "=", self.project_id.id)])
        }
        rows = []
        for kpi in kpis:
            for offset in range(TREND_MONTHS):
                month = first + relativedelta(months=offset)
                if (kpi, month) in values:
                    rows.append({"kpi_id": kpi.id, "date_from": month, "value": values[kpi, month],
                                 "baseline": baselines.get(kpi, 0.0)})
        return rows

    def action_send(self):
        """Open the mail composer with the report PDF attached (sent to the report recipients)."""
        self.ensure_one()
        if self.state == "draft":
            self.action_generate()
        template = self.env.ref("itss_service_desk.mail_template_service_report")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "mark_service_report_delivered": True,
                "force_email": True,
            },
        }

    def message_post(self, **kwargs):
        if self.env.context.get("mark_service_report_delivered"):
            # the same checks as the “Mark Delivered” button: the context only says which button
            self.filtered(lambda r: r.state != "delivered").action_mark_delivered()
        return super().message_post(**kwargs)

    def action_mark_delivered(self):
        """Delivered (sent, on paper, at a customer meeting): record today's delivery."""
        self.filtered(lambda r: r.state == "draft").action_generate()
        today = self.company_id._itss_today() if len(self.company_id) == 1 else fields.Date.context_today(self)
        for report in self._itss_report_action().filtered(lambda r: r.state != "delivered"):
            report.write({"state": "delivered", "delivered_at": report.delivered_at or today})
        return True

    def action_reset_draft(self):
        reports = self._itss_action(
            ["itss_capability.group_itss_manager"],
            message=self.env._("Only O&M managers can reopen a delivered service report."))
        reports.write({"state": "draft"})
        for report in reports:
            report.message_post(body=self.env._("Report reopened: it must be generated and delivered again."))
        return True

    def action_preview(self):
        """Open the report as the customer sees it on the portal."""
        self.ensure_one()
        return {"type": "ir.actions.act_url", "target": "self", "url": self.get_portal_url()}

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.name

