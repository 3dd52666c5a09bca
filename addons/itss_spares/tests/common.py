# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.itss_service_desk.tests.common import ServiceDeskCase


class SparesCase(ServiceDeskCase):
    """A central library with serial-tracked A spares, a vendor, a keeper and a ticket with a CI."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.keeper = new_test_user(cls.env, "sp_t_keeper", groups="itss_spares.group_itss_spare_keeper")
        cls.vendor = cls.env["res.partner"].create({"name": "Test Storage Vendor", "is_company": True})
        cls.ci_category = cls.env["maintenance.equipment.category"].create({"name": "Test rack server"})
        cls.category = cls.env["itss.spare.category"].create({"name": "Test disks", "code": "TDISK"})
        cls.disk = cls.env["product.product"].create({
            "name": "Test 1.2 TB SAS disk",
            "is_storable": True,
            "tracking": "serial",
            "standard_price": 1800.0,
            "itss_is_spare": True,
            "itss_criticality": "a",
            "itss_spare_category_id": cls.category.id,
            "itss_equipment_category_ids": [(6, 0, cls.ci_category.ids)],
            "itss_lead_time_days": 5,
            "seller_ids": [(0, 0, {"partner_id": cls.vendor.id, "price": 1500.0})],
        })
        cls.library = cls.env["stock.warehouse"].create({
            "name": "Test central spare library", "code": "TSPC", "itss_library_type": "central",
            "itss_keeper_id": cls.keeper.id,
        })
        cls.regional = cls.env["stock.warehouse"].create({
            "name": "Test regional spare library", "code": "TSPR", "itss_library_type": "regional",
        })
        cls.serials = cls.add_serials(cls.disk, cls.library.lot_stock_id, ["TSN-001", "TSN-002", "TSN-003"])
        cls.far_serial = cls.add_serials(cls.disk, cls.regional.lot_stock_id, ["TSN-900"])
        cls.equipment = cls.env["maintenance.equipment"].create({
            "name": "Test HIS DB server", "category_id": cls.ci_category.id, "project_id": cls.project.id,
        })
        cls.equipment.message_subscribe(partner_ids=cls.engineer.partner_id.ids)
        cls.company.itss_spare_approval_threshold = 5000.0

    @classmethod
    def add_serials(cls, product, location, names, owner=None):
        lots = cls.env["stock.lot"].create([
            {"name": name, "product_id": product.id, "company_id": cls.env.company.id} for name in names])
        for lot in lots:
            cls.env["stock.quant"]._update_available_quantity(product, location, 1, lot_id=lot, owner_id=owner)
        return lots

    def make_request(self, user=None, **vals):
        ticket = vals.pop("ticket", None) or self.make_ticket(equipment_ids=[(6, 0, self.equipment.ids)])
        return self.env["itss.spare.request"].with_user(user or self.engineer).create({
            "ticket_id": ticket.id,
            "equipment_id": self.equipment.id,
            "product_id": self.disk.id,
            "quantity": 1,
            "warehouse_id": self.library.id,
            "target_date": fields.Datetime.now() + timedelta(hours=8),
            **vals,
        })
