# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssSpareInstallWizard(models.TransientModel):
    """Record on site which issued serial went in and which serial came out."""

    _name = "itss.spare.install.wizard"
    _description = "Record Spare Installation"

    request_id = fields.Many2one("itss.spare.request", required=True, ondelete="cascade")
    ticket_id = fields.Many2one(related="request_id.ticket_id")
    issued_lot_ids = fields.Many2many(related="request_id.lot_ids")
    tracking = fields.Selection(related="request_id.tracking")
    visit_id = fields.Many2one(
        "itss.onsite.visit", string="On-site Visit", domain="[('ticket_id', '=', ticket_id)]",
        default=lambda self: self._default_visit(),
    )
    lot_id = fields.Many2one(
        "stock.lot", string="Serial In", domain="[('id', 'in', issued_lot_ids)]",
        default=lambda self: self._default_lot(),
    )
    removed_serial = fields.Char(
        string="Serial Out", help="Serial number of the faulty part taken out; it comes back to the library.",
    )
    install_date = fields.Datetime(string="Installed On", default=fields.Datetime.now, required=True)

    def _default_request(self):
        return self.env["itss.spare.request"].browse(self.env.context.get("default_request_id"))

    def _default_visit(self):
        request = self._default_request()
        return request.visit_id or request.ticket_id and self.env["itss.onsite.visit"].search(
            [("ticket_id", "=", request.ticket_id.id), ("state", "in", ("planned", "arrived"))], limit=1)

    def _default_lot(self):
        lots = self._default_request().lot_ids
        return lots if len(lots) == 1 else False

    def action_confirm(self):
        """Record the installation on the request, the on-site visit and the CI."""
        self.ensure_one()
        self.request_id._itss_install(self.lot_id, self.removed_serial, self.visit_id, self.install_date)
        return {"type": "ir.actions.act_window_close"}
