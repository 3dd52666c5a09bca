# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo of the library's health, built on the libraries, stock and requests of spare_demo.py: receipts of
the year from the two vendors, two spot checks (one finds a faulty disk, moved to quarantine), next year's
purchase plan proposed from the consumption and approved, and the yearly supplier evaluations.

Built by code (called from demo/itss_spares_health_demo.xml) because the checks and the plan run the real
actions. The checks, the plan and the evaluations get XML ids afterwards, so that uninstalling the module
deletes them before the demo keeper and vendors they point to.
"""

from dateutil.relativedelta import relativedelta

from odoo import Command

# (vendor, product, quantity, months ago, days late)
RECEIPTS = [
    ("partner_vendor_storage", "product_spare_sfp", 10, 10, 0),
    ("partner_vendor_storage", "product_spare_sfp", 6, 7, 2),
    ("partner_vendor_storage", "product_spare_sfp", 8, 4, 0),
    ("partner_vendor_storage", "product_spare_sfp", 4, 2, 0),
    ("partner_vendor_server", "product_spare_sfp", 5, 9, 5),
    ("partner_vendor_server", "product_spare_sfp", 5, 3, 1),
]


def _ref(env, xmlid):
    return env.ref(f"itss_spares.{xmlid}")


def _at(company, day, hour=10):
    """Naive UTC datetime of ``hour`` o'clock on ``day`` in the company's time zone."""
    start, _end = company._itss_utc_bounds(day, day)
    return start + relativedelta(hours=hour)


def _receipts(env, company, today):
    for vendor, product_xmlid, quantity, months_ago, late in RECEIPTS:
        warehouse = _ref(env, "warehouse_spare_central")
        product = _ref(env, product_xmlid).product_variant_id
        due = _at(company, today.replace(day=12) - relativedelta(months=months_ago))
        picking = env["stock.picking"].create({
            "picking_type_id": warehouse.in_type_id.id, "partner_id": _ref(env, vendor).id,
            "location_id": env.ref("stock.stock_location_suppliers").id, "location_dest_id": warehouse.lot_stock_id.id,
            "move_ids": [Command.create({
                "product_id": product.id, "product_uom_qty": quantity, "product_uom": product.uom_id.id,
                "location_id": env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": warehouse.lot_stock_id.id})],
        })
        picking.action_confirm()
        picking.move_ids.quantity = quantity
        picking.move_ids.picked = True
        picking._action_done()
        done = due + relativedelta(days=late)
        picking.write({"scheduled_date": due, "date_done": done})
        picking.move_ids.write({"date": done})
        picking.move_ids.move_line_ids.write({"date": done})


def _spot_checks(env, company, today):
    keeper = _ref(env, "user_itss_keeper")
    Check = env["itss.spare.check"].with_user(keeper).with_context(tracking_disable=True)
    central = _ref(env, "warehouse_spare_central")
    pool = _ref(env, "warehouse_spare_hospital_pool")
    checks = Check.browse()
    for warehouse, months_ago, faulty_serials in ((central, 2, 0), (pool, 1, 1)):
        check = Check.create({"warehouse_id": warehouse.id,
                              "date": today.replace(day=20) - relativedelta(months=months_ago)})
        env["itss.spare.check.sample"].with_user(keeper).create(
            {"check_id": check.id, "size": 6, "mode": "critical"}).action_apply()
        for line in check.line_ids:
            faulty = bool(faulty_serials and line.lot_id and line.criticality == "a")
            faulty_serials -= faulty
            line.write({"result": "faulty" if faulty else "good",
                        "note": "加电自检报错，SMART 告警" if faulty else "外观完好，加电自检通过"})
        check.action_done()
        if check.picking_id:
            when = _at(company, check.date, 15)
            check.picking_id.write({"date_done": when, "scheduled_date": when})
            check.picking_id.move_ids.write({"date": when})
            check.picking_id.move_ids.move_line_ids.write({"date": when})
        checks |= check
    return checks


def _purchase_plan(env, company, today):
    keeper = _ref(env, "user_itss_keeper")
    manager = env.ref("itss_capability.user_itss_manager")
    plan = env["itss.spare.purchase.plan"].with_user(keeper).with_context(tracking_disable=True).create({
        "name": f"{today.year + 1} 年度备件采购计划", "year": today.year + 1,
        "note": "<p>依据近 12 个月的备件消耗、关键等级与采购周期编制；A 类关键备件各库至少保留 1 件。</p>",
    })
    plan.action_propose()
    plan.action_submit()
    plan.with_user(manager).action_approve()
    plan.action_update_orderpoints()
    return plan


def _supplier_evaluations(env, today):
    keeper = _ref(env, "user_itss_keeper")
    manager = env.ref("itss_capability.user_itss_manager")
    Evaluation = env["itss.spare.supplier.evaluation"].with_user(keeper).with_context(tracking_disable=True)
    storage = Evaluation.create({
        "partner_id": _ref(env, "partner_vendor_storage").id, "year": today.year, "quality_score": 92,
        "price_score": 78, "service_score": 90, "conclusion": "keep",
        "comment": "<p>硬盘到货故障率低，4 小时保障协议执行良好；一次 SFP 到货延迟 2 天。</p>",
    })
    server = Evaluation.create({
        "partner_id": _ref(env, "partner_vendor_server").id, "year": today.year, "quality_score": 75,
        "price_score": 85, "service_score": 70, "conclusion": "watch",
        "comment": "<p>两次到货均延迟，电源返修周期偏长，列入观察。</p>",
    })
    (storage | server).action_prefill_delivery()
    storage.action_submit()
    storage.with_user(manager).action_approve()
    return storage | server


def load_health_demo(env):
    company = env.company
    today = company._itss_today()
    _receipts(env, company, today)
    checks = _spot_checks(env, company, today)
    plan = _purchase_plan(env, company, today)
    evaluations = _supplier_evaluations(env, today)
    env["ir.model.data"]._update_xmlids([
        {"xml_id": f"itss_spares.{name}", "record": record, "noupdate": True}
        for name, record in (
            ("demo_spare_check_central", checks[0]), ("demo_spare_check_pool", checks[1]),
            ("demo_spare_purchase_plan", plan), ("demo_supplier_evaluation_storage", evaluations[0]),
            ("demo_supplier_evaluation_server", evaluations[1]),
        )
    ])
    _kpi_history(env, today)


def _kpi_history(env, today):
    """The spare KPIs of the last twelve months (and last year for the yearly ones)."""
    Kpi = env["itss.kpi"]
    for kpi in Kpi.search([("provider", "like", "spare_")]):
        day = today
        for _period in range(12 if kpi.period == "month" else 4 if kpi.period == "quarter" else 1):
            date_from, date_to = Kpi._last_closed_period(kpi.period, day)
            kpi._compute_provider_values(date_from, date_to)
            day = date_from
