# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class ItssTicketStagePeriodCorrect(models.TransientModel):
    """Dialog correcting one stage period of a ticket with a required reason."""

    _name = "itss.ticket.stage.period.correct"
    _description = "Correct Ticket Stage Period"

    period_id = fields.Many2one("itss.ticket.stage.period", required=True, ondelete="cascade")
    date_start = fields.Datetime(string="From", required=True)
    date_end = fields.Datetime(string="To")
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        period = self.env["itss.ticket.stage.period"].browse(values.get("period_id"))
        if period:
            values.setdefault("date_start", period.date_start)
            values.setdefault("date_end", period.date_end)
        return values

    def action_apply(self):
        self.ensure_one()
        self.period_id.action_correct(self.date_start, self.date_end, self.reason)
        return {"type": "ir.actions.act_window_close"}
