# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    itss_spare_request_ids = fields.One2many("itss.spare.request", "ticket_id", string="Spare Requests")
    itss_spare_request_count = fields.Integer(compute="_compute_itss_spare_request_count", string="Spare Request Count")

    def _compute_itss_spare_request_count(self):
        counts = dict(self.env["itss.spare.request"]._read_group(
            [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]))
        for ticket in self:
            ticket.itss_spare_request_count = counts.get(ticket, 0)

    def action_itss_find_spares(self):
        """Find spares for the ticket's configuration items."""
        self.ensure_one()
        context = {"default_ticket_id": self.id}
        if len(self.equipment_ids) == 1:
            context["default_equipment_id"] = self.equipment_ids.id
        return self.env["itss.spare.availability"]._itss_find_action(
            self.equipment_ids, self.service_project_id, context)

    def action_itss_view_spare_requests(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Spare Requests"),
            "res_model": "itss.spare.request",
            "view_mode": "list,form",
            "domain": [("ticket_id", "=", self.id)],
            "context": {"default_ticket_id": self.id},
        }
