# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssTicketStagePeriod(models.Model):
    """How long a ticket stayed in a stage: the pause history the SLA clock is recomputed from."""

    _name = "itss.ticket.stage.period"
    _description = "Ticket Stage Period"
    _order = "ticket_id, date_start, id"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade", index=True)
    stage_id = fields.Many2one("helpdesk.ticket.stage", required=True, ondelete="restrict")
    date_start = fields.Datetime(string="From", required=True)
    date_end = fields.Datetime(string="To")
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
