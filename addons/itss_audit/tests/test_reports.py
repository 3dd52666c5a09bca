# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
import unicodedata

from openpyxl import load_workbook
from PyPDF2 import PdfReader

from odoo.tests import tagged

from .common import ItssAuditCase


@tagged("post_install", "-at_install")
class TestAuditReports(ItssAuditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        programme = cls.env["itss.audit.programme"].with_user(cls.qa).create({"name": "Report programme", "year": 2038})
        cls.audit = cls.env["mgmtsystem.audit"].with_user(cls.qa).create({
            "name": "Report audit", "itss_programme_id": programme.id, "itss_department_id": cls.dept_om.id,
            "user_id": cls.qa.id, "itss_scope": "Incident and change processes"})
        cls.audit.with_user(cls.qa).action_itss_generate_checklist()
        line = cls.audit.line_ids.filtered(lambda ln: ln.itss_clause_id == cls.clause_change)
        line.with_user(cls.qa).write({"itss_answer": "nonconforming", "comments": "Late approvals"})
        line.with_user(cls.qa).action_itss_raise_finding()
        line.itss_nonconformity_id.with_user(cls.qa).action_itss_add_corrective_action()

    def _html(self, xmlid, records, user):
        report = self.env["ir.actions.report"].with_user(user).with_context(force_report_rendering=True)
        return report._render_qweb_html(xmlid, records.ids)[0].decode()

    def test_audit_report_and_findings_xlsx(self):
        """The audit report shows scope, clauses, findings by clause with actions; the XLSX lists both."""
        html = self._html("itss_audit.itss_audit_report_action", self.audit, self.qa)
        for expected in ("Incident and change processes", "9.7", "Late approvals", "Corrective action:",
                         self.dept_om.name):
            self.assertIn(expected, html)
        report = self.env.ref("itss_audit.itss_audit_findings_xlsx_action")
        content, kind = self.env["ir.actions.report"].with_user(self.executive)._render(
            report.report_name, self.audit.ids)
        self.assertEqual(kind, "xlsx")
        findings, actions = load_workbook(io.BytesIO(content)).worksheets
        self.assertEqual(findings.max_row, 2)
        self.assertEqual(findings.cell(2, 5).value, self.dept_om.name)
        self.assertTrue(actions.cell(2, 2).value.startswith("Corrective action:"))

    def test_allocation_table_pdf_layout_and_xlsx(self):
        """The allocation table has one column per department, ● for the lead, ○ for participants."""
        clauses = self.env["itss.standard.clause"].search([("edition", "=", "2012")])
        html = self._html("itss_audit.itss_allocation_report_action", clauses, self.qa)
        self.assertIn(self.dept_om.name, html)
        self.assertIn("●", html)
        self.assertIn("○", html)
        report = self.env.ref("itss_audit.itss_allocation_xlsx_action")
        content, _kind = self.env["ir.actions.report"].with_user(self.qa)._render(report.report_name, clauses.ids)
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        headers = [cell.value for cell in sheet[1]]
        rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
        self.assertEqual(rows["9.4"][headers.index(self.dept_om.name)], "●")
        self.assertEqual(rows["9.7"][headers.index(self.dept_om.name)], "○")
        self.assertEqual(rows["9.7"][-1], "Yes", "9.7 has no lead department: a gap")

    def test_audit_report_pdf_in_chinese(self):
        """A zh_CN auditor prints the audit report PDF with its Chinese headings."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "itss_audit")])._update_translations(["zh_CN"])
        self.qa.lang = "zh_CN"
        report = self.env["ir.actions.report"].with_user(self.qa).with_context(
            force_report_rendering=True, lang="zh_CN")
        pdf, kind = report._render_qweb_pdf("itss_audit.itss_audit_report_action", self.audit.ids)
        self.assertEqual(kind, "pdf")
        text = unicodedata.normalize("NFKC", "".join(
            page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
        for expected in ("内部审核报告", "受审核部门", "检查表", "按条款和部门列出的发现项", "审核结论", "不符合"):
            self.assertIn(expected, text)

    def test_review_minutes(self):
        """The minutes show the inputs and the decisions with owner and due date."""
        review = self.env["mgmtsystem.review"].with_user(self.qa).create({
            "name": "Minutes review", "date": "2038-12-15 02:00:00", "itss_date_from": "2038-01-01",
            "itss_date_to": "2038-12-31", "itss_chair_id": self.executive.id})
        review.with_user(self.qa).action_itss_collect_inputs()
        self.env["itss.review.decision"].with_user(self.qa).create({
            "review_id": review.id, "name": "Hire a knowledge manager", "owner_id": self.manager.id,
            "due_date": "2039-06-30"})
        html = self._html("itss_audit.itss_review_minutes_report_action", review, self.executive)
        for expected in ("Hire a knowledge manager", "Nonconformities still open", self.executive.name):
            self.assertIn(expected, html)
