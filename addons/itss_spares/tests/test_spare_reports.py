# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
import unicodedata
from datetime import date

from openpyxl import load_workbook
from PyPDF2 import PdfReader

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .health_common import SparesHealthCase


@tagged("post_install", "-at_install")
class TestSpareReports(SparesHealthCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search([("name", "in", ("itss_capability", "itss_spares"))])._update_translations(
            ["zh_CN"])
        cls.manager.lang = "zh_CN"
        cls.y = cls.company._itss_today().year - 1
        cls.move(cls.psu, cls.suppliers, cls.stock, qty=10, when=f"{cls.y}-02-01 04:00")
        cls.move(cls.psu, cls.suppliers, cls.stock, qty=5, when=f"{cls.y}-02-01 04:00", owner=cls.vendor)
        cls.move(cls.psu, cls.stock, cls.customers, qty=3, when=f"{cls.y}-03-05 04:00")
        cls.move(cls.psu, cls.stock, cls.customers, qty=1, when=f"{cls.y}-04-01 04:00")
        check = cls.env["itss.spare.check"].with_user(cls.keeper).create({
            "warehouse_id": cls.warehouse.id, "date": date(cls.y, 3, 20),
            "line_ids": [Command.create({"product_id": cls.psu.id, "location_id": cls.stock.id, "quantity": 2,
                                         "result": "good"})],
        })
        check.action_done()
        cls.plan = cls.env["itss.spare.purchase.plan"].create({"year": cls.y, "line_ids": [
            Command.create({"product_id": cls.psu.id, "warehouse_id": cls.warehouse.id, "quantity": 4,
                            "unit_price": 180.0, "partner_id": cls.vendor.id})]})
        cls.evaluation = cls.env["itss.spare.supplier.evaluation"].create({
            "partner_id": cls.vendor.id, "year": cls.y, "quality_score": 90, "delivery_score": 80,
            "price_score": 70, "service_score": 60, "conclusion": "keep"})
        cls.wizard = cls.env["itss.spare.report.wizard"].with_user(cls.manager).create({
            "year": cls.y, "date_from": date(cls.y, 3, 1), "date_to": date(cls.y, 3, 31),
            "warehouse_ids": [Command.set(cls.warehouse.ids)]})

    def render_pdf(self, xmlid, records):
        """(PDF text, HTML) of a report as the O&M manager in Chinese (figures checked in the HTML)."""
        report = self.env["ir.actions.report"].with_user(self.manager).with_context(
            force_report_rendering=True, lang="zh_CN")
        pdf, kind = report._render_qweb_pdf(xmlid, records.ids)
        self.assertEqual(kind, "pdf")
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        html = report._render_qweb_html(xmlid, records.ids)[0].decode()
        return unicodedata.normalize("NFKC", text), html

    def render_xlsx(self, xmlid):
        report = self.env.ref(xmlid)
        content, kind = self.env["ir.actions.report"].with_user(self.manager).with_context(lang="zh_CN")._render(
            report.report_name, self.wizard.ids)
        self.assertEqual(kind, "xlsx")
        return load_workbook(io.BytesIO(content)).worksheets[0]

    def test_inventory_xlsx(self):
        """The inventory XLSX lists the library's stock by owner: own stock valued, consignment at zero."""
        sheet = self.render_xlsx("itss_spares.itss_spare_inventory_xlsx_action")
        rows = {(row[5], row[7]): row for row in sheet.iter_rows(min_row=2, values_only=True)}
        own = rows[(self.psu.display_name, "自有库存")]
        self.assertEqual((own[9], own[11]), (6, 1200))
        consignment = rows[(self.psu.display_name, self.vendor.name)]
        self.assertEqual((consignment[9], consignment[11]), (5, 0))

    def test_ledger_xlsx(self):
        """The in/out ledger of March lists exactly March's done move lines of the library."""
        sheet = self.render_xlsx("itss_spares.itss_spare_ledger_xlsx_action")
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][2], "出库")
        self.assertEqual(rows[0][6], 3)

    def test_purchase_plan_pdf(self):
        """The purchase plan PDF is in Chinese with its lines and total."""
        text, html = self.render_pdf("itss_spares.itss_spare_purchase_plan_report_action", self.plan)
        self.assertIn("备件采购计划", text)
        self.assertIn(self.psu.name, html)
        self.assertIn("720.00", html)

    def test_supplier_evaluation_pdf(self):
        """The supplier evaluation PDF shows the scores, the weighted score and the conclusion in Chinese."""
        text, html = self.render_pdf("itss_spares.itss_spare_supplier_evaluation_report_action", self.evaluation)
        self.assertIn("供应商评价", text)
        self.assertIn("保留", text)
        self.assertIn("79.5", html)

    def test_yearly_library_report_pdf(self):
        """The yearly report for the assessor shows the libraries, own value, checks, KPIs, plan and evaluations."""
        text, html = self.render_pdf("itss_spares.itss_spare_library_report_action", self.wizard)
        for expected in ("备件库年度报告", "备件检测", "备件采购计划", "供应商评价", "备件可用率"):
            self.assertIn(expected, text)
        self.assertIn(self.warehouse.name, html)
        self.assertIn(self.evaluation.partner_id.name, html)
        self.assertIn("100.0", html)

    def test_overview_by_condition_and_owner(self):
        """The warehouse overview splits own and consignment stock and values only our own."""
        Overview = self.env["itss.spare.stock.overview"].with_user(self.keeper)
        groups = dict(Overview._read_group([("warehouse_id", "=", self.warehouse.id)], ["is_own"], ["value:sum"]))
        self.assertEqual(groups, {True: 1200.0, False: 0.0})
        with self.assertRaises(AccessError):
            self.env["itss.spare.stock.overview"].with_user(self.engineer).search([])

    def test_library_rules_link(self):
        """The spare library rules open the configured link (or file); unset, a clear message."""
        company = self.env.company
        company.write({"itss_spare_rules_url": False, "itss_spare_rules_file": False})
        with self.assertRefused(UserError, "not set yet"):
            company.with_user(self.engineer)._itss_action_spare_rules()
        company.itss_spare_rules_url = "https://docs.example.com/ITSS-07-04"
        action = company.with_user(self.engineer)._itss_action_spare_rules()
        self.assertEqual(action["url"], "https://docs.example.com/ITSS-07-04")

    def test_kpi_catalog(self):
        """The five spare KPIs ship with their providers and Chinese names."""
        codes = {"SPARE_AVAILABLE": "spare_availability", "SPARE_FULFIL": "spare_fulfilment",
                 "SPARE_A_STOCKOUT": "spare_a_stockout", "SPARE_TO_SITE": "spare_request_to_site",
                 "SPARE_TURNOVER": "spare_turnover"}
        kpis = self.env["itss.kpi"].with_context(lang="zh_CN").search([("code", "in", list(codes))])
        self.assertEqual({kpi.code: kpi.provider for kpi in kpis}, codes)
        self.assertIn("备件满足率", kpis.mapped("name"))
