# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime, time, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .health_common import SparesHealthCase


@tagged("post_install", "-at_install")
class TestPurchasePlan(SparesHealthCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Plan = cls.env["itss.spare.purchase.plan"]
        cls.period_from, cls.period_to = Plan._consumption_period(cls.company)
        before = datetime.combine(cls.period_from - timedelta(days=40), time(4))
        cls.move(cls.psu, cls.suppliers, cls.stock, qty=10, when=before)
        cls.move(cls.psu, cls.stock, cls.customers, qty=2, when=before + timedelta(days=1))
        # 23:30 UTC the day before the period = 07:30 on its first day in Shanghai: counts.
        cls.move(cls.psu, cls.stock, cls.customers, qty=1,
                 when=datetime.combine(cls.period_from - timedelta(days=1), time(23, 30)))
        cls.move(cls.psu, cls.stock, cls.customers, qty=4,
                 when=datetime.combine(cls.period_from + timedelta(days=90), time(3)))
        cls.move(cls.psu, cls.stock, cls.customers, qty=1,
                 when=datetime.combine(cls.period_to - timedelta(days=1), time(10)))
        # A move to the quarantine is no consumption.
        cls.move(cls.psu, cls.stock, cls.warehouse.itss_quarantine_location_id, qty=1,
                 when=datetime.combine(cls.period_from + timedelta(days=10), time(3)))
        cls.receive_disks("SN-P1", when=before)
        cls.plan = Plan.with_user(cls.keeper).create({"year": 2090})

    def line(self, product):
        return self.plan.line_ids.filtered(lambda line: line.product_id == product)

    def test_proposed_from_consumption(self):
        """The proposal reads the 12 months' consumption (company days), lead time, criticality and stock."""
        self.plan.action_propose()
        psu = self.line(self.psu)
        self.assertEqual(psu.consumed_qty, 6)
        self.assertEqual(psu.on_hand_qty, 1)
        # 6/365 × 30 days = 0.49 → min 1; max 1 + 6/4 → 3; buy 6 + 1 − 1 = 6.
        self.assertEqual((psu.min_qty, psu.max_qty, psu.proposed_qty, psu.quantity), (1, 3, 6, 6))
        self.assertEqual(psu.partner_id, self.vendor)
        self.assertEqual(psu.unit_price, 180.0)
        self.assertEqual(psu.amount, 1080.0)
        disk = self.line(self.disk)
        self.assertEqual((disk.consumed_qty, disk.min_qty, disk.proposed_qty), (0, 1, 0))
        self.assertEqual(self.plan.consumption_from, self.period_from)

    def test_approval_by_manager_only(self):
        """The keeper submits, only the O&M manager approves; the approved plan is frozen."""
        self.plan.action_propose()
        self.plan.action_submit()
        with self.assertRaises(AccessError):
            self.plan.action_approve()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.executive).action_approve()
        self.plan.with_user(self.manager).action_approve()
        self.assertEqual(self.plan.state, "approved")
        self.assertEqual(self.plan.approved_by_id, self.manager)
        with self.assertRefused(AccessError, "is approved"):
            self.line(self.psu).with_user(self.manager).quantity = 50
        with self.assertRaises(AccessError):
            self.plan.action_draft()
        self.plan.with_user(self.manager).action_draft()
        self.assertEqual(self.plan.state, "draft")

    def test_empty_plan_not_submitted(self):
        """A plan without lines cannot be submitted."""
        with self.assertRefused(ValidationError, "has no lines"):
            self.plan.action_submit()

    def test_negative_or_inverted_quantities_refused(self):
        """Negative quantities and a max below the min are refused."""
        with self.assertRefused(ValidationError, "below the reorder point"):
            self.plan.line_ids = [Command.create({"product_id": self.psu.id, "min_qty": 5, "max_qty": 2})]
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.plan.line_ids = [Command.create({"product_id": self.psu.id, "quantity": -1})]

    def test_orderpoints_from_approved_plan(self):
        """An approved plan creates, then updates, the min/max reorder rules of its spares per library."""
        self.plan.action_propose()
        with self.assertRefused(UserError, "approve"):
            self.plan.action_update_orderpoints()
        self.plan.action_submit()
        self.plan.with_user(self.manager).action_approve()
        self.plan.action_update_orderpoints()
        orderpoint = self.env["stock.warehouse.orderpoint"].search(
            [("product_id", "=", self.psu.id), ("location_id", "=", self.stock.id)])
        self.assertEqual((orderpoint.product_min_qty, orderpoint.product_max_qty), (1, 3))
        orderpoint.product_max_qty = 9
        self.plan.action_update_orderpoints()
        self.assertEqual(orderpoint.product_max_qty, 3)
        self.assertEqual(self.env["stock.warehouse.orderpoint"].search_count(
            [("product_id", "=", self.psu.id), ("location_id", "=", self.stock.id)]), 1)

    def test_engineer_has_no_access(self):
        """Engineers neither read the purchase plan nor its prices."""
        with self.assertRaises(AccessError):
            self.plan.with_user(self.engineer).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.env["itss.spare.purchase.plan.line"].with_user(self.engineer).search([])
        self.plan.with_user(self.qa).read(["amount_total"])
