# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import models


class ItssReadinessItem(models.Model):
    """Readiness rule of the spare-parts library (clause 7.4): spot checks through the year, the
    purchase plan, the supplier evaluation and the library's stock moves."""

    _inherit = "itss.readiness.item"
    # Literal domains go by keyword after a translated label: given by position, their first string
    # would be extracted as a term of the .pot.

    def _itss_spare_check_domain(self, company, date_from, date_to):
        return [("company_id", "=", company.id), ("state", "=", "done"),
                ("date", ">=", date_from), ("date", "<=", date_to)]

    def _itss_readiness_rule_spare_library(self, company, date_from, date_to):
        year = date_from.year
        return [
            self._itss_part_periods(
                self.env._("Quarters with spot checks of the spare library"), "itss.spare.check",
                self._itss_spare_check_domain(company, date_from, date_to), "date", "quarter"),
            self._itss_part(
                self.env._("Approved spare purchase plan (this year's or next year's)"),
                "itss.spare.purchase.plan",
                domain=[("company_id", "=", company.id), ("year", "in", [year, year + 1]), ("state", "=", "approved"),
                        ("approved_date", "<=", date_to)], need=1),
            self._itss_part(
                self.env._("Approved supplier evaluations of the year"), "itss.spare.supplier.evaluation",
                domain=[("company_id", "=", company.id), ("year", "=", year), ("state", "=", "approved")], need=1),
            self._itss_part(
                self.env._("Spare moves into or out of the libraries in the year"), "stock.move",
                domain=[("company_id", "=", company.id), ("state", "=", "done"),
                        ("product_id.itss_is_spare", "=", True),
                        *self._itss_datetime_domain("date", company, date_from, date_to),
                        "|", ("location_id.warehouse_id.itss_library_type", "!=", False),
                        ("location_dest_id.warehouse_id.itss_library_type", "!=", False)], need=1),
        ]

    def _itss_readiness_reports_spare_library(self, company, date_from, date_to):
        year = date_from.year
        wizard = self.env["itss.spare.report.wizard"].sudo().create({
            "company_id": company.id, "year": year, "date_from": date(year, 1, 1), "date_to": date_to})
        Plan = self.env["itss.spare.purchase.plan"].sudo()
        Evaluation = self.env["itss.spare.supplier.evaluation"].sudo()
        return [
            ("itss_spares.itss_spare_library_report_action", wizard),
            ("itss_spares.itss_spare_inventory_xlsx_action", wizard),
            ("itss_spares.itss_spare_ledger_xlsx_action", wizard),
            ("itss_spares.itss_spare_purchase_plan_report_action", Plan.search(
                [("company_id", "=", company.id), ("year", "in", [year, year + 1]), ("state", "=", "approved")])),
            ("itss_spares.itss_spare_supplier_evaluation_report_action", Evaluation.search(
                [("company_id", "=", company.id), ("year", "=", year), ("state", "=", "approved")])),
        ]
