# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.fields import Domain


class ItssServiceReportXlsx(models.AbstractModel):
    """XLSX detail of a monthly service report: every ticket of the month and every missed target."""

    _name = "report.itss_service_desk.service_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Service Report XLSX Detail"

    def _label(self, record, field_name):
        return dict(record._fields[field_name]._description_selection(self.env)).get(record[field_name], "")

    def _sheet(self, workbook, title, headers, rows, formats):
        sheet = workbook.add_worksheet(title[:31])
        sheet.freeze_panes(1, 0)
        for col, header in enumerate(headers):
            sheet.write(0, col, header, formats["header"])
            sheet.set_column(col, col, 36 if col == 1 else 16)
        for row_index, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                sheet.write(row_index, col, "" if value is None or value is False else value,
                            formats.get(type(value).__name__))
        return sheet

    def generate_xlsx_report(self, workbook, data, reports):
        formats = {
            "header": workbook.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1}),
            "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "float": workbook.add_format({"num_format": "0.00"}),
        }
        def local(moment):
            """Datetimes in the reader's time zone, as Excel has none."""
            return moment and fields.Datetime.context_timestamp(self, moment).replace(tzinfo=None)

        ticket_rows, miss_rows = [], []
        for report in reports:
            tickets = self.env["helpdesk.ticket"].search(
                Domain("service_project_id", "=", report.project_id.id) & report._month_domain("itss_reported_at"),
                order="itss_reported_at",
            )
            for ticket in tickets:
                ticket_rows.append([
                    ticket.number, ticket.name, self._label(ticket, "itss_kind"), ticket.itss_priority or "",
                    local(ticket.itss_reported_at), local(ticket.itss_first_response_at), local(ticket.closed_date),
                    ticket.itss_resolution_hours if ticket.closed_date else None,
                    self.env._("Yes") if ticket.itss_sla_breached else self.env._("No"),
                    ticket.stage_id.name, ticket.user_id.name,
                ])
            for miss in report.assessment_id.miss_ids:
                miss_rows.append([
                    miss.ticket_id.number, miss.ticket_id.name, miss.name, miss.itss_priority or "",
                    local(miss.deadline), local(miss.reached_at),
                ])
        env = self.env
        self._sheet(workbook, env._("Tickets"), [
            env._("Number"), env._("Title"), env._("Kind"), env._("Priority"), env._("Reported At"),
            env._("First Response"), env._("Closed On"), env._("Resolution Time (h)"), env._("SLA Breached"),
            env._("Stage"), env._("Engineer"),
        ], ticket_rows, formats)
        self._sheet(workbook, env._("Missed Targets"), [
            env._("Number"), env._("Title"), env._("Target"), env._("Priority"), env._("Deadline"),
            env._("Met At"),
        ], miss_rows, formats)
