# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import UTC

from odoo import models
from odoo.fields import Domain


class ItssServiceReportXlsx(models.AbstractModel):
    """XLSX detail of a monthly service report: every ticket of the month and every missed target."""

    _name = "report.itss_service_desk.service_report_xlsx"
    _inherit = "itss.xlsx.report"
    _description = "Service Report XLSX Detail"

    def generate_xlsx_report(self, workbook, data, reports):
        formats = self._formats(workbook)

        tz = reports.company_id[:1]._itss_tz()

        def local(moment):
            """Datetimes in the company's time zone (the one the month is cut in), as Excel has none."""
            return moment and moment.replace(tzinfo=UTC).astimezone(tz).replace(tzinfo=None)

        ticket_rows, miss_rows = [], []
        for report in reports:
            tickets = self.env["helpdesk.ticket"].search(
                Domain("service_project_id", "=", report.project_id.id) & report._month_domain("itss_reported_at"),
                order="itss_reported_at",
            )
            for ticket in tickets:
                ticket_rows.append([
                    ticket.number, ticket.name, self._selection_label(ticket, "itss_kind"), ticket.itss_priority or "",
                    local(ticket.itss_reported_at), local(ticket.itss_first_response_at), local(ticket.closed_date),
                    ticket.itss_resolution_hours if ticket.closed_date else None,
                    self.env._("Yes") if ticket.itss_sla_breached else self.env._("No"),
                    ticket.stage_id.name, ticket.user_id.name,
                ])
            for miss in report.assessment_id.miss_ids:
                miss_rows.append([
                    miss.ticket_id.number or "", miss.ticket_ref, miss.name, miss.priority or "",
                    local(miss.deadline), local(miss.reached_at),
                ])
        env = self.env
        self._sheet(workbook, env._("Tickets"), [
            env._("Number"), env._("Title"), env._("Kind"), env._("Priority"), env._("Reported At"),
            env._("First Response"), env._("Closed On"), env._("Resolution Time (h)"), env._("SLA Breached"),
            env._("Stage"), env._("Engineer"),
        ], ticket_rows, formats, wide_column=1)
        self._sheet(workbook, env._("Missed Targets"), [
            env._("Number"), env._("Title"), env._("Target"), env._("Priority"), env._("Deadline"),
            env._("Met At"),
        ], miss_rows, formats, wide_column=1)
