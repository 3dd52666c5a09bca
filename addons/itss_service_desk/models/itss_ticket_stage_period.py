# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

MANAGER_GROUP = "itss_capability.group_itss_manager"


class ItssTicketStagePeriod(models.Model):
    """How long a ticket stayed in a stage: the pause history the SLA clock is recomputed from.

    Evidence: read-only through the API for every role; the stage changes write it, and an O&M
    manager corrects a period only through ``action_correct`` (reason required, logged on the ticket).
    """

    _name = "itss.ticket.stage.period"
    _description = "Ticket Stage Period"
    _inherit = ["itss.guard.mixin"]
    _order = "ticket_id, date_start, id"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade", index=True, readonly=True)
    stage_id = fields.Many2one("helpdesk.ticket.stage", required=True, ondelete="restrict", readonly=True)
    date_start = fields.Datetime(string="From", required=True, readonly=True)
    date_end = fields.Datetime(string="To", readonly=True)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for period in self:
            if period.date_end and period.date_end < period.date_start:
                raise ValidationError(self.env._(
                    "A stage period of %(ticket)s ends before it starts.", ticket=period.ticket_id.display_name))

    def action_open_correction(self):
        """Open the correction dialog of this period (O&M managers)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correct Stage Period"),
            "res_model": "itss.ticket.stage.period.correct",
            "view_mode": "form",
            "target": "new",
            "context": {"default_period_id": self.id},
        }

    def action_correct(self, date_start, date_end, reason):
        """Correct the period's dates: who, when and why go to the ticket's chatter; the running
        SLA targets of the ticket are recomputed (finished ones stay as they were)."""
        self.ensure_one()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for correcting the stage history."))
        period = self._itss_action([MANAGER_GROUP], access="read", message=self.env._(
            "Only O&M managers correct the stage history of a ticket."))
        self.ticket_id.check_access("write")
        date_start = fields.Datetime.to_datetime(date_start)
        date_end = fields.Datetime.to_datetime(date_end) if date_end else False
        if not date_end and period.date_end:
            raise UserError(self.env._("Only the current stage period may stay open."))
        ticket = period.ticket_id
        ticket._itss_check_datetime_range(date_start, date_end)
        old_start, old_end = period.date_start, period.date_end
        period.write({"date_start": date_start, "date_end": date_end})
        ticket.message_post(
            body=self.env._(
                "Stage history corrected by %(user)s: %(stage)s from %(old_start)s – %(old_end)s to "
                "%(new_start)s – %(new_end)s (UTC). Reason: %(reason)s",
                user=self.env.user.name, stage=period.stage_id.name, old_start=old_start,
                old_end=old_end or "-", new_start=date_start, new_end=date_end or "-", reason=reason.strip()),
            message_type="comment", subtype_xmlid="mail.mt_note",
        )
        ticket._itss_recompute_running_sla()
        return True

