# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    itss_spare_request_ids = fields.One2many("itss.spare.request", "ticket_id", string="Spare Requests")
    itss_spare_request_count = fields.Integer(compute="_compute_itss_spare_request_count", string="Spare Request Count")

    def _compute_itss_spare_request_count(self):
        counts = self.env["itss.spare.request"]._itss_count_by("ticket_id", self)
        for ticket in self:
            ticket.itss_spare_request_count = counts[ticket]

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
        return self.env["itss.spare.request"]._itss_action_for("ticket_id", self)
