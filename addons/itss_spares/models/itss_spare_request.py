# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

from ..tools import load_spare_demo

USER_GROUP = "itss_capability.group_itss_user"
MANAGER_GROUP = "itss_capability.group_itss_manager"
KEEPER_GROUP = "itss_spares.group_itss_spare_keeper"

STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Reserved"),
    ("issued", "Issued"),
    ("installed", "Installed"),
    ("returned", "Faulty Part Returned"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]


class ItssSpareRequest(models.Model):
    """A spare request (备件申领): from a ticket to the customer site, and the faulty part back."""

    _name = "itss.spare.request"
    _description = "Spare Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "request_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True, readonly=True,
    )
    state = fields.Selection(
        STATES, required=True, default="draft", readonly=True, tracking=True, copy=False, index=True,
    )
    ticket_id = fields.Many2one("helpdesk.ticket", index=True, check_company=True, tracking=True)
    visit_id = fields.Many2one(
        "itss.onsite.visit", string="On-site Visit", index=True, check_company=True,
        domain="[('ticket_id', '=?', ticket_id)]",
    )
    equipment_id = fields.Many2one(
        "maintenance.equipment", string="Configuration Item", index=True, check_company=True, tracking=True,
    )
    project_id = fields.Many2one(
        "itss.service.project", string="Service Project", index=True, check_company=True,
        compute="_compute_project_id", store=True, readonly=False, precompute=True,
    )
    requester_id = fields.Many2one(
        "res.users", string="Requested By", required=True, default=lambda self: self.env.user, index=True,
        tracking=True, domain="[('share', '=', False)]",
    )
    product_id = fields.Many2one(
        "product.product", string="Spare Part", required=True, index=True, check_company=True, tracking=True,
        domain="[('itss_is_spare', '=', True)]",
    )
    tracking = fields.Selection(related="product_id.tracking")
    quantity = fields.Float(default=1.0, required=True, digits="Product Unit", tracking=True)
    uom_id = fields.Many2one(related="product_id.uom_id")
    warehouse_id = fields.Many2one(
        "stock.warehouse", string="Spare Library", check_company=True, index=True, tracking=True,
        domain="[('itss_library_type', '!=', False)]",
    )
    owner_id = fields.Many2one(
        "res.partner", string="Consignment Owner", check_company=True,
        help="Issue consignment stock of this vendor or customer; empty: our own stock.",
    )
    lot_ids = fields.Many2many(
        "stock.lot", "itss_spare_request_lot_rel", "request_id", "lot_id", string="Issued Serials",
        readonly=True, copy=False,
    )
    lot_id = fields.Many2one(
        "stock.lot", string="Installed Serial", readonly=True, copy=False, index=True,
        help="The serial number put into the configuration item.",
    )
    removed_lot_id = fields.Many2one(
        "stock.lot", string="Removed Serial", readonly=True, copy=False, index=True,
        help="The serial number of the faulty part taken out.",
    )
    urgent = fields.Boolean(
        string="Urgent (P1)", tracking=True,
        help="P1 requests skip the approval queue; they are recorded as urgent.",
    )
    request_date = fields.Datetime(
        string="Requested On", required=True, default=fields.Datetime.now, readonly=True, copy=False, index=True,
    )
    target_date = fields.Datetime(
        string="Agreed Delivery", tracking=True,
        help="Deadline agreed with the customer for the part to be on site.",
    )
    issue_date = fields.Datetime(string="Issued On", readonly=True, copy=False, index=True)
    install_date = fields.Datetime(string="Installed On", readonly=True, copy=False, index=True)
    return_date = fields.Datetime(string="Returned On", readonly=True, copy=False)
    close_date = fields.Datetime(string="Closed On", readonly=True, copy=False)
    amount = fields.Monetary(
        string="Value", readonly=True, copy=False, currency_field="currency_id",
        help="Quantity × cost of the part when the request was submitted (consignment: 0).",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False, tracking=True)
    approval_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    issue_picking_id = fields.Many2one("stock.picking", string="Issue Transfer", readonly=True, copy=False)
    return_picking_id = fields.Many2one("stock.picking", string="Faulty Return", readonly=True, copy=False)
    repair_out_picking_id = fields.Many2one("stock.picking", string="Sent to Repair", readonly=True, copy=False)
    repair_in_picking_id = fields.Many2one("stock.picking", string="Back from Repair", readonly=True, copy=False)
    picking_ids = fields.Many2many(
        "stock.picking", string="Transfers", compute="_compute_picking_ids",
    )
    scrap_id = fields.Many2one("stock.scrap", readonly=True, copy=False)
    disposal = fields.Selection(
        [("repair", "Repaired by Vendor"), ("scrap", "Scrapped"), ("stock", "Back to Stock")],
        readonly=True, copy=False, tracking=True,
    )
    repair_partner_id = fields.Many2one(
        "res.partner", string="Repair Vendor", check_company=True,
        help="The vendor the faulty part is sent to for repair (default: the part's first vendor).",
    )
    scrap_reason = fields.Text(readonly=True, copy=False)
    note = fields.Text()

    @api.depends("ticket_id", "equipment_id")
    def _compute_project_id(self):
        for request in self:
            # The requester may not follow the CI (maintenance rule): the project is looked up anyway.
            request.project_id = (
                request.ticket_id.sudo().service_project_id or request.equipment_id.sudo().project_id
                or request.project_id
            )

    @api.depends("issue_picking_id", "return_picking_id", "repair_out_picking_id", "repair_in_picking_id")
    def _compute_picking_ids(self):
        for request in self:
            request.picking_ids = (
                request.issue_picking_id | request.return_picking_id
                | request.repair_out_picking_id | request.repair_in_picking_id
            )

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        for request in requests.sudo().filtered(lambda r: r.name == "/"):
            request.name = self.env["ir.sequence"].next_by_code("itss.spare.request") or "/"
        return requests

    def _itss_locked_fnames(self):
        """A closed or cancelled request is evidence; once submitted, what was asked stays."""
        if self.state in ("closed", "cancelled"):
            return ALL_FIELDS
        if self.state != "draft":
            return frozenset({"product_id", "quantity", "ticket_id", "requester_id", "owner_id", "warehouse_id",
                              "equipment_id", "project_id", "urgent"})
        return frozenset()

    @api.constrains("quantity", "product_id")
    def _check_quantity(self):
        for request in self:
            if float_compare(request.quantity, 0.0, precision_rounding=request.product_id.uom_id.rounding or 0.01) <= 0:
                raise ValidationError(self.env._("The quantity of a spare request must be positive."))
            if request.product_id.tracking == "serial" and request.quantity != int(request.quantity):
                raise ValidationError(self.env._(
                    "%(part)s is tracked by serial number: request a whole number of parts.",
                    part=request.product_id.display_name))

    @api.constrains("urgent", "ticket_id")
    def _check_urgent(self):
        for request in self.filtered("urgent"):
            if request.ticket_id.sudo().itss_priority != "P1":
                raise ValidationError(self.env._(
                    "Only a request for a P1 ticket is urgent: %(request)s would skip the approval queue.",
                    request=request.name))

    @api.constrains("request_date", "target_date")
    def _check_target_date(self):
        for request in self.filtered("target_date"):
            if request.target_date < request.request_date:
                raise ValidationError(self.env._(
                    "The agreed delivery of %(request)s cannot be before the request.", request=request.name))

    @api.onchange("ticket_id")
    def _onchange_ticket_id(self):
        if self.ticket_id:
            self.urgent = self.ticket_id.itss_priority == "P1"
            if len(self.ticket_id.equipment_ids) == 1:
                self.equipment_id = self.ticket_id.equipment_ids

    # ------------------------------------------------------------------ helpers

    @api.model
    def _itss_count_by(self, fname, records):
        """Number of requests per record of ``records`` (their ``fname`` side), in one grouped read."""
        counts = dict(self._read_group([(fname, "in", records.ids)], [fname], ["__count"]))
        return {record: counts.get(record, 0) for record in records}

    @api.model
    def _itss_action_for(self, fname, record):
        """The requests of one ticket or CI, new ones defaulting to it."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Spare Requests"),
            "res_model": "itss.spare.request",
            "view_mode": "list,form",
            "domain": [(fname, "=", record.id)],
            "context": {f"default_{fname}": record.id},
        }

    def _itss_keeper_action(self):
        return self._itss_action([KEEPER_GROUP], message=self.env._(
            "Only spare keepers issue, take back, repair or scrap spares."))

    def _itss_check_state(self, *states):
        for request in self:
            if request.state not in states:
                raise UserError(self.env._(
                    "%(request)s is “%(state)s”: this step is not possible now.",
                    request=request.name,
                    state=dict(request._fields["state"]._description_selection(self.env)).get(request.state)))

    def _itss_source_location(self):
        return self.warehouse_id.lot_stock_id

    def _itss_site_location(self):
        return self.env.ref("stock.stock_location_customers")

    def _itss_free_quants(self):
        """Quants of the library with free quantity, of the consignment owner or (no owner) our own."""
        self.ensure_one()
        owner = self.owner_id
        quants = self.env["stock.quant"].sudo()._gather(
            self.product_id, self._itss_source_location(), owner_id=owner or None, strict=False)
        own_partner = self.company_id.partner_id
        return quants.filtered(
            lambda q: (q.owner_id == owner if owner else q.owner_id in (own_partner, self.env["res.partner"]))
            and q.quantity - q.reserved_quantity > 0
        )

    def _itss_available_qty(self):
        """Quantity of the part free in the library (of the consignment owner, when one is set)."""
        return sum(quant.quantity - quant.reserved_quantity for quant in self._itss_free_quants())

    def _itss_check_available(self):
        for request in self:
            if not request.warehouse_id:
                raise ValidationError(self.env._(
                    "Choose the spare library %(request)s is issued from.", request=request.name))
            available = request._itss_available_qty()
            if float_compare(available, request.quantity, precision_rounding=request.uom_id.rounding) < 0:
                raise ValidationError(self.env._(
                    "Only %(available)s × %(part)s are available in %(library)s; %(request)s asks for %(quantity)s.",
                    available=available, part=request.product_id.display_name,
                    library=request.warehouse_id.name, request=request.name, quantity=request.quantity))

    def _itss_value(self):
        """Cost of what is asked: consignment stock is not ours, so it is worth nothing to us."""
        self.ensure_one()
        if self.owner_id:
            return 0.0
        return self.quantity * self.product_id.sudo().with_company(self.company_id).standard_price

    # ------------------------------------------------------------------ actions

    def action_submit(self):
        """Submit: over the company's threshold the O&M manager approves, urgent (P1) requests skip it."""
        self._itss_check_state("draft")
        requests = self._itss_action([USER_GROUP], message=self.env._(
            "Only O&M engineers, managers and spare keepers request spares."))
        requests._itss_check_available()
        for request in requests:
            amount = request._itss_value()
            threshold = request.company_id.itss_spare_approval_threshold
            request.amount = amount
            if threshold and amount > threshold and not request.urgent:
                request.state = "to_approve"
                request._itss_schedule_approval()
            else:
                request._itss_reserve()
        return True

    def _itss_schedule_approval(self):
        managers = self.project_id.manager_id or self.env.ref(MANAGER_GROUP).all_user_ids.filtered(
            lambda u: self.company_id in u.company_ids and not u.share)
        for manager in managers[:1]:
            self.activity_schedule(
                "mail.mail_activity_data_todo", user_id=manager.id,
                summary=self.env._("Approve spare request %(request)s", request=self.name))

    def action_approve(self):
        """The O&M manager approves a request over the threshold; the part is reserved."""
        self._itss_check_state("to_approve")
        requests = self._itss_action([MANAGER_GROUP], access="read", message=self.env._(
            "Only O&M managers approve spare requests over the threshold."))
        requests._itss_check_available()
        for request in requests:
            request.write({"approver_id": self.env.uid, "approval_date": fields.Datetime.now()})
            request.activity_feedback(["mail.mail_activity_data_todo"])
            request._itss_reserve()
        return True

    def action_reject(self):
        """The O&M manager refuses the request."""
        self._itss_check_state("to_approve")
        requests = self._itss_action([MANAGER_GROUP], access="read", message=self.env._(
            "Only O&M managers approve spare requests over the threshold."))
        requests.activity_unlink(["mail.mail_activity_data_todo"])
        requests.write({"state": "cancelled", "approver_id": self.env.uid, "approval_date": fields.Datetime.now()})
        return True

    def _itss_reserve(self):
        """Create the issue transfer (library → customer site) and reserve the part in the library."""
        for request in self:
            warehouse = request.warehouse_id
            customer = request.project_id.partner_id or request.ticket_id.partner_id
            picking = self.env["stock.picking"].create({
                "picking_type_id": warehouse.out_type_id.id,
                "location_id": request._itss_source_location().id,
                "location_dest_id": request._itss_site_location().id,
                "partner_id": customer.id,
                "owner_id": request.owner_id.id,
                "origin": request.name,
                "company_id": request.company_id.id,
                "itss_spare_request_id": request.id,
                "move_ids": [fields.Command.create({
                    "product_id": request.product_id.id,
                    "product_uom_qty": request.quantity,
                    "product_uom": request.uom_id.id,
                    "location_id": request._itss_source_location().id,
                    "location_dest_id": request._itss_site_location().id,
                    "restrict_partner_id": request.owner_id.id,
                })],
            })
            picking.action_confirm()
            move = picking.move_ids
            # Odoo reserves any quant at confirmation; the request reserves its owner's quants only.
            move._do_unreserve()
            need = request.quantity
            for quant in request._itss_free_quants():
                if need <= 0:
                    break
                need -= move._update_reserved_quantity(
                    min(need, quant.quantity - quant.reserved_quantity), quant.location_id, lot_id=quant.lot_id,
                    package_id=quant.package_id, owner_id=quant.owner_id, strict=True)
            move._recompute_state()
            if picking.state != "assigned":
                raise ValidationError(self.env._(
                    "%(part)s cannot be reserved in %(library)s for %(request)s: not enough free stock.",
                    part=request.product_id.display_name, library=warehouse.name, request=request.name))
            request.write({"state": "approved", "issue_picking_id": picking.id})
        return True

    def action_issue(self):
        """The keeper hands the part over: the issue transfer is validated with the keeper's rights."""
        self._itss_check_state("approved")
        self._itss_keeper_action()
        for request in self:
            picking = request.issue_picking_id.with_env(self.env)
            picking.move_ids.picked = True
            picking.with_context(skip_backorder=True, cancel_backorder=True).button_validate()
        return True

    def _itss_after_issue(self, picking):
        """Issue transfer done (from the request or from Inventory): the serials go with the request."""
        lots = picking.move_line_ids.lot_id
        self.sudo().write({
            "state": "issued", "issue_date": picking.date_done, "lot_ids": [fields.Command.set(lots.ids)],
        })

    def action_install(self):
        """Open the installation form: serial in, serial out, on the on-site visit."""
        self.ensure_one()
        self._itss_check_state("issued")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record Installation"),
            "res_model": "itss.spare.install.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def _itss_install(self, lot, removed_serial, visit, install_date=None):
        """Record the installation on the visit and the CI; prepare the faulty part's return transfer."""
        self.ensure_one()
        self._itss_check_state("issued")
        request = self._itss_action([USER_GROUP], access="read", message=self.env._(
            "Only O&M engineers record installations."))
        if not self.env.su and not (
            self.env.user in (self.requester_id | visit.user_id)
            or self.env.user.has_group(KEEPER_GROUP) or self.env.user.has_group(MANAGER_GROUP)
        ):
            raise UserError(self.env._(
                "Only the requester or the visit's engineer records the installation of %(request)s.",
                request=self.name))
        if self.tracking == "serial" and lot not in self.lot_ids:
            raise ValidationError(self.env._(
                "Serial %(serial)s was not issued with %(request)s.", serial=lot.name or "-", request=self.name))
        if visit and visit.ticket_id != self.ticket_id:
            raise ValidationError(self.env._(
                "The on-site visit %(visit)s is not a visit of the request's ticket.", visit=visit.display_name))
        removed_lot = self.env["stock.lot"]
        if removed_serial:
            removed_serial = removed_serial.strip()
            if lot and removed_serial == lot.name:
                raise ValidationError(self.env._("The removed serial cannot be the serial just installed."))
            removed_lot = request._itss_removed_lot(removed_serial)
        install_date = install_date or fields.Datetime.now()
        request.write({
            "state": "installed", "install_date": install_date, "lot_id": lot.id,
            "removed_lot_id": removed_lot.id, "visit_id": visit.id or request.visit_id.id,
        })
        if request.visit_id:
            self.env["itss.onsite.visit.part"].sudo().create({
                "visit_id": request.visit_id.id,
                "request_id": request.id,
                "product_id": request.product_id.id,
                "quantity": request.quantity,
                "lot_id": lot.id,
                "removed_lot_id": removed_lot.id,
                "serial_installed": lot.name,
                "serial_removed": removed_lot.name,
            })
        if request.equipment_id:
            request.equipment_id.message_post(body=self.env._(
                "Spare %(part)s installed by %(request)s: serial in %(serial_in)s, serial out %(serial_out)s.",
                part=request.product_id.display_name, request=request.name,
                serial_in=lot.name or "-", serial_out=removed_lot.name or "-"))
        if removed_lot:
            request._itss_prepare_return(removed_lot)
        return True

    def _itss_removed_lot(self, serial):
        """The lot of the removed part: known when we issued it once, otherwise registered now."""
        Lot = self.env["stock.lot"].sudo()
        lot = Lot.search([("name", "=", serial), ("product_id", "=", self.product_id.id),
                          ("company_id", "in", [self.company_id.id, False])], limit=1)
        return lot or Lot.create({"name": serial, "product_id": self.product_id.id, "company_id": self.company_id.id})

    def _itss_prepare_return(self, lot):
        """The return transfer of the faulty part, from the customer site to the library's faulty location."""
        warehouse = self.warehouse_id
        if not warehouse.itss_faulty_location_id:
            warehouse.write({"itss_library_type": warehouse.itss_library_type or "central"})
        picking = self.env["stock.picking"].sudo().create({
            "picking_type_id": warehouse.in_type_id.id,
            "location_id": self._itss_site_location().id,
            "location_dest_id": warehouse.itss_faulty_location_id.id,
            "partner_id": (self.project_id.partner_id or self.ticket_id.partner_id).id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "itss_spare_request_id": self.id,
            "move_ids": [fields.Command.create({
                "product_id": self.product_id.id,
                "product_uom_qty": 1 if lot else self.quantity,
                "product_uom": self.uom_id.id,
                "location_id": self._itss_site_location().id,
                "location_dest_id": warehouse.itss_faulty_location_id.id,
            })],
        })
        picking.action_confirm()
        move = picking.move_ids
        move.move_line_ids.unlink()
        self.env["stock.move.line"].sudo().create({
            "move_id": move.id, "picking_id": picking.id, "product_id": self.product_id.id,
            "lot_id": lot.id, "quantity": 1, "product_uom_id": self.uom_id.id,
            "location_id": move.location_id.id, "location_dest_id": move.location_dest_id.id,
        })
        self.return_picking_id = picking
        return picking

    def action_receive_faulty(self):
        """The keeper receives the faulty part into the library's faulty location."""
        self._itss_check_state("installed")
        self._itss_keeper_action()
        for request in self:
            if not request.return_picking_id:
                raise UserError(self.env._("No part was removed with %(request)s: nothing comes back.",
                                           request=request.name))
            picking = request.return_picking_id.with_env(self.env)
            picking.move_ids.picked = True
            picking.with_context(skip_backorder=True, cancel_backorder=True).button_validate()
        return True

    def _itss_after_return(self, picking):
        self.sudo().write({"state": "returned", "return_date": picking.date_done})

    def _itss_check_return_lots(self, picking):
        """A return brings back only a serial issued for the request's ticket or removed there."""
        for request in self:
            if request.ticket_id:
                siblings = self.sudo().search([("ticket_id", "=", request.ticket_id.id)])
            else:
                siblings = request.sudo()
            allowed = siblings.lot_ids | siblings.removed_lot_id
            for line in picking.move_line_ids.filtered("lot_id"):
                if line.lot_id not in allowed:
                    raise ValidationError(self.env._(
                        "Serial %(serial)s was never issued to nor removed on %(ticket)s: it cannot be "
                        "returned with %(request)s.",
                        serial=line.lot_id.name, ticket=request.ticket_id.display_name or request.name,
                        request=request.name))

    def action_close(self):
        """Close an installed request when no part was removed."""
        self._itss_check_state("installed")
        requests = self._itss_action([USER_GROUP], message=self.env._("Only O&M staff close spare requests."))
        for request in requests:
            if request.removed_lot_id or request.return_picking_id:
                raise UserError(self.env._(
                    "The removed part of %(request)s must come back to the library first.", request=request.name))
        requests.write({"state": "closed", "close_date": fields.Datetime.now()})
        return True

    def action_send_to_repair(self):
        """Send the faulty part to the vendor for repair (a transfer out, validated by the keeper)."""
        self._itss_check_state("returned")
        self._itss_keeper_action()
        for request in self:
            vendor = request.repair_partner_id or request.product_id.seller_ids[:1].partner_id
            if not vendor:
                raise UserError(self.env._("Choose the repair vendor of %(request)s.", request=request.name))
            supplier_location = self.env.ref("stock.stock_location_suppliers")
            picking = request._itss_lot_transfer(
                request.warehouse_id.out_type_id, request.warehouse_id.itss_faulty_location_id, supplier_location,
                vendor)
            request.sudo().write({"repair_out_picking_id": picking.id, "repair_partner_id": vendor.id})
        return True

    def action_receive_repaired(self):
        """The repaired part comes back from the vendor into the library's stock."""
        self._itss_check_state("returned")
        self._itss_keeper_action()
        for request in self:
            if not request.repair_out_picking_id.state == "done":
                raise UserError(self.env._("%(request)s: send the part to repair first.", request=request.name))
            supplier_location = self.env.ref("stock.stock_location_suppliers")
            picking = request._itss_lot_transfer(
                request.warehouse_id.in_type_id, supplier_location, request.warehouse_id.lot_stock_id,
                request.repair_partner_id)
            request.sudo().write({"repair_in_picking_id": picking.id, "state": "closed", "disposal": "repair",
                                  "close_date": fields.Datetime.now()})
        return True

    def _itss_lot_transfer(self, picking_type, source, destination, partner):
        """Create and validate, with the keeper's rights, the transfer of the removed serial."""
        self.ensure_one()
        picking = self.env["stock.picking"].create({
            "picking_type_id": picking_type.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "partner_id": partner.id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "itss_spare_request_id": self.id,
            "move_ids": [fields.Command.create({
                "product_id": self.product_id.id,
                "product_uom_qty": 1,
                "product_uom": self.uom_id.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
            })],
        })
        picking.action_confirm()
        move = picking.move_ids
        move.move_line_ids.unlink()
        self.env["stock.move.line"].create({
            "move_id": move.id, "picking_id": picking.id, "product_id": self.product_id.id,
            "lot_id": self.removed_lot_id.id, "quantity": 1, "product_uom_id": self.uom_id.id,
            "location_id": source.id, "location_dest_id": destination.id,
        })
        move.picked = True
        picking.with_context(skip_backorder=True, cancel_backorder=True, skip_sanity_check=True).button_validate()
        return picking

    def action_scrap(self):
        """Open the scrap form: the faulty part is scrapped with a reason."""
        self.ensure_one()
        self._itss_check_state("returned")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Scrap Faulty Part"),
            "res_model": "itss.spare.scrap.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def _itss_scrap(self, reason, tags=None):
        """Scrap the faulty part from the faulty location with the keeper's rights; a reason is required."""
        self.ensure_one()
        self._itss_check_state("returned")
        self._itss_keeper_action()
        if not (reason or "").strip():
            raise ValidationError(self.env._("Give the reason why %(request)s's faulty part is scrapped.",
                                             request=self.name))
        scrap = self.env["stock.scrap"].create({
            "product_id": self.product_id.id,
            "lot_id": self.removed_lot_id.id,
            "scrap_qty": 1 if self.removed_lot_id else self.quantity,
            "product_uom_id": self.uom_id.id,
            "location_id": self.warehouse_id.itss_faulty_location_id.id,
            "company_id": self.company_id.id,
            "origin": self.name,
            "itss_reason": reason.strip(),
            "scrap_reason_tag_ids": [fields.Command.set(tags.ids if tags else [])],
        })
        scrap.action_validate()
        if scrap.state != "done":
            raise UserError(self.env._("%(request)s: the faulty part is not in the faulty location.",
                                       request=self.name))
        self.sudo().write({"scrap_id": scrap.id, "scrap_reason": reason.strip(), "state": "closed",
                           "disposal": "scrap", "close_date": fields.Datetime.now()})
        return True

    def action_cancel(self):
        """Cancel a request not yet issued; its reservation is released."""
        self._itss_check_state("draft", "to_approve", "approved")
        requests = self._itss_action([USER_GROUP], message=self.env._("Only O&M staff cancel spare requests."))
        requests.issue_picking_id.action_cancel()
        requests.activity_unlink(["mail.mail_activity_data_todo"])
        requests.write({"state": "cancelled"})
        return True

    def action_view_pickings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Transfers"),
            "res_model": "stock.picking",
            "view_mode": "list,form",
            "domain": [("itss_spare_request_id", "=", self.id)],
        }

    @api.model
    def _itss_load_demo(self):
        """Demo: opening stock, consignment and a year of requests (see tools/spare_demo.py)."""
        load_spare_demo(self.env)
        return True
