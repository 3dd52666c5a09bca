# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.itss_capability.tests.common import ItssBaseCase


class SparesHealthCase(ItssBaseCase):
    """A central spare library in Shanghai time with an A (serial) and a B spare, a keeper, the four
    ITSS roles, and a helper that writes done stock moves at a chosen time (the move history)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.role_users("sph", "manager", "engineer", "qa", "executive")
        cls.keeper = new_test_user(
            cls.env, "sph_keeper", groups="itss_spares.group_itss_spare_keeper,itss_capability.group_itss_user")
        cls.warehouse = cls.env["stock.warehouse"].create({
            "name": "Test central library", "code": "TCL", "itss_library_type": "central",
            "itss_keeper_id": cls.keeper.id,
        })
        cls.stock = cls.warehouse.lot_stock_id
        cls.quarantine = cls.warehouse.itss_quarantine_location_id
        cls.suppliers = cls.env.ref("stock.stock_location_suppliers")
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.vendor = cls.env["res.partner"].create({"name": "Test spare vendor", "is_company": True})
        cls.disk = cls.env["product.product"].create({
            "name": "Test 1.2TB SAS disk", "is_storable": True, "tracking": "serial",
            "itss_is_spare": True, "itss_criticality": "a", "itss_lead_time_days": 10, "standard_price": 1000.0,
        })
        cls.psu = cls.env["product.product"].create({
            "name": "Test 750W power supply", "is_storable": True, "itss_is_spare": True,
            "itss_criticality": "b", "itss_lead_time_days": 30, "standard_price": 200.0,
            "seller_ids": [Command.create({"partner_id": cls.vendor.id, "price": 180.0})],
        })

    @classmethod
    def lot(cls, product, name):
        return cls.env["stock.lot"].create({"name": name, "product_id": product.id})

    @classmethod
    def move(cls, product, source, dest, qty=1.0, when=None, lot=None, owner=None):
        """A done move of ``qty`` ``product`` from ``source`` to ``dest``, dated ``when`` (naive UTC)."""
        move = cls.env["stock.move"].create({
            "product_id": product.id, "product_uom": product.uom_id.id, "product_uom_qty": qty,
            "location_id": source.id, "location_dest_id": dest.id, "restrict_partner_id": owner.id if owner else False,
        })
        move._action_confirm()
        move.move_line_ids.unlink()
        move.move_line_ids = [Command.create({
            "product_id": product.id, "product_uom_id": product.uom_id.id, "quantity": qty,
            "location_id": source.id, "location_dest_id": dest.id, "lot_id": lot.id if lot else False,
            "owner_id": owner.id if owner else False,
        })]
        move.picked = True
        move._action_done()
        if when:
            when = datetime.fromisoformat(when) if isinstance(when, str) else when
            move.date = when
            move.move_line_ids.date = when
        return move

    @classmethod
    def receive_disks(cls, *names, when=None):
        """Receive one serial of the A disk per name into the library stock; return the lots."""
        lots = cls.env["stock.lot"]
        for name in names:
            lot = cls.lot(cls.disk, name)
            cls.move(cls.disk, cls.suppliers, cls.stock, when=when, lot=lot)
            lots |= lot
        return lots
