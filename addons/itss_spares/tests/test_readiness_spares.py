# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.itss_capability.tests.common import ItssTzCompanyMixin

YEAR = 2025


@tagged("post_install", "-at_install")
class TestReadinessSpares(ItssTzCompanyMixin, TransactionCase):
    """Readiness rule of the spare-parts library (item 17) and its reports for the evidence pack."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls._company("Readiness spares company")
        cls.empty = cls._company("Readiness spares empty company")
        company = cls.company.id
        cls.library = cls.env["stock.warehouse"].create({
            "name": "Readiness central library", "code": "RCL", "company_id": company,
            "itss_library_type": "central"})
        vendor = cls.env["res.partner"].create({"name": "Readiness disk vendor", "is_company": True})
        disk = cls.env["product.product"].create({"name": "Readiness 1.2 TB disk", "is_storable": True,
                                                   "itss_is_spare": True, "company_id": company})
        move = cls.env["stock.move"].create({
            "product_id": disk.id, "product_uom_qty": 2, "company_id": company,
            "location_id": cls.env.ref("stock.stock_location_suppliers").id,
            "location_dest_id": cls.library.lot_stock_id.id})
        move._action_confirm()
        move.quantity = 2
        move.picked = True
        move._action_done()
        move.write({"date": datetime(YEAR, 1, 31, 17, 0)})  # February 1st, 01:00 in Shanghai
        cls.env["itss.spare.check"].create([{
            "company_id": company, "warehouse_id": cls.library.id, "date": day,
            "inspector_id": cls.env.user.id, "state": "done",
        } for day in (date(YEAR, 3, 20), date(YEAR, 9, 20))])
        cls.plan = cls.env["itss.spare.purchase.plan"].create({
            "company_id": company, "year": YEAR + 1, "state": "approved", "approved_date": date(YEAR, 11, 5)})
        cls.env["itss.spare.purchase.plan"].create({
            "company_id": company, "year": YEAR - 1, "state": "approved", "approved_date": date(YEAR - 2, 11, 5)})
        cls.evaluation = cls.env["itss.spare.supplier.evaluation"].create({
            "company_id": company, "year": YEAR, "partner_id": vendor.id, "evaluator_id": cls.env.user.id,
            "state": "approved"})

    def _item(self, company=None):
        items = self.env["itss.readiness.item"]._itss_company_items(company or self.company)
        return items.filtered(lambda item: item.rule_code == "spare_library")

    def _parts(self, date_to=date(YEAR, 12, 31), company=None):
        item = self._item(company)
        return item._itss_readiness_rule_spare_library(item.company_id, date(YEAR, 1, 1), date_to)

    def test_spare_library_present(self):
        """Spot checks in two quarters, an approved plan, a supplier evaluation and library moves: present."""
        self.assertEqual([part["ratio"] for part in self._parts()], [1.0, 1.0, 1.0, 1.0])

    def test_spare_library_partial(self):
        """By March's end: one quarter of checks, the plan not approved yet, the move of February 1st counted."""
        self.assertEqual([(part["count"], part["need"]) for part in self._parts(date(YEAR, 3, 31))],
                         [(1, 2), (0, 1), (1, 1), (1, 1)])
        self.assertEqual(self._parts(date(YEAR, 1, 31))[3]["count"], 0)

    def test_spare_library_missing(self):
        """A company without any spare library records misses the item."""
        self.assertEqual([part["ratio"] for part in self._parts(company=self.empty)], [0.0, 0.0, 0.0, 0.0])

    def test_reports_of_company_and_year(self):
        """The pack gets the yearly library report, inventory and ledger of the company, its plan and evaluation."""
        reports = self._item()._itss_readiness_reports_spare_library(self.company, date(YEAR, 1, 1),
                                                                     date(YEAR, 12, 31))
        by_xmlid = dict(reports)
        wizard = by_xmlid["itss_spares.itss_spare_library_report_action"]
        self.assertEqual((wizard.company_id, wizard.year), (self.company, YEAR))
        self.assertEqual(wizard._libraries(), self.library)
        self.assertEqual(len(wizard._ledger_lines()), 1)
        self.assertEqual(by_xmlid["itss_spares.itss_spare_purchase_plan_report_action"], self.plan)
        self.assertEqual(by_xmlid["itss_spares.itss_spare_supplier_evaluation_report_action"], self.evaluation)
        for xmlid, records in reports:
            self.assertEqual(self.env.ref(xmlid).model, records._name)
