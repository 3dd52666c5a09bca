# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ItssCase


@tagged("post_install", "-at_install")
class TestCatalog(ItssCase):
    def test_four_elements_and_eight_processes(self):
        """The catalog holds the four elements and the eight processes of GB/T 28827.1."""
        elements = self.env["itss.element"].search([])
        self.assertEqual(
            set(elements.mapped("code")), {"PEOPLE", "RESOURCES", "TECHNOLOGY", "PROCESS"}
        )
        processes = self.env["itss.process"].search([])
        self.assertEqual(
            processes.mapped("clause"), ["9.2", "9.3", "9.4", "9.5", "9.6", "9.7", "9.8", "9.9"]
        )
        self.assertTrue(all(p.element_id.code == "PROCESS" for p in processes))
        self.assertEqual(processes.filtered(lambda p: not p.has_metrics).code, "SRM")

    def test_catalog_cannot_be_deleted(self):
        """Elements and processes shipped by the suite cannot be deleted, even by a manager."""
        element = self.env.ref("itss_capability.itss_element_people").with_user(self.manager)
        with self.assertRefused(UserError, "cannot be deleted"):
            element.unlink()
        with self.assertRefused(UserError, "cannot be deleted"):
            self.process_incident.with_user(self.manager).unlink()
        self.assertTrue(element.exists())

    def test_catalog_in_chinese(self):
        """With the zh_CN language loaded, users see the Chinese names of elements and processes."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "itss_capability")])._update_translations(
            ["zh_CN"]
        )
        zh = self.env(context={"lang": "zh_CN"})
        self.assertEqual(zh.ref("itss_capability.itss_element_people").name, "人员")
        self.assertEqual(zh.ref("itss_capability.itss_process_incident").name, "事件管理")
        self.assertEqual(zh.ref("itss_capability.itss_process_security").name, "信息安全管理")

    def test_standard_kpi_catalog(self):
        """The standard KPI catalog covers the seven measured processes and the named formulas."""
        kpis = self.env["itss.kpi"].search([("code", "in", ["SLA_RATE", "INC_RESOLVED", "CHG_SUCCESS"])])
        self.assertEqual(len(kpis), 3)
        measured = self.env["itss.process"].search([("has_metrics", "=", True)])
        catalog = self.env["itss.kpi"].search([("company_id", "=", False)])
        self.assertLessEqual(measured, catalog.process_id)
