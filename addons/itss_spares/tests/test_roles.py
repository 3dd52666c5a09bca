# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import SparesCase


@tagged("post_install", "-at_install")
class TestSparesRoles(SparesCase):
    """Keeper all; engineers read and request; manager approves and reads; QA/executive read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qa = new_test_user(cls.env, "sp_t_qa", groups="itss_capability.group_itss_qa")

    def test_engineer_never_sees_purchase_prices(self):
        """Reading the cost or the vendor prices of a spare as an engineer is refused; fields_get hides them."""
        template = self.disk.product_tmpl_id.with_user(self.engineer)
        self.assertEqual(template.read(["itss_criticality"])[0]["itss_criticality"], "a")
        for record, fname in ((template, "standard_price"), (self.disk.with_user(self.engineer), "standard_price"),
                              (template, "seller_ids"), (self.disk.seller_ids.with_user(self.engineer), "price")):
            with self.assertRaises(AccessError):
                record.read([fname])
        self.assertNotIn("standard_price", template.fields_get())
        self.assertIn("standard_price", self.disk.product_tmpl_id.with_user(self.keeper).fields_get())
        self.assertEqual(self.disk.with_user(self.manager).read(["standard_price"])[0]["standard_price"], 1800.0)

    def test_engineer_reads_catalog_not_maintains(self):
        """Engineers read the catalog and libraries but cannot change spares or warehouses."""
        self.assertTrue(self.disk.product_tmpl_id.with_user(self.engineer).itss_spare_category_id)
        with self.assertRaises(AccessError):
            self.disk.product_tmpl_id.with_user(self.engineer).write({"itss_lead_time_days": 1})
        with self.assertRaises(AccessError):
            self.library.with_user(self.engineer).write({"itss_library_type": "regional"})
        with self.assertRaises(AccessError):
            self.category.with_user(self.engineer).write({"name": "x"})

    def test_keeper_maintains_catalog_and_libraries(self):
        """The keeper maintains spares, categories, libraries and agreements."""
        self.disk.product_tmpl_id.with_user(self.keeper).write({"itss_lead_time_days": 7})
        self.library.with_user(self.keeper).write({"itss_keeper_id": self.keeper.id})
        self.env["itss.spare.category"].with_user(self.keeper).create({"name": "Test PSUs"})
        self.env["itss.spare.backup.agreement"].with_user(self.keeper).create({
            "name": "Keeper agreement", "partner_id": self.vendor.id, "delivery_hours": 8,
            "product_tmpl_ids": [(6, 0, self.disk.product_tmpl_id.ids)],
            "date_from": "2026-01-01", "date_to": "2026-12-31"})

    def test_engineer_writes_only_own_requests(self):
        """An engineer cannot change another engineer's request; the manager can."""
        request = self.make_request(user=self.engineer2)
        with self.assertRaises(AccessError):
            request.with_user(self.engineer).write({"note": "mine now"})
        request.with_user(self.manager).write({"note": "checked"})

    def test_qa_and_executive_read_only(self):
        """QA and executives read requests and availability but cannot request or approve."""
        request = self.make_request()
        for user in (self.qa, self.executive):
            self.assertTrue(request.with_user(user).read(["state"]))
            self.env["itss.spare.availability"].with_user(user).search([("product_id", "=", self.disk.id)])
            with self.assertRaises(AccessError):
                self.env["itss.spare.request"].with_user(user).create({
                    "product_id": self.disk.id, "warehouse_id": self.library.id})
            with self.assertRaises(AccessError):
                request.with_user(user).action_submit()

    def test_other_company_sees_nothing(self):
        """A user of another company sees neither requests, agreements nor availability of ours."""
        other_company = self.env["res.company"].create({"name": "Other O&M company"})
        outsider = new_test_user(self.env, "sp_t_outsider", groups="itss_spares.group_itss_spare_keeper",
                                 company_id=other_company.id, company_ids=[(6, 0, other_company.ids)])
        self.make_request()
        self.assertFalse(self.env["itss.spare.request"].with_user(outsider).search([]))
        rows = self.env["itss.spare.availability"].with_user(outsider).search([("product_id", "=", self.disk.id)])
        # The catalog is shared: the other company may buy the part, but sees none of our stock.
        self.assertEqual(set(rows.mapped("source")), {"purchase"})
        self.assertEqual(rows.company_id, other_company)

    def test_visit_parts_not_typed(self):
        """Parts used on site are no longer typed: a visit part with a typed serial is refused."""
        ticket = self.make_ticket()
        visit = self.env["itss.onsite.visit"].create({"ticket_id": ticket.id, "user_id": self.engineer.id})
        with self.assertRaises(AccessError):
            self.env["itss.onsite.visit.part"].with_user(self.engineer).create({
                "visit_id": visit.id, "product_id": self.disk.id, "quantity": 1, "serial_installed": "TYPED-1"})

    def test_keeper_group_on_itss_privilege(self):
        """The keeper group sits on the ITSS privilege and implies Inventory user."""
        keeper_group = self.env.ref("itss_spares.group_itss_spare_keeper")
        self.assertEqual(keeper_group.privilege_id.category_id, self.env.ref("itss_capability.module_category_itss"))
        self.assertTrue(self.keeper.has_group("stock.group_stock_user"))
        self.assertFalse(self.engineer.has_group("stock.group_stock_user"))

    def test_maintenance_user_without_itss_role_opens_equipment(self):
        """A maintenance user without an ITSS role opens and saves the equipment form without spare fields."""
        technician = new_test_user(self.env, "sp_t_maint", groups="base.group_user,maintenance.group_equipment_manager")
        form = Form(self.env["maintenance.equipment"].with_user(technician))
        form.name = "Spare UPS"
        equipment = form.save()
        self.assertNotIn("itss_spare_part_ids", equipment.fields_get())
        self.assertEqual(equipment.name, "Spare UPS")
