# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

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
    ticket_id = fields.Many2one("helpdesk.ticket", string="Ticket", index=True, check_company=True, tracking=True)
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
    scrap_id = fields.Many2one("stock.scrap", string="Scrap", readonly=True, copy=False)
    disposal = fields.Selection(
        [("repair", "Repaired by Vendor"), ("scrap", "Scrapped"), ("stock", "Back to Stock")],
        readonly=True, copy=False, tracking=True,
    )
    note = fields.Text()

    @api.depends("ticket_id", "equipment_id")
    def _compute_project_id(self):
        for request in self:
            request.project_id = (
                request.ticket_id.service_project_id or request.equipment_id.project_id or request.project_id
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
