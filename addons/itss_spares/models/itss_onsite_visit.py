# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssOnsiteVisit(models.Model):
    _inherit = "itss.onsite.visit"

    itss_spare_request_ids = fields.One2many("itss.spare.request", "visit_id", string="Spare Requests")

    def action_itss_find_spares(self):
        """Find spares for the CIs of the visit's ticket."""
        self.ensure_one()
        ticket = self.ticket_id
        context = {"default_ticket_id": ticket.id, "default_visit_id": self.id}
        if len(ticket.equipment_ids) == 1:
            context["default_equipment_id"] = ticket.equipment_ids.id
        return self.env["itss.spare.availability"]._itss_find_action(
            ticket.equipment_ids, ticket.service_project_id, context)
