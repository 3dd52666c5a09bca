# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged

from .common import SparesCase


@tagged("post_install", "-at_install")
class TestVirtualLibrary(SparesCase):
    """Consignment stock and backup agreements: visible, issuable, never valued as ours."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.consigned = cls.add_serials(cls.disk, cls.library.lot_stock_id, ["CSN-1", "CSN-2"], owner=cls.vendor)
        cls.agreement = cls.env["itss.spare.backup.agreement"].create({
            "name": "Test 4-hour disks", "partner_id": cls.vendor.id, "delivery_hours": 4,
            "category_ids": [(6, 0, cls.category.ids)], "project_ids": [(6, 0, cls.project.ids)],
            "date_from": "2020-01-01", "date_to": "2099-12-31"})

    def rows(self, user):
        return self.env["itss.spare.availability"].with_user(user).search([("product_id", "=", self.disk.id)])

    def test_one_view_of_both_libraries(self):
        """Own stock, consignment, the agreement and purchase show in one availability view."""
        rows = self.rows(self.engineer)
        consignment = rows.filtered(lambda r: r.source == "consignment")
        self.assertEqual(consignment.partner_id, self.vendor)
        self.assertEqual(consignment.qty_on_hand, 2)
        self.assertEqual(consignment.location_id, self.library.lot_stock_id)
        agreement = rows.filtered(lambda r: r.source == "agreement")
        self.assertEqual(agreement.delivery_hours, 4)
        self.assertEqual(agreement.agreement_id, self.agreement)
        self.assertEqual(sum(rows.filtered(lambda r: r.source == "own").mapped("qty_on_hand")), 4)

    def test_consignment_never_valued(self):
        """Consignment rows are worth nothing to us; own stock is valued at cost."""
        rows = self.rows(self.keeper)
        self.assertEqual(sum(rows.filtered(lambda r: r.source == "consignment").mapped("value")), 0.0)
        own = rows.filtered(lambda r: r.source == "own" and r.warehouse_id == self.library)
        self.assertEqual(own.value, 3 * 1800.0)
        request = self.make_request(owner_id=self.vendor.id)
        request.with_user(self.engineer).action_submit()
        self.assertEqual(request.amount, 0.0)

    def test_consignment_issuable(self):
        """A consignment serial is issued from the vendor's stock and keeps its owner."""
        request = self.make_request(owner_id=self.vendor.id)
        request.with_user(self.engineer).action_submit()
        request.with_user(self.keeper).action_issue()
        self.assertIn(request.lot_ids, self.consigned)
        self.assertEqual(request.issue_picking_id.move_line_ids.owner_id, self.vendor)

    def test_faulty_stock_not_available(self):
        """Parts in the faulty location are not offered as available spares."""
        faulty = self.library.itss_faulty_location_id
        self.add_serials(self.disk, faulty, ["BAD-1"])
        rows = self.rows(self.engineer)
        self.assertNotIn(faulty, rows.location_id)

    def test_agreement_for_other_project_hidden(self):
        """Find spares of another project's ticket does not offer this project's agreement."""
        other = self.make_project("Other O&M", "Other Customer")
        ticket = self.make_ticket(service_project_id=other.id, partner_id=other.partner_id.id,
                                  equipment_ids=[(6, 0, self.equipment.ids)])
        action = ticket.action_itss_find_spares()
        rows = self.env["itss.spare.availability"].search(action["domain"])
        self.assertNotIn("agreement", rows.mapped("source"))
