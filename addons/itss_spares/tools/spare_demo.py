# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data that must go through the real flow: stock by inventory adjustments, a year of requests.

Built by code (called from demo/itss_spares_demo.xml) because each request runs Odoo transfers;
the records carry no XML ids, so uninstalling the module leaves plain Inventory history behind.
"""

from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

# (product xml id, serial prefix, {warehouse xml id: own quantity})
STOCK = [
    ("product_spare_sas_disk", "HDD", {"warehouse_spare_central": 6, "warehouse_spare_regional": 2,
                                       "warehouse_spare_hospital_pool": 3}),
    ("product_spare_psu", "PSU", {"warehouse_spare_central": 4, "warehouse_spare_regional": 2,
                                  "warehouse_spare_hospital_pool": 1}),
    ("product_spare_memory", "MEM", {"warehouse_spare_central": 8, "warehouse_spare_regional": 2}),
    ("product_spare_controller", "CTL", {"warehouse_spare_central": 2}),
    ("product_spare_sfp", None, {"warehouse_spare_central": 20, "warehouse_spare_regional": 8,
                                 "warehouse_spare_hospital_pool": 6}),
]
CONSIGNMENT = ("product_spare_sas_disk", "HC-CS", "warehouse_spare_central", 4)

# (months ago, day, product, library, CI, outcome, extra) — outcome drives how far the request goes.
REQUESTS = [
    (11, 6, "product_spare_sas_disk", "warehouse_spare_hospital_pool", "ci_hospital_storage", "repair", {}),
    (10, 14, "product_spare_psu", "warehouse_spare_hospital_pool", "ci_hospital_db_server", "scrap", {}),
    (9, 3, "product_spare_sfp", "warehouse_spare_hospital_pool", "ci_hospital_core_switch", "close", {"qty": 2}),
    (8, 19, "product_spare_memory", "warehouse_spare_regional", "ci_bank_core_db", "repair", {"late": True}),
    (7, 8, "product_spare_sas_disk", "warehouse_spare_central", "ci_hospital_storage", "scrap",
     {"owner": True}),
    (6, 22, "product_spare_psu", "warehouse_spare_regional", "ci_bank_core_db", "repair", {}),
    (5, 11, "product_spare_controller", "warehouse_spare_central", "ci_hospital_storage", "repair", {}),
    (4, 2, "product_spare_sas_disk", "warehouse_spare_central", "ci_hospital_storage", "scrap", {}),
    (3, 16, "product_spare_sfp", "warehouse_spare_regional", "ci_hospital_core_switch", "close",
     {"qty": 1, "late": True}),
    (2, 9, "product_spare_sas_disk", "warehouse_spare_hospital_pool", "ci_hospital_db_server", "repair", {}),
    (1, 5, "product_spare_psu", "warehouse_spare_central", "ci_hospital_db_server", "returned", {}),
    (0, 0, "product_spare_controller", "warehouse_spare_central", "ci_hospital_storage", "to_approve", {}),
    (0, 0, "product_spare_psu", "warehouse_spare_regional", "ci_bank_core_db", "approved", {}),
    (0, 0, "product_spare_sfp", "warehouse_spare_hospital_pool", "ci_hospital_core_switch", "issued", {"qty": 2}),
]


def _ref(env, xmlid):
    module = "itss_spares" if "." not in xmlid else ""
    return env.ref(f"{module}.{xmlid}" if module else xmlid)


def _backdate(pickings, when):
    for picking in pickings.filtered(lambda p: p.state == "done"):
        picking.write({"date_done": when, "scheduled_date": when})
        picking.move_ids.write({"date": when})
        picking.move_ids.move_line_ids.write({"date": when})


def _inventory(env, product, location, lot=None, quantity=1, owner=None):
    quant = env["stock.quant"].with_context(inventory_mode=True).create({
        "product_id": product.id, "location_id": location.id, "lot_id": lot.id if lot else False,
        "owner_id": owner.id if owner else False, "inventory_quantity": quantity,
    })
    quant.action_apply_inventory()


def _load_stock(env, opening):
    Lot = env["stock.lot"]
    moves_before = env["stock.move"].search([]).ids
    for product_xmlid, prefix, stock in STOCK:
        product = _ref(env, product_xmlid).product_variant_id
        for warehouse_xmlid, quantity in stock.items():
            warehouse = _ref(env, warehouse_xmlid)
            if not prefix:
                _inventory(env, product, warehouse.lot_stock_id, quantity=quantity)
                continue
            for number in range(1, quantity + 1):
                lot = Lot.create({"name": f"{prefix}-{warehouse.code}-{number:03d}", "product_id": product.id})
                _inventory(env, product, warehouse.lot_stock_id, lot=lot)
    product_xmlid, prefix, warehouse_xmlid, quantity = CONSIGNMENT
    product = _ref(env, product_xmlid).product_variant_id
    warehouse = _ref(env, warehouse_xmlid)
    vendor = _ref(env, "partner_vendor_storage")
    for number in range(1, quantity + 1):
        lot = Lot.create({"name": f"{prefix}-{number:03d}", "product_id": product.id})
        _inventory(env, product, warehouse.lot_stock_id, lot=lot, owner=vendor)
    moves = env["stock.move"].search([("id", "not in", moves_before)])
    moves.write({"date": opening})
    moves.move_line_ids.write({"date": opening})


def load_spare_demo(env):
    """Opening stock 13 months ago, consignment stock, then a year of requests through the real flow."""
    if env["itss.spare.request"].search_count([], limit=1):
        return
    # Reinstalled after an uninstall: Inventory kept the demo serials and their history.
    if env["stock.lot"].search_count([("name", "=like", "HDD-BJZX-%")], limit=1):
        return
    now = datetime.now().replace(microsecond=0)
    _load_stock(env, now - relativedelta(months=13))
    engineer = env.ref("itss_capability.user_itss_engineer")
    manager = env.ref("itss_capability.user_itss_manager")
    keeper = _ref(env, "user_itss_keeper")
    vendor = _ref(env, "partner_vendor_storage")
    hospital = env.ref("itss_capability.service_project_hospital")
    hospital_tickets = env["helpdesk.ticket"].search(
        [("service_project_id", "=", hospital.id), ("itss_reported_at", "!=", False)], order="itss_reported_at")
    Request = env["itss.spare.request"]
    for index, (months, day, product_xmlid, warehouse_xmlid, ci_xmlid, outcome, extra) in enumerate(REQUESTS):
        if months:
            base = datetime.combine((now - relativedelta(months=months)).replace(day=day).date(), time(2, 30))
        else:
            base = now - timedelta(hours=6 - index % 3)
        equipment = env.ref(f"itss_service_desk.{ci_xmlid}")
        ticket = env["helpdesk.ticket"]
        if equipment.project_id == hospital and months <= 3:
            ticket = hospital_tickets.filtered(lambda t, b=base: t.itss_reported_at <= b)[-1:]
        # sudo to backdate the request (a protected field); the engineer stays its author.
        request = Request.with_user(engineer).sudo().create({
            "request_date": base,
            "ticket_id": ticket.id,
            "equipment_id": equipment.id,
            "product_id": _ref(env, product_xmlid).product_variant_id.id,
            "quantity": extra.get("qty", 1),
            "warehouse_id": _ref(env, warehouse_xmlid).id,
            "owner_id": vendor.id if extra.get("owner") else False,
            "urgent": extra.get("urgent", False),
            "target_date": base + timedelta(hours=8),
            "note": "演示申领" if not ticket else False,
        })
        request.with_user(engineer).action_submit()
        if request.state == "to_approve" and outcome != "to_approve":
            request.with_user(manager).action_approve()
        dates = {}
        if request.state == "approved" and outcome not in ("to_approve", "approved"):
            request.with_user(keeper).action_issue()
            issued = base + timedelta(hours=10 if extra.get("late") else 2)
            dates["issue_date"] = issued
            _backdate(request.issue_picking_id, issued)
        if outcome in ("repair", "scrap", "close", "returned"):
            lot = request.lot_ids[:1]
            removed = False if outcome == "close" else f"OLD-{request.product_id.default_code}-{index:02d}"
            request.with_user(engineer)._itss_install(lot, removed, env["itss.onsite.visit"])
            dates["install_date"] = dates["issue_date"] + timedelta(hours=2)
        if outcome == "close":
            request.with_user(engineer).action_close()
            dates["close_date"] = dates["install_date"] + timedelta(hours=1)
        if outcome in ("repair", "scrap", "returned"):
            request.with_user(keeper).action_receive_faulty()
            dates["return_date"] = dates["install_date"] + timedelta(days=1)
            _backdate(request.return_picking_id, dates["return_date"])
        if outcome == "repair":
            request.with_user(keeper).action_send_to_repair()
            request.with_user(keeper).action_receive_repaired()
            dates["close_date"] = dates["return_date"] + timedelta(days=12)
            _backdate(request.repair_out_picking_id, dates["return_date"] + timedelta(days=1))
            _backdate(request.repair_in_picking_id, dates["close_date"])
        if outcome == "scrap":
            request.with_user(keeper)._itss_scrap("返修评估：主控芯片烧毁，无维修价值，按制度报废。")
            dates["close_date"] = dates["return_date"] + timedelta(days=3)
            request.scrap_id.sudo().write({"date_done": dates["close_date"]})
            request.scrap_id.move_ids.write({"date": dates["close_date"]})
            request.scrap_id.move_ids.move_line_ids.write({"date": dates["close_date"]})
        request.sudo().write(dates)
    _load_visit_story(env, engineer, keeper)


def _load_visit_story(env, engineer, keeper):
    """The demo story's visit (HIS database down): the failed disk replaced from the hospital pool."""
    visit = env.ref("itss_service_desk.onsite_visit_his_db_down", raise_if_not_found=False)
    if not visit or visit.state not in ("planned", "arrived"):
        return
    request = env["itss.spare.request"].with_user(engineer).create({
        "ticket_id": visit.ticket_id.id,
        "visit_id": visit.id,
        "equipment_id": env.ref("itss_service_desk.ci_hospital_db_server").id,
        "product_id": _ref(env, "product_spare_sas_disk").product_variant_id.id,
        "quantity": 1,
        "warehouse_id": _ref(env, "warehouse_spare_hospital_pool").id,
        "urgent": True,
        "target_date": datetime.now() + timedelta(hours=4),
    })
    request.with_user(engineer).action_submit()
    request.with_user(keeper).action_issue()
    request.with_user(engineer)._itss_install(request.lot_ids[:1], "WCK5H3Q1", visit)
