# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import SparesCase


@tagged("post_install", "-at_install")
class TestSpareFlow(SparesCase):
    """Request → reservation → issue → installation → faulty return → repair or scrap."""

    def issue_and_install(self, removed="OLD-SN-77"):
        request = self.make_request()
        request.with_user(self.engineer).action_submit()
        self.assertEqual(request.state, "approved")
        request.with_user(self.keeper).action_issue()
        self.assertEqual(request.state, "issued")
        wizard = Form(self.env["itss.spare.install.wizard"].with_user(self.engineer).with_context(
            default_request_id=request.id))
        wizard.removed_serial = removed
        wizard.save().action_confirm()
        return request

    def test_full_flow_repair(self):
        """The engineer requests and installs, the keeper issues, takes back, repairs; stock follows."""
        visit = self.env["itss.onsite.visit"].create({
            "ticket_id": self.make_ticket(equipment_ids=[(6, 0, self.equipment.ids)]).id,
            "user_id": self.engineer.id})
        request = self.make_request(ticket=visit.ticket_id, visit_id=visit.id)
        request.with_user(self.engineer).action_submit()
        self.assertEqual(request.issue_picking_id.state, "assigned")
        self.assertEqual(request.issue_picking_id.picking_type_id, self.library.out_type_id)
        request.with_user(self.keeper).action_issue()
        self.assertEqual(request.issue_picking_id.state, "done")
        self.assertEqual(len(request.lot_ids), 1)
        self.assertTrue(request.issue_date)
        issued = request.lot_ids
        wizard = Form(self.env["itss.spare.install.wizard"].with_user(self.engineer).with_context(
            default_request_id=request.id))
        self.assertEqual(wizard.visit_id, visit)
        wizard.removed_serial = "OLD-SN-1"
        wizard.save().action_confirm()
        self.assertEqual(request.state, "installed")
        self.assertEqual(request.lot_id, issued)
        self.assertEqual(visit.part_ids.lot_id, issued)
        self.assertEqual(visit.part_ids.removed_lot_id.name, "OLD-SN-1")
        self.assertEqual(visit.part_ids.serial_installed, issued.name)
        self.assertIn(visit.part_ids, self.equipment.itss_spare_part_ids)
        self.assertIn("OLD-SN-1", self.equipment.message_ids[0].body)
        request.with_user(self.keeper).action_receive_faulty()
        self.assertEqual(request.state, "returned")
        faulty = self.library.itss_faulty_location_id
        removed = request.removed_lot_id
        self.assertEqual(removed.quant_ids.filtered(lambda q: q.quantity > 0).location_id, faulty)
        request.with_user(self.keeper).action_send_to_repair()
        self.assertEqual(request.repair_partner_id, self.vendor)
        request.with_user(self.keeper).action_receive_repaired()
        self.assertEqual(request.state, "closed")
        self.assertEqual(request.disposal, "repair")
        self.assertEqual(removed.quant_ids.filtered(lambda q: q.quantity > 0).location_id, self.library.lot_stock_id)

    def test_full_flow_scrap(self):
        """The faulty part comes back and the keeper scraps it with a reason (Odoo scrap order)."""
        request = self.issue_and_install()
        request.with_user(self.keeper).action_receive_faulty()
        wizard = self.env["itss.spare.scrap.wizard"].with_user(self.keeper).create({
            "request_id": request.id, "reason": "Burnt controller, beyond repair"})
        wizard.action_confirm()
        self.assertEqual(request.state, "closed")
        self.assertEqual(request.disposal, "scrap")
        self.assertEqual(request.scrap_id.state, "done")
        self.assertEqual(request.scrap_id.lot_id, request.removed_lot_id)

    def test_engineer_never_validates_transfers(self):
        """An engineer cannot issue, validate the issue transfer, nor write stock."""
        request = self.make_request()
        request.with_user(self.engineer).action_submit()
        with self.assertRaises(AccessError):
            request.with_user(self.engineer).action_issue()
        with self.assertRaises(AccessError):
            request.issue_picking_id.with_user(self.engineer).button_validate()
        with self.assertRaises(AccessError):
            self.env["stock.quant"].with_user(self.engineer).create({
                "product_id": self.disk.id, "location_id": self.library.lot_stock_id.id, "quantity": 5})
        with self.assertRaises(AccessError):
            request.issue_picking_id.move_line_ids.with_user(self.engineer).write({"lot_id": self.far_serial.id})
        self.assertEqual(request.state, "approved")

    def test_threshold_approval_and_urgent(self):
        """Over the threshold the manager approves; an urgent P1 request skips the queue but stays marked."""
        self.company.itss_spare_approval_threshold = 1000.0
        request = self.make_request()
        request.with_user(self.engineer).action_submit()
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.amount, 1800.0)
        with self.assertRaises(AccessError):
            request.with_user(self.engineer).action_approve()
        request.with_user(self.manager).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.approver_id, self.manager)
        p1_ticket = self.make_ticket(itss_priority_override="P1", itss_priority_reason="HIS down",
                                     equipment_ids=[(6, 0, self.equipment.ids)])
        urgent = self.make_request(urgent=True, ticket=p1_ticket)
        urgent.with_user(self.engineer).action_submit()
        self.assertEqual(urgent.state, "approved")
        self.assertTrue(urgent.urgent)
        self.assertFalse(urgent.approver_id)

    def test_guarded_state(self):
        """Nobody writes the state, serials or dates of a request directly."""
        request = self.make_request()
        with self.assertRaises(AccessError):
            request.with_user(self.engineer).write({"state": "issued"})
        with self.assertRaises(AccessError):
            request.with_user(self.keeper).write({"issue_date": "2026-01-01 10:00:00"})

    def test_close_without_removed_part(self):
        """An installation with nothing removed is closed by the engineer; no return transfer."""
        request = self.issue_and_install(removed=False)
        self.assertFalse(request.return_picking_id)
        request.with_user(self.engineer).action_close()
        self.assertEqual(request.state, "closed")

    def test_find_spares_from_ticket(self):
        """Find spares lists the compatible part with its own stock, consignment and purchase rows."""
        ticket = self.make_ticket(equipment_ids=[(6, 0, self.equipment.ids)])
        action = ticket.with_user(self.engineer).action_itss_find_spares()
        rows = self.env["itss.spare.availability"].with_user(self.engineer).search(action["domain"])
        self.assertEqual(rows.product_id, self.disk)
        own = rows.filtered(lambda r: r.source == "own" and r.warehouse_id == self.library)
        self.assertEqual(own.qty_available, 3)
        self.assertIn("purchase", rows.mapped("source"))
        self.assertEqual(rows.filtered(lambda r: r.source == "purchase").delivery_hours, 5 * 24)
        new = rows.filtered(lambda r: r.source == "own" and r.warehouse_id == self.library).with_context(
            **action["context"]).action_request()
        self.assertEqual(new["context"]["default_ticket_id"], ticket.id)
        self.assertEqual(new["context"]["default_product_id"], self.disk.id)
