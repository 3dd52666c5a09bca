# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SparesCase


@tagged("post_install", "-at_install")
class TestSpareBadInput(SparesCase):
    """Bad input is refused with a clear message and nothing half-written."""

    def test_issue_more_than_available(self):
        """Asking for more parts than the library holds is refused; no transfer is left behind."""
        request = self.make_request(quantity=4)
        pickings = self.env["stock.picking"].search_count([])
        with self.assertRefused(ValidationError, "Only 3.0 × .* are available"):
            request.with_user(self.engineer).action_submit()
        self.assertEqual(request.state, "draft")
        self.assertEqual(self.env["stock.picking"].search_count([]), pickings)

    def test_serial_not_in_issuing_location(self):
        """Issuing a serial that sits in another library is refused; the transfer stays open."""
        request = self.make_request()
        request.with_user(self.engineer).action_submit()
        line = request.issue_picking_id.move_line_ids.with_user(self.keeper)
        line.lot_id = self.far_serial
        with self.assertRefused(ValidationError, "TSN-900 .* is not in"):
            request.with_user(self.keeper).action_issue()
        self.assertEqual(request.state, "approved")
        self.assertNotEqual(request.issue_picking_id.state, "done")

    def test_return_serial_never_issued(self):
        """A return transfer carrying a serial never issued to nor removed on the ticket is refused."""
        request = self.make_request()
        request.with_user(self.engineer).action_submit()
        request.with_user(self.keeper).action_issue()
        request.with_user(self.engineer)._itss_install(request.lot_ids, "OLD-SN-5", self.env["itss.onsite.visit"])
        stranger = self.env["stock.lot"].create({"name": "STRANGER-1", "product_id": self.disk.id})
        request.return_picking_id.move_line_ids.with_user(self.keeper).lot_id = stranger
        with self.assertRefused(ValidationError, "STRANGER-1 was never issued"):
            request.with_user(self.keeper).action_receive_faulty()
        self.assertEqual(request.state, "installed")

    def test_scrap_without_reason(self):
        """Scrapping a faulty part without a reason is refused; nothing is scrapped."""
        request = self.make_request()
        request.with_user(self.engineer).action_submit()
        request.with_user(self.keeper).action_issue()
        request.with_user(self.engineer)._itss_install(request.lot_ids, "OLD-SN-6", self.env["itss.onsite.visit"])
        request.with_user(self.keeper).action_receive_faulty()
        wizard = self.env["itss.spare.scrap.wizard"].with_user(self.keeper).create({"request_id": request.id})
        with self.assertRefused(ValidationError, "Give the reason"):
            wizard.action_confirm()
        self.assertEqual(request.state, "returned")
        self.assertFalse(self.env["stock.scrap"].search([("lot_id", "=", request.removed_lot_id.id)]))

    def test_plain_scrap_of_spare_needs_reason(self):
        """A scrap order of a spare made in Inventory without a reason is refused too."""
        scrap = self.env["stock.scrap"].with_user(self.keeper).create({
            "product_id": self.disk.id, "lot_id": self.serials[0].id, "scrap_qty": 1,
            "location_id": self.library.lot_stock_id.id})
        with self.assertRefused(ValidationError, "Give the reason"):
            scrap.action_validate()
        self.assertEqual(scrap.state, "draft")

    def test_agreement_ending_before_start(self):
        """A backup agreement that ends before it starts is refused."""
        with self.assertRefused(ValidationError, "cannot end before it starts"):
            self.env["itss.spare.backup.agreement"].with_user(self.keeper).create({
                "name": "Backwards", "partner_id": self.vendor.id, "delivery_hours": 4,
                "category_ids": [(6, 0, self.category.ids)],
                "date_from": "2026-06-01", "date_to": "2026-05-01"})

    def test_install_serial_not_issued(self):
        """Installing a serial that was not issued with the request is refused."""
        request = self.make_request()
        request.with_user(self.engineer).action_submit()
        request.with_user(self.keeper).action_issue()
        other = self.serials - request.lot_ids
        with self.assertRefused(ValidationError, "was not issued with"):
            request.with_user(self.engineer)._itss_install(other[:1], "", self.env["itss.onsite.visit"])
        self.assertEqual(request.state, "issued")

    def test_urgent_needs_p1_ticket(self):
        """Marking a request urgent (skipping approval) without a P1 ticket is refused."""
        with self.assertRefused(ValidationError, "Only a request for a P1 ticket is urgent"):
            self.make_request(urgent=True)

    def test_a_spare_needs_serial_tracking(self):
        """An A-critical spare without serial tracking is refused."""
        with self.assertRefused(ValidationError, "requires serial tracking"):
            self.env["product.template"].create({
                "name": "Untracked A spare", "is_storable": True, "itss_is_spare": True, "itss_criticality": "a"})
