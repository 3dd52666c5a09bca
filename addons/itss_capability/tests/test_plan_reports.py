# Copyright 2042 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
import unicodedata

from freezegun import freeze_time
from openpyxl import load_workbook
from PyPDF2 import PdfReader

from odoo import Command
from odoo.tests import tagged

from .test_capability_plan import PlanCase


@tagged("post_install", "-at_install")
class TestPlanReports(PlanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search([("name", "=", "itss_capability")])._update_translations(["zh_CN"])
        cls.manager.lang = "zh_CN"
        cls.env["itss.improvement"].create({"name": "Weekend on-call", "plan_id": cls.plan.id})

    def _render(self, xmlid):
        """(PDF text, HTML) of the report; Latin text is drawn as paths by wkhtmltopdf, so the
        figures are checked in the HTML and the Chinese text in the PDF."""
        report = self.env["ir.actions.report"].with_user(self.manager).with_context(
            force_report_rendering=True, lang="zh_CN")
        pdf, kind = report._render_qweb_pdf(xmlid, self.plan.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        html = report._render_qweb_html(xmlid, self.plan.ids)[0].decode()
        return unicodedata.normalize("NFKC", text), html

    def test_plan_pdf_in_chinese(self):
        """The annual plan PDF renders with wkhtmltopdf, its numbered sections in readable Chinese."""
        text, html = self._render("itss_capability.itss_capability_plan_report_action")
        for expected in ("文件编号", "修订记录", "业务分析", "经营目标", "四要素保障体系", "人员", "资源"):
            self.assertIn(expected, text)
        for expected in ("1 业务分析", "1.2 经营目标", "2 四要素保障体系", "2.1 人员", "Build the reserve pool",
                         "O&amp;M revenue", "ITSS-06-02", "1.2.3"):
            self.assertIn(expected, html)

    @freeze_time("2041-12-01")
    def test_execution_result_pdf(self):
        """The execution result report shows completion per element and department, overdue items and improvements."""
        text, html = self._render("itss_capability.itss_capability_plan_execution_report_action")
        for expected in ("计划执行结果报告", "各要素完成情况", "各部门完成情况", "逾期工作项", "未关闭的改进措施"):
            self.assertIn(expected, text)
        for expected in ("O&amp;M Department", "HR Department", "Weekend on-call", "Spare-part spot checks"):
            self.assertIn(expected, html)

    def test_xlsx_export(self):
        """The XLSX export has one sheet each for objectives, work items and improvements, with the right rows."""
        report = self.env.ref("itss_capability.itss_capability_plan_xlsx_action")
        content, kind = self.env["ir.actions.report"].with_user(self.manager)._render(
            report.report_name, self.plan.ids)
        self.assertEqual(kind, "xlsx")
        book = load_workbook(io.BytesIO(content))
        objectives, items, improvements = book.worksheets
        self.assertEqual([row[0] for row in objectives.iter_rows(min_row=2, values_only=True)],
                         ["Configuration accuracy", "O&M revenue", "Customer satisfaction"])
        self.assertEqual(items.max_row, 4)
        self.assertEqual(items.cell(2, 1).value, "Build the reserve pool")
        self.assertEqual(items.cell(2, 5).value, "HR Department")
        self.assertEqual(improvements.cell(2, 1).value, "Weekend on-call")

    def test_dashboard_figures(self):
        """Dashboard figures match the work items and cost the same queries for 3 or 60 items."""
        self.item_spares.action_done()
        data = self.plan._get_execution_report_data()
        by_element = {row["record"]: row for row in data["by_element"]}
        self.assertEqual(by_element[self.resources]["done"], 1)
        self.assertEqual(by_element[self.resources]["progress"], 100)
        by_department = {row["record"]: row for row in data["by_department"]}
        self.assertEqual(by_department[self.dept_ops]["count"], 2)
        self.assertIn("O&amp;M Department", self.plan.dashboard_html)

        def queries():
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.plan._get_execution_report_data()
            return self.env.cr.sql_log_count - before

        queries()  # warm the access-rule caches (the company's time zone is read as the user)
        small = queries()
        self.plan.work_item_ids = [Command.create({
            "name": f"Item {n}", "element_id": self.people.id, "department_id": self.dept_hr.id,
            "date_start": "2041-01-01", "date_end": "2041-02-01",
        }) for n in range(57)]
        self.env.flush_all()
        self.assertEqual(queries(), small)
