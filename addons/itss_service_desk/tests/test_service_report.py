# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
from datetime import date

from openpyxl import load_workbook

from odoo.exceptions import UserError
from odoo.tests import new_test_user

from .test_service_month import SEPT, TestServiceMonth


class TestServiceReport(TestServiceMonth):
    """Monthly service report: snapshot, PDF in Chinese, XLSX detail, sending, on-time KPI."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search([("name", "=", "itss_service_desk")])._update_translations(["zh_CN"])
        cls.customer.lang = "zh_CN"
        cls.project.report_partner_ids = cls.customer
        cls.customer.email = "it@hospital.example.com"

    def make_report(self):
        tickets, month = self.build_month()
        month.with_user(self.manager).action_compute()
        report = self.env["itss.service.report"].with_user(self.engineer).create({
            "project_id": self.project.id, "date_from": date(2041, 9, 30),
        })
        return tickets, report

    def test_snapshot_figures(self):
        """Generating takes the month's workload, SLA and satisfaction figures for the project."""
        _tickets, report = self.make_report()
        report.action_generate()
        self.assertEqual(report.date_from, SEPT)
        self.assertEqual(report.due_date, date(2041, 10, 5))
        self.assertEqual((report.ticket_count, report.incident_count, report.closed_count), (4, 4, 4))
        self.assertEqual((report.sla_rate, report.response_rate, report.satisfaction_rate), (75.0, 100.0, 50.0))
        self.assertEqual(report.assessment_id.project_id, self.project)
        self.assertEqual(report.state, "generated")

    def test_pdf_in_chinese_and_xlsx(self):
        """The PDF renders in the customer's language (Chinese); the XLSX lists the month's tickets."""
        tickets, report = self.make_report()
        report.action_generate()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "itss_service_desk.itss_service_report_pdf_action", report.ids)[0].decode()
        self.assertIn("服务级别", html)
        self.assertIn("SLA", html)
        pdf, kind = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            "itss_service_desk.itss_service_report_pdf_action", report.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        content, kind = self.env["ir.actions.report"]._render(
            "itss_service_desk.itss_service_report_xlsx_action", report.ids)
        self.assertEqual(kind, "xlsx")
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        numbers = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
        self.assertEqual(numbers, {ticket.number for ticket in tickets})

    def test_send_records_delivery_and_kpi(self):
        """Sending from the chatter records the delivery date; the on-time KPI counts reports due in the month."""
        _tickets, report = self.make_report()
        action = report.action_send()
        composer = self.env["mail.compose.message"].with_context(
            action["context"], force_report_rendering=True).create({})
        self.assertEqual(composer.partner_ids, self.customer)
        composer._action_send_mail()
        self.assertEqual(report.state, "delivered")
        self.assertEqual(report.delivered_at, report.company_id._itss_today())
        message = report.message_ids.filtered(lambda m: m.attachment_ids)[:1]
        self.assertEqual(message.attachment_ids.mimetype, "application/pdf")
        report.sudo().delivered_at = date(2041, 10, 4)
        self.assertTrue(report.on_time)
        kpi = self.env.ref("itss_capability.itss_kpi_report_ontime")
        self.assertEqual(kpi._itss_kpi_provider_report_on_time(date(2041, 10, 1), date(2041, 10, 31)),
                         {self.project.id: 100.0})
        with self.assertRefused(UserError, "delivered service report"):
            report.with_user(self.engineer).write({"summary": "<p>changed</p>"})
        with self.assertRefused(UserError, "Only O&M managers"):
            report.with_user(self.engineer).action_reset_draft()

    def test_mail_in_the_customer_language(self):
        """The report mail is English in its source and goes out in the customer's language."""
        _tickets, report = self.make_report()
        template = self.env.ref("itss_service_desk.mail_template_service_report")
        self.assertIn("Please find attached", template.with_context(lang="en_US").body_html)
        self.assertIn("附件是", template._render_field("body_html", report.ids, compute_lang=True)[report.id])
        self.customer.lang = "en_US"
        self.assertIn("Please find attached",
                      template._render_field("body_html", report.ids, compute_lang=True)[report.id])

    def test_one_report_per_project_month(self):
        """A second report for the same project and month is refused."""
        self.make_report()
        with self.assertRefused(UserError, "already has a service report"):
            self.env["itss.service.report"].create({"project_id": self.project.id, "date_from": SEPT})

    def test_portal_customer_sees_only_own_delivered_reports(self):
        """A portal contact reads delivered reports of their company only, never drafts or others'."""
        _tickets, report = self.make_report()
        other_customer = self.env["res.partner"].create({"name": "Other Bank", "is_company": True})
        other_project = self.env["itss.service.project"].create({
            "name": "Other bank O&M", "partner_id": other_customer.id, "state": "active"})
        other_report = self.env["itss.service.report"].create({"project_id": other_project.id, "date_from": SEPT})
        contact = self.env["res.partner"].create({"name": "Dr. Wang", "parent_id": self.customer.id})
        portal = new_test_user(self.env, "sd_t_portal", groups="base.group_portal", partner_id=contact.id)
        Report = self.env["itss.service.report"].with_user(portal)
        self.assertFalse(Report.search([]), "a generated but undelivered report stays internal")
        (report | other_report).action_mark_delivered()
        self.assertEqual(Report.search([]), report)
        self.assertEqual(report.with_user(portal).sla_rate, 75.0)

    def test_other_company_sees_nothing(self):
        """A manager of another company sees none of this company's months, assessments or reports."""
        _tickets, report = self.make_report()
        other = self.env["res.company"].create({"name": "Other O&M Ltd"})
        outsider = new_test_user(self.env, "sd_t_other_mgr", groups="itss_capability.group_itss_manager",
                                 company_id=other.id, company_ids=[(6, 0, other.ids)])
        for model in ("itss.service.report", "itss.service.month", "itss.sla.assessment", "helpdesk.ticket.sla"):
            self.assertFalse(self.env[model].with_user(outsider).search([]).filtered(
                lambda rec: rec.company_id != other), model)
        self.assertFalse(self.env["itss.service.report"].with_user(outsider).search([("id", "=", report.id)]))
