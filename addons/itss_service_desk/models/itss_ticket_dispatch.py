# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssTicketDispatch(models.Model):
    """A dispatch (派单) of a ticket to an engineer; a returned dispatch (退单) counts against
    first-time dispatch success."""

    _name = "itss.ticket.dispatch"
    _description = "Ticket Dispatch"
    _order = "dispatched_at desc, id desc"
    _check_company_auto = True
    _inherit = ["itss.guard.mixin"]

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    team_id = fields.Many2one("helpdesk.ticket.team", check_company=True)
    user_id = fields.Many2one("res.users", string="Engineer", required=True, index=True)
    dispatched_at = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    dispatched_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    returned = fields.Boolean(readonly=True, copy=False, index=True)
    return_reason = fields.Text(copy=False)
    returned_at = fields.Datetime(readonly=True, copy=False)

    @api.depends("ticket_id", "user_id")
    def _compute_display_name(self):
        for dispatch in self:
            dispatch.display_name = f"{dispatch.ticket_id.display_name} → {dispatch.user_id.name or ''}"

    @api.constrains("returned", "return_reason")
    def _check_return_reason(self):
        for dispatch in self:
            if dispatch.returned and not (dispatch.return_reason or "").strip():
                raise ValidationError(
                    self.env._("Give the reason why the dispatch of %(ticket)s is returned.",
                               ticket=dispatch.ticket_id.display_name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        dispatches = super().create(vals_list)
        for dispatch in dispatches:
            vals = {"user_id": dispatch.user_id.id}
            if dispatch.team_id and dispatch.team_id != dispatch.ticket_id.team_id:
                vals["team_id"] = dispatch.team_id.id
            dispatch.ticket_id.write(vals)
            dispatch.ticket_id.message_post(
                body=self.env._("Dispatched to %(engineer)s.", engineer=dispatch.user_id.name),
                subtype_xmlid="mail.mt_note",
            )
        return dispatches

    def action_confirm(self):
        """Close the dispatch dialog (the record is saved by the client)."""
        return {"type": "ir.actions.act_window_close"}

    def _itss_locked_fnames(self):
        """A returned dispatch is evidence (first-time dispatch success): it no longer changes."""
        return ALL_FIELDS if self.returned else frozenset({"ticket_id"})

    def action_return(self, reason=None):
        """Return (退单) the dispatch with a reason; the ticket goes back to the dispatcher's queue."""
        dispatches = self._itss_action(["itss_capability.group_itss_user"], message=self.env._(
            "Only O&M engineers and managers return dispatches."))
        for dispatch in dispatches:
            if dispatch.returned:
                raise ValidationError(self.env._("This dispatch is already returned."))
            # an empty reason is refused by _check_return_reason
            reason = reason or dispatch.return_reason
            dispatch.write({
                "returned": True, "return_reason": reason, "returned_at": fields.Datetime.now(),
            })
            if dispatch.ticket_id.user_id == dispatch.user_id:
                dispatch.ticket_id.user_id = False
            dispatch.ticket_id.message_post(
                body=self.env._("Dispatch returned by %(engineer)s: %(reason)s",
                                engineer=dispatch.user_id.name, reason=reason),
                subtype_xmlid="mail.mt_note",
            )
        return {"type": "ir.actions.act_window_close"}
