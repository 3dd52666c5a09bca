# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

from ..tools.health_demo import load_health_demo

# Who records spot checks (the library's keepers).
KEEPER_GROUPS = ("itss_spares.group_itss_spare_keeper",)


class ItssSpareCheck(models.Model):
    """A spot check (备件检测) of a sample of one spare library's stock: each spare tested good or faulty.

    Closing the check moves the faulty spares to the library's quarantine location (a real internal
    transfer) and freezes the record; its good / checked figures feed the 备件可用率 KPI.
    """

    _name = "itss.spare.check"
    _description = "Spare Spot Check"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, default=lambda self: self.env._("New"), copy=False, readonly=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    warehouse_id = fields.Many2one(
        "stock.warehouse", string="Spare Library", required=True, check_company=True, tracking=True,
        domain="[('itss_library_type', '!=', False)]")
    project_id = fields.Many2one(
        "itss.service.project", compute="_compute_project_id", store=True, readonly=True, index=True,
        help="The service project of the library (site pools), kept as it was when the check was closed.")
    date = fields.Date(required=True, default=lambda self: self.env.company._itss_today(), tracking=True)
    inspector_id = fields.Many2one("res.users", required=True,
                                   default=lambda self: self.env.user, tracking=True)
    note = fields.Html(string="Notes")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, tracking=True, copy=False)
    done_by_id = fields.Many2one("res.users", string="Closed By", readonly=True, copy=False)
    done_date = fields.Datetime(string="Closed On", readonly=True, copy=False)
    line_ids = fields.One2many("itss.spare.check.line", "check_id", string="Checked Spares", copy=True)
    picking_id = fields.Many2one("stock.picking", string="Quarantine Transfer", readonly=True, copy=False)
    checked_count = fields.Integer(compute="_compute_counts", store=True, readonly=True)
    good_count = fields.Integer(compute="_compute_counts", store=True, readonly=True)
    faulty_count = fields.Integer(compute="_compute_counts", store=True, readonly=True)
    good_rate = fields.Float(string="Good (%)", compute="_compute_counts", store=True, readonly=True,
                             aggregator="avg", digits=(16, 2))

    @api.depends("warehouse_id.itss_project_id", "state")
    def _compute_project_id(self):
        for check in self:
            if check.state == "draft":
                check.project_id = check.warehouse_id.itss_project_id
            else:
                check.project_id = check.project_id

    @api.depends("line_ids.result", "line_ids.quantity")
    def _compute_counts(self):
        for check in self:
            good = sum(check.line_ids.filtered(lambda line: line.result == "good").mapped("quantity"))
            faulty = sum(check.line_ids.filtered(lambda line: line.result == "faulty").mapped("quantity"))
            check.good_count, check.faulty_count = int(good), int(faulty)
            check.checked_count = int(good + faulty)
            check.good_rate = round(100.0 * good / (good + faulty), 2) if good + faulty else 0.0

    @api.model_create_multi
    def create(self, vals_list):
        checks = super().create(vals_list)
        for check in checks.sudo():
            if check.name == self.env._("New") or not check.name:
                check.name = self.env["ir.sequence"].with_company(check.company_id).next_by_code(
                    "itss.spare.check") or self.env._("New")
        return checks

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state in ("done", "cancel") else frozenset()

    def _itss_locked_message(self, field_label):
        return self.env._("Spot check %(check)s is closed: “%(field)s” can no longer be changed.",
                          check=self.display_name, field=field_label)

    def _itss_keeper_action(self):
        return self._itss_action(KEEPER_GROUPS, message=self.env._("Only spare keepers record spot checks."))

    def action_propose_sample(self):
        """Open the sample wizard: N random or critical spares of the library's stock."""
        self.ensure_one()
        self._itss_keeper_action()
        if self.state != "draft":
            raise UserError(self.env._("Spot check %(check)s is closed.", check=self.display_name))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Propose a Sample"),
            "res_model": "itss.spare.check.sample",
            "view_mode": "form",
            "target": "new",
            "context": {"default_check_id": self.id},
        }

    def action_done(self):
        """Close the check: every line needs a result; faulty spares go to the quarantine location."""
        checks = self._itss_keeper_action()
        for check in checks:
            if check.state != "draft":
                raise UserError(self.env._("Spot check %(check)s is already closed.", check=check.display_name))
            if not check.line_ids:
                raise ValidationError(self.env._(
                    "Spot check %(check)s has no lines: add the spares you checked (or propose a sample) "
                    "before closing it.", check=check.display_name))
            missing = check.line_ids.filtered(lambda line: not line.result)
            if missing:
                raise ValidationError(self.env._(
                    "Spot check %(check)s: record good or faulty for %(product)s before closing it.",
                    check=check.display_name, product=missing[0].product_id.display_name))
            faulty = check.line_ids.filtered(lambda line: line.result == "faulty")
            if faulty:
                check.picking_id = check._itss_move_to_quarantine(faulty)
            check.write({"state": "done", "done_by_id": self.env.uid, "done_date": fields.Datetime.now()})
        return True

    def action_cancel(self):
        """Cancel a draft check (nothing was moved)."""
        checks = self._itss_keeper_action()
        if checks.filtered(lambda check: check.state != "draft"):
            raise UserError(self.env._("Only a draft spot check can be cancelled."))
        checks.write({"state": "cancel"})
        return True

    def _itss_move_to_quarantine(self, lines):
        """One validated internal transfer of ``lines`` (faulty spares) to the quarantine location."""
        self.ensure_one()
        warehouse = self.warehouse_id
        quarantine = warehouse.itss_quarantine_location_id
        if not quarantine:
            raise UserError(self.env._(
                "Library %(library)s has no quarantine location: set one on the warehouse first.",
                library=warehouse.display_name))
        Quant = self.env["stock.quant"]
        for line in lines:
            available = Quant._get_available_quantity(
                line.product_id, line.location_id, lot_id=line.lot_id or None, owner_id=line.owner_id or None,
                strict=True)
            if available < line.quantity:
                raise ValidationError(self.env._(
                    "%(product)s %(lot)s: only %(available)s available in %(location)s, %(quantity)s found "
                    "faulty. Correct the line (location, serial, quantity) first.",
                    product=line.product_id.display_name, lot=line.lot_id.name or "", available=available,
                    location=line.location_id.display_name, quantity=line.quantity))
        picking = self.env["stock.picking"].create({
            "picking_type_id": warehouse.int_type_id.id,
            "location_id": warehouse.lot_stock_id.id,
            "location_dest_id": quarantine.id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "move_ids": [Command.create({
                "product_id": line.product_id.id,
                "product_uom_qty": line.quantity,
                "product_uom": line.product_id.uom_id.id,
                "location_id": line.location_id.id,
                "location_dest_id": quarantine.id,
                "restrict_partner_id": line.owner_id.id,
                "company_id": self.company_id.id,
            }) for line in lines],
        })
        picking.action_confirm()
        for move, line in zip(picking.move_ids, lines, strict=True):
            move.move_line_ids.unlink()
            move.move_line_ids = [Command.create({
                "product_id": line.product_id.id,
                "lot_id": line.lot_id.id,
                "owner_id": line.owner_id.id,
                "quantity": line.quantity,
                "product_uom_id": line.product_id.uom_id.id,
                "location_id": line.location_id.id,
                "location_dest_id": quarantine.id,
                "picking_id": picking.id,
            })]
            move.picked = True
            line.move_id = move
        picking._action_done()
        return picking

    @api.model
    def _itss_load_demo(self):
        """Demo: receipts, spot checks, purchase plan, supplier evaluations, KPI history."""
        load_health_demo(self.env)
        return True

    def action_view_picking(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "res_id": self.picking_id.id,
            "view_mode": "form",
        }
