# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .health_common import SparesHealthCase


@tagged("post_install", "-at_install")
class TestSpareCheck(SparesHealthCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lots = cls.receive_disks("SN-C1", "SN-C2", "SN-C3")
        cls.move(cls.psu, cls.suppliers, cls.stock, qty=4)

    def new_check(self, user=None):
        return self.env["itss.spare.check"].with_user(user or self.keeper).create({"warehouse_id": self.warehouse.id})

    def test_sample_proposes_critical_spares_first(self):
        """The sample wizard adds N spares of the library, the A-critical serials first, one per serial."""
        check = self.new_check()
        action = check.action_propose_sample()
        wizard = Form(self.env[action["res_model"]].with_user(self.keeper).with_context(**action["context"]))
        wizard.size = 3
        wizard.mode = "critical"
        wizard.save().action_apply()
        self.assertEqual(len(check.line_ids), 3)
        self.assertEqual(check.line_ids.product_id, self.disk)
        self.assertEqual(check.line_ids.lot_id, self.lots)

    def test_faulty_spare_goes_to_quarantine(self):
        """Closing a check moves the faulty serial to the quarantine location by a done transfer and freezes it."""
        check = self.new_check()
        check.line_ids = [
            Command.create({"product_id": self.disk.id, "location_id": self.stock.id, "lot_id": self.lots[0].id,
                            "result": "faulty", "note": "SMART errors"}),
            Command.create({"product_id": self.disk.id, "location_id": self.stock.id, "lot_id": self.lots[1].id,
                            "result": "good"}),
            Command.create({"product_id": self.psu.id, "location_id": self.stock.id, "quantity": 2, "result": "good"}),
        ]
        check.action_done()
        self.assertEqual(check.state, "done")
        self.assertEqual((check.checked_count, check.good_count, check.faulty_count), (4, 3, 1))
        self.assertEqual(check.picking_id.state, "done")
        quant = self.env["stock.quant"].search([("lot_id", "=", self.lots[0].id), ("quantity", ">", 0)])
        self.assertEqual(quant.location_id, self.quarantine)
        with self.assertRefused(AccessError, "closed"):
            check.line_ids[1].with_user(self.keeper).result = "faulty"
        with self.assertRefused(AccessError, "closed"):
            check.with_user(self.keeper).unlink()

    def test_check_without_lines_refused(self):
        """A spot check with no lines cannot be closed: a clear message and the check stays a draft."""
        check = self.new_check()
        with self.assertRefused(ValidationError, "has no lines"):
            check.action_done()
        self.assertEqual(check.state, "draft")

    def test_line_without_result_refused(self):
        """Every checked spare needs good or faulty before the check closes."""
        check = self.new_check()
        check.line_ids = [Command.create({"product_id": self.psu.id, "location_id": self.stock.id})]
        with self.assertRefused(ValidationError, "record good or faulty"):
            check.action_done()

    def test_faulty_serial_not_in_location_refused(self):
        """A faulty serial that is not in the line's location is refused and nothing moves."""
        self.move(self.disk, self.stock, self.customers, lot=self.lots[2])
        check = self.new_check()
        check.line_ids = [Command.create({"product_id": self.disk.id, "location_id": self.stock.id,
                                          "lot_id": self.lots[2].id, "result": "faulty"})]
        with self.assertRefused(ValidationError, "only 0 available"):
            check.action_done()
        self.assertEqual(check.state, "draft")
        self.assertFalse(check.picking_id)

    def test_location_outside_library_refused(self):
        """A line must check a location of the library under check."""
        other = self.env["stock.warehouse"].create(
            {"name": "Other library", "code": "TOL", "itss_library_type": "regional"})
        check = self.new_check()
        with self.assertRefused(ValidationError, "is not a location of the library"):
            check.line_ids = [Command.create({"product_id": self.psu.id, "location_id": other.lot_stock_id.id})]

    def test_state_written_directly_refused(self):
        """The state and the figures are set by the actions only (keeper included)."""
        check = self.new_check()
        with self.assertRefused(AccessError, "set by its actions"):
            check.with_user(self.keeper).write({"state": "done"})

    def test_only_keepers_close_checks(self):
        """Engineers read spot checks but neither create nor close them."""
        check = self.new_check()
        check.line_ids = [Command.create({"product_id": self.psu.id, "location_id": self.stock.id, "result": "good"})]
        check.with_user(self.engineer).read(["name"])
        with self.assertRaises(AccessError):
            check.with_user(self.engineer).action_done()
        with self.assertRaises(AccessError):
            self.new_check(self.engineer)
        with self.assertRaises(AccessError):
            check.with_user(self.manager).action_done()

    def test_cancel_only_draft(self):
        """A closed check cannot be cancelled."""
        check = self.new_check()
        check.line_ids = [Command.create({"product_id": self.psu.id, "location_id": self.stock.id, "result": "good"})]
        check.action_done()
        with self.assertRefused(UserError, "Only a draft"):
            check.with_user(self.keeper).action_cancel()
