# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssCatalogService(models.Model):
    """The service levels of a catalog service: SLA targets per priority (helpdesk_mgmt_sla)."""

    _inherit = "itss.catalog.service"

    sla_ids = fields.One2many(
        "helpdesk.sla", "catalog_service_id", string="Service Levels",
        domain=[("service_project_ids", "=", False)],
        help="Response and resolution targets per priority that subscribing projects get.",
    )
    ticket_count = fields.Integer(compute="_compute_ticket_count", string="Tickets")

    def _compute_ticket_count(self):
        counts = dict(self.env["helpdesk.ticket"]._read_group(
            [("catalog_service_id", "in", self.ids)], ["catalog_service_id"], ["__count"]))
        for service in self:
            service.ticket_count = counts.get(service, 0)

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("helpdesk_mgmt.helpdesk_ticket_action")
        action["domain"] = [("catalog_service_id", "=", self.id)]
        action["context"] = {}
        return action
