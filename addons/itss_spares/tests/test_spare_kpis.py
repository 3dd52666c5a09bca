# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from .health_common import SparesHealthCase


@tagged("post_install", "-at_install")
class TestSpareKpis(SparesHealthCase):
    """Each spare KPI provider on a small history of March of year Y (Asia/Shanghai)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.y = cls.company._itss_today().year - 1
        y = cls.y
        cls.march = (date(y, 3, 1), date(y, 3, 31))
        cls.project = cls.make_project("Test hospital O&M", "Test hospital")
        cls.other_project = cls.make_project("Test bank O&M", "Test bank")
        cls.pool = cls.env["stock.warehouse"].create({
            "name": "Test hospital pool", "code": "THP", "itss_library_type": "site_pool",
            "itss_project_id": cls.project.id,
        })
        cls.disk2 = cls.env["product.product"].create({
            "name": "Test RAID controller", "is_storable": True, "tracking": "serial",
            "itss_is_spare": True, "itss_criticality": "a", "standard_price": 500.0,
        })
        feb = f"{y}-02-01 04:00"
        cls.move(cls.psu, cls.suppliers, cls.stock, qty=10, when=feb)
        cls.move(cls.psu, cls.suppliers, cls.stock, qty=5, when=feb, owner=cls.vendor)
        sn1, sn2, sn3, sn4 = (cls.lot(cls.disk, f"SN-K{n}") for n in range(1, 5))
        cls.move(cls.disk, cls.suppliers, cls.stock, lot=sn1, when=feb)
        cls.move(cls.disk, cls.suppliers, cls.stock, lot=sn2, when=feb)
        # The RAID controller was stocked once and is out since February: a stock-out carried into March.
        raid = cls.lot(cls.disk2, "SN-R1")
        cls.move(cls.disk2, cls.suppliers, cls.stock, lot=raid, when=feb)
        cls.move(cls.disk2, cls.stock, cls.customers, lot=raid, when=f"{y}-02-02 04:00")
        # 07:30 on March 1st in Shanghai (23:30 UTC the day before): in March.
        cls.move(cls.disk, cls.stock, cls.customers, lot=sn1, when=f"{y}-02-{29 if y % 4 == 0 else 28} 23:30")
        cls.move(cls.disk, cls.stock, cls.customers, lot=sn2, when=f"{y}-03-10 04:00")  # stock-out
        cls.move(cls.disk, cls.suppliers, cls.stock, lot=sn3, when=f"{y}-03-15 04:00")
        # 00:30 on April 1st in Shanghai: not in March (it would be in UTC).
        cls.move(cls.disk, cls.stock, cls.quarantine, lot=sn3, when=f"{y}-03-31 16:30")
        cls.move(cls.disk, cls.suppliers, cls.stock, lot=sn4, when=f"{y}-04-02 04:00")
        cls.move(cls.psu, cls.stock, cls.customers, qty=4, when=f"{y}-03-05 04:00")
        cls.move(cls.psu, cls.stock, cls.customers, qty=2, when=f"{y}-03-06 04:00", owner=cls.vendor)

    def kpi(self, provider, level="organization"):
        return self.env["itss.kpi"].new({
            "name": f"Test {provider} {level}", "code": f"T_{provider}_{level}", "provider": provider,
            "level": level, "value_type": "number",
        })

    def value(self, provider, level="organization", period=None):
        return getattr(self.kpi(provider, level), f"_itss_kpi_provider_{provider}")(*(period or self.march))

    def test_availability_from_spot_checks(self):
        """备件可用率 = good / checked over the checks dated in the period; per project for site pools."""
        self.move(self.psu, self.suppliers, self.pool.lot_stock_id, qty=2)
        Check = self.env["itss.spare.check"].with_user(self.keeper)
        central = Check.create({"warehouse_id": self.warehouse.id, "date": date(self.y, 3, 20), "line_ids": [
            Command.create({"product_id": self.psu.id, "location_id": self.stock.id, "quantity": 3,
                            "result": "good"}),
            Command.create({"product_id": self.psu.id, "location_id": self.stock.id, "quantity": 1,
                            "result": "faulty"}),
        ]})
        pool = Check.create({"warehouse_id": self.pool.id, "date": date(self.y, 3, 31), "line_ids": [
            Command.create({"product_id": self.psu.id, "location_id": self.pool.lot_stock_id.id, "quantity": 2,
                            "result": "good"}),
        ]})
        april = Check.create({"warehouse_id": self.warehouse.id, "date": date(self.y, 4, 1), "line_ids": [
            Command.create({"product_id": self.psu.id, "location_id": self.stock.id, "result": "faulty"}),
        ]})
        (central | pool | april).action_done()
        self.assertEqual(self.value("spare_availability"), {False: 83.33})
        self.assertEqual(self.value("spare_availability", "project"), {self.project.id: 100.0})

    def request(self, project, requested, target=None, issued=None, installed=None, state="issued"):
        return self.env["itss.spare.request"].create({
            "product_id": self.psu.id, "project_id": project.id, "state": state,
            "request_date": datetime.fromisoformat(requested),
            "target_date": target and datetime.fromisoformat(target),
            "issue_date": issued and datetime.fromisoformat(issued),
            "install_date": installed and datetime.fromisoformat(installed),
        })

    def test_fulfilment_and_time_to_site(self):
        """备件满足率 counts requests of the company's March issued by the agreed time; mean hours to site."""
        y = self.y
        self.request(self.project, f"{y}-03-02 01:00", f"{y}-03-02 09:00", f"{y}-03-02 03:00",
                     f"{y}-03-02 11:00", state="installed")
        self.request(self.project, f"{y}-03-03 01:00", f"{y}-03-03 05:00", f"{y}-03-03 08:00",
                     f"{y}-03-03 21:00", state="installed")
        # 07:30 on March 1st in Shanghai: a March request, issued on time.
        self.request(self.other_project, f"{y}-02-{29 if y % 4 == 0 else 28} 23:30", f"{y}-03-01 09:00",
                     f"{y}-03-01 02:00")
        # 00:30 on April 1st in Shanghai: not a March request.
        self.request(self.other_project, f"{y}-03-31 16:30", f"{y}-04-01 09:00", f"{y}-04-02 09:00")
        self.request(self.project, f"{y}-03-05 01:00", state="cancelled")
        self.assertEqual(self.value("spare_fulfilment"), {False: 66.67})
        self.assertEqual(self.value("spare_fulfilment", "project"),
                         {self.project.id: 50.0, self.other_project.id: 100.0})
        # 10 h and 20 h from request to installation.
        self.assertEqual(self.value("spare_request_to_site"), {False: 15.0})
        self.assertEqual(self.value("spare_request_to_site", "project"), {self.project.id: 15.0})

    def test_a_stockouts_from_move_history(self):
        """Stock-outs of A spares in March: the disk running out on the 10th and the RAID controller
        still out when March starts; the quarantine move at 00:30 on April 1st (local) is April's."""
        self.assertEqual(self.value("spare_a_stockout"), {False: 2})
        self.assertEqual(self.value("spare_a_stockout", period=(date(self.y, 4, 1), date(self.y, 4, 30))),
                         {False: 2})
        self.assertEqual(self.value("spare_a_stockout", period=(date(self.y, 1, 1), date(self.y, 1, 31))),
                         {False: 0})

    def test_turnover_own_stock_only(self):
        """Turnover = own consumption at cost / average own usable stock at cost; consignment never counts.

        Opening 10 PSU + 2 disks = 4000, closing 6 PSU + 1 disk = 2200, consumed 4 PSU + 2 disks = 2800.
        """
        self.assertEqual(self.value("spare_turnover"), {False: round(2800 / 3100, 2)})
