# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .health_common import SparesHealthCase


@tagged("post_install", "-at_install")
class TestSupplierEvaluation(SparesHealthCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.year = cls.company._itss_today().year - 1
        receipt_type = cls.warehouse.in_type_id
        # Three receipts of the year: two on time, one 2 days late; the last one was done at 17:00 UTC on
        # December 31st, 01:00 on January 1st in Shanghai: it belongs to the next year.
        for scheduled, done in (("%s-03-10 08:00", "%s-03-09 08:00"), ("%s-06-10 08:00", "%s-06-10 07:00"),
                                ("%s-09-10 08:00", "%s-09-12 08:00"), ("%s-12-31 08:00", "%s-12-31 17:00")):
            year = cls.year
            picking = cls.env["stock.picking"].create({
                "picking_type_id": receipt_type.id, "partner_id": cls.vendor.id,
                "location_id": cls.suppliers.id, "location_dest_id": cls.stock.id,
                "scheduled_date": datetime.fromisoformat(scheduled % year),
                "move_ids": [Command.create({
                    "product_id": cls.psu.id, "product_uom_qty": 1, "product_uom": cls.psu.uom_id.id,
                    "location_id": cls.suppliers.id, "location_dest_id": cls.stock.id})],
            })
            picking.action_confirm()
            picking.move_ids.quantity = 1
            picking.move_ids.picked = True
            picking._action_done()
            picking.date_done = datetime.fromisoformat(done % year)
        cls.evaluation = cls.env["itss.spare.supplier.evaluation"].with_user(cls.keeper).create({
            "partner_id": cls.vendor.id, "year": cls.year,
            "quality_score": 90, "price_score": 70, "service_score": 80,
        })

    def test_delivery_figures_from_receipts(self):
        """The delivery figures come from the supplier's receipts of the year; the score follows the on-time rate."""
        self.evaluation.action_prefill_delivery()
        self.assertEqual((self.evaluation.receipt_count, self.evaluation.on_time_count), (3, 2))
        self.assertAlmostEqual(self.evaluation.on_time_rate, 66.7)
        self.assertAlmostEqual(self.evaluation.average_delay_days, 2.0)
        self.assertEqual(self.evaluation.delivery_score, 67)
        # 90×0.4 + 67×0.3 + 70×0.15 + 80×0.15
        self.assertAlmostEqual(self.evaluation.total_score, 78.6)

    def test_conclusion_required_and_manager_approves(self):
        """Submitting needs a conclusion; only the O&M manager approves; the approved evaluation is frozen."""
        with self.assertRefused(ValidationError, "needs a conclusion"):
            self.evaluation.action_submit()
        self.evaluation.conclusion = "watch"
        self.evaluation.action_submit()
        with self.assertRaises(AccessError):
            self.evaluation.action_approve()
        self.evaluation.with_user(self.manager).action_approve()
        self.assertEqual(self.evaluation.state, "approved")
        with self.assertRefused(AccessError, "is approved"):
            self.evaluation.with_user(self.manager).price_score = 10
        with self.assertRefused(AccessError, "set by its actions"):
            self.evaluation.with_user(self.manager).write({"receipt_count": 99})

    def test_scores_range(self):
        """Scores outside 0–100 are refused."""
        with self.assertRefused(ValidationError, "between 0 and 100"):
            self.evaluation.quality_score = 120

    def test_roles(self):
        """QA and executives read evaluations, engineers do not; one evaluation per supplier and year."""
        self.evaluation.with_user(self.qa).read(["total_score"])
        self.evaluation.with_user(self.executive).read(["total_score"])
        with self.assertRaises(AccessError):
            self.evaluation.with_user(self.engineer).read(["price_score"])
        with self.assertRaises(AccessError):
            self.evaluation.with_user(self.qa).write({"price_score": 1})
