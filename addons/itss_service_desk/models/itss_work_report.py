# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup
from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

_logger = logging.getLogger(__name__)


class ItssWorkReport(models.Model):
    """The weekly or monthly work report of the stationed engineers to the customer (驻场工作周报/月报).

    Generated from the period's work logs and the project's tickets; sent to the customer, who signs
    it off on the portal. A sent report no longer changes, nor do the logs it reports.
    """

    _name = "itss.work.report"
    _description = "On-site Work Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin", "itss.project.site.mixin", "itss.guard.mixin"]
    _order = "date_from desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    period_type = fields.Selection([("week", "Weekly"), ("month", "Monthly")], required=True, default="month")
    date_from = fields.Date(required=True)
    date_to = fields.Date(compute="_compute_date_to", store=True)
    log_ids = fields.Many2many("itss.work.log", "itss_work_report_log_rel", "report_id", "log_id",
                               string="Work Logs", readonly=True, copy=False)
    hours = fields.Float(readonly=True, copy=False, digits=(16, 2))
    ticket_count = fields.Integer(string="Tickets Reported", readonly=True, copy=False)
    ticket_closed_count = fields.Integer(string="Tickets Closed", readonly=True, copy=False)
    summary = fields.Html(readonly=True, copy=False, sanitize=True)
    next_plan = fields.Html(string="Plan for the Next Period")
    state = fields.Selection([("draft", "Draft"), ("sent", "Sent to Customer"), ("signed", "Signed Off")],
                             default="draft", required=True, readonly=True, tracking=True, copy=False, index=True)
    sent_at = fields.Datetime(readonly=True, copy=False)
    signed_by = fields.Char(readonly=True, copy=False)
    signed_partner_id = fields.Many2one("res.partner", string="Signed by Contact", readonly=True, copy=False)
    signed_at = fields.Datetime(string="Signed On", readonly=True, copy=False)
    customer_comment = fields.Text(readonly=True, copy=False)

    _project_period_unique = models.Constraint(
        "UNIQUE(project_id, period_type, date_from)", "This project already has a work report for this period.")

    @api.depends("project_id", "period_type", "date_from")
    def _compute_name(self):
        for report in self:
            label = self.env._("Weekly") if report.period_type == "week" else self.env._("Monthly")
            report.name = f"{report.project_id.name or ''} {label} {report.date_from or ''}"

    @api.depends("period_type", "date_from")
    def _compute_date_to(self):
        for report in self:
            if not report.date_from:
                report.date_to = False
            elif report.period_type == "week":
                report.date_to = report.date_from + relativedelta(days=6)
            else:
                report.date_to = report.date_from + relativedelta(months=1, days=-1)

    @api.constrains("period_type", "date_from")
    def _check_period(self):
        for report in self:
            if report.period_type == "month" and report.date_from.day != 1:
                raise ValidationError(self.env._("A monthly work report starts on the first day of a month."))
            if report.period_type == "week" and report.date_from.weekday() != 0:
                raise ValidationError(self.env._("A weekly work report starts on a Monday."))

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state != "draft" else frozenset()

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for report in self:
            report.access_url = f"/my/work_reports/{report.id}"
        return res

    def action_generate(self):
        """Collect the period's work logs and tickets of the project into the report."""
        reports = self._itss_action(["itss_capability.group_itss_user"])
        for report in reports:
            if report.state != "draft":
                raise UserError(self.env._("Only a draft work report can be generated: %(report)s.",
                                           report=report.name))
            logs = self.env["itss.work.log"].search([
                ("project_id", "=", report.project_id.id),
                ("date", ">=", report.date_from), ("date", "<=", report.date_to),
            ], order="date, id")
            start, end = report.company_id._itss_utc_bounds(report.date_from, report.date_to)
            Ticket = self.env["helpdesk.ticket"]
            ticket_domain = [("service_project_id", "=", report.project_id.id)]
            reported = Ticket.search_count(ticket_domain + [("itss_reported_at", ">=", start),
                                                            ("itss_reported_at", "<", end)])
            closed = Ticket.search_count(ticket_domain + [("closed_date", ">=", start), ("closed_date", "<", end)])
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%.1f</td><td>%s</td></tr>") % (
                    log.date, log.user_id.name, dict(log._fields["category"]._description_selection(self.env))[
                        log.category], log.hours, log.description)
                for log in logs
            )
            summary = Markup(
                "<p>%s</p><table class='table table-sm'><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                "<th>%s</th></tr></thead><tbody>%s</tbody></table>"
            ) % (
                self.env._("%(hours)s hours of on-site work in %(logs)s logs; %(reported)s tickets reported, "
                           "%(closed)s closed.", hours=round(sum(logs.mapped("hours")), 1), logs=len(logs),
                           reported=reported, closed=closed),
                self.env._("Day"), self.env._("Engineer"), self.env._("Category"), self.env._("Hours"),
                self.env._("Work Done"), rows,
            )
            report.write({"log_ids": [fields.Command.set(logs.ids)], "hours": sum(logs.mapped("hours")),
                          "ticket_count": reported, "ticket_closed_count": closed, "summary": summary})
        return True

    def action_send(self):
        reports = self._itss_action(["itss_capability.group_itss_manager"], message=self.env._(
            "Only O&M managers send work reports to the customer."))
        for report in reports:
            if report.state != "draft" or not report.summary:
                raise UserError(self.env._("Generate the draft work report %(report)s before sending it.",
                                           report=report.name))
        reports.write({"state": "sent", "sent_at": fields.Datetime.now()})
        return True

    def _itss_portal_sign(self, name, comment=None):
        """The customer contact (the current portal user, checked by the controller) signs the report off.

        ``self`` is read as superuser by the portal controller after checking the customer's company.
        """
        self.ensure_one()
        if self.state != "sent":
            raise UserError(self.env._("This work report is not waiting for your sign-off."))
        if not (name or "").strip():
            raise UserError(self.env._("Type your name to sign the work report off."))
        self.sudo().write({
            "state": "signed", "signed_by": name.strip(), "signed_at": fields.Datetime.now(),
            "signed_partner_id": self.env.user.partner_id.id, "customer_comment": comment or False,
        })
        self.sudo().message_post(body=self.env._("Signed off by %(name)s on the portal.", name=name.strip()))
        return True

    @api.model
    def _cron_generate_reports(self):
        """Daily: the draft report of last week, and from the 1st of last month, of every site where an
        engineer was stationed (or logged work) in that period. Days are the company's; a report that
        exists is left alone, so running twice, or two workers at once, creates no duplicate."""
        for company in self.env["res.company"].search([]):  # pylint: disable=no-search-all
            today = company._itss_today()
            last_week = today - timedelta(days=today.weekday() + 7)
            last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
            for period_type, date_from in (("week", last_week), ("month", last_month)):
                date_to = date_from + (timedelta(days=6) if period_type == "week"
                                       else relativedelta(months=1, days=-1))
                projects = self._itss_onsite_projects(company, date_from, date_to)
                self._itss_create_reports([
                    {"project_id": project.id, "period_type": period_type, "date_from": date_from}
                    for project in projects
                ])

    @api.model
    def _itss_onsite_projects(self, company, date_from, date_to):
        """The company's projects with an on-site assignment over the period (people module) or work logs."""
        projects = self.env["itss.work.log"].sudo().search([
            ("company_id", "=", company.id), ("date", ">=", date_from), ("date", "<=", date_to),
        ]).project_id
        Assignment = self.env.get("itss.onsite.assignment")
        if Assignment is not None:
            projects |= Assignment.sudo().search([
                ("company_id", "=", company.id), ("date_from", "<=", date_to),
                "|", ("date_to", "=", False), ("date_to", ">=", date_from),
            ]).project_id
        return projects

    @api.model
    def _itss_create_reports(self, vals_list):
        """Create and generate the reports not there yet; one another worker has just created is skipped
        (the unique constraint on project, period type and start decides)."""
        existing = {
            (report.project_id.id, report.period_type, report.date_from)
            for report in self.sudo().search([
                ("project_id", "in", [vals["project_id"] for vals in vals_list]),
                ("date_from", "in", list({vals["date_from"] for vals in vals_list})),
            ])
        }
        created = self.browse()
        for vals in vals_list:
            if (vals["project_id"], vals["period_type"], fields.Date.to_date(vals["date_from"])) in existing:
                continue
            try:
                with self.env.cr.savepoint():
                    report = self.sudo().create(vals)
                    self.env.flush_all()
            except IntegrityError:
                _logger.info("Work report %s already created by another worker.", vals)
                continue
            report.action_generate()
            created |= report
        return created
