# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

USER_GROUP = "itss_capability.group_itss_user"
SIGNATURE_FIELDS = frozenset({"customer_signature", "signed_by", "signed_at", "actual_arrival"})


class ItssOnsiteVisit(models.Model):
    """An on-site service visit (现场服务) of an engineer for a ticket, signed by the customer."""

    _name = "itss.onsite.visit"
    _description = "On-site Visit"
    _inherit = ["mail.thread", "itss.guard.mixin"]
    _order = "planned_arrival desc, id desc"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    service_project_id = fields.Many2one(related="ticket_id.service_project_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Engineer", required=True, default=lambda self: self.env.user, tracking=True
    )
    planned_arrival = fields.Datetime(tracking=True)
    actual_arrival = fields.Datetime(tracking=True)
    work_done = fields.Html()
    customer_signature = fields.Image(max_width=1024, max_height=1024, copy=False)
    signed_by = fields.Char(copy=False)
    signed_at = fields.Datetime(string="Signed On", copy=False, readonly=True)
    part_ids = fields.One2many("itss.onsite.visit.part", "visit_id", string="Spare Parts Used")
    state = fields.Selection(
        [("planned", "Planned"), ("arrived", "On Site"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
    )

    @api.depends("ticket_id", "user_id")
    def _compute_display_name(self):
        for visit in self:
            visit.display_name = f"{visit.ticket_id.display_name} / {visit.user_id.name or ''}"

    @api.constrains("actual_arrival", "ticket_id")
    def _check_arrival_after_dispatch(self):
        for visit in self.filtered("actual_arrival"):
            dispatches = visit.ticket_id.dispatch_ids
            first = min(dispatches.mapped("dispatched_at"), default=False)
            if not first or visit.actual_arrival < first:
                raise ValidationError(
                    self.env._(
                        "The engineer cannot arrive on site for %(ticket)s before the ticket is dispatched.",
                        ticket=visit.ticket_id.display_name,
                    )
                )

    def _itss_locked_fnames(self):
        """A finished or cancelled visit is evidence; a signed one keeps what the customer signed."""
        if self.state in ("done", "cancelled"):
            return ALL_FIELDS
        return SIGNATURE_FIELDS if self.customer_signature else frozenset()

    @api.constrains("planned_arrival", "actual_arrival")
    def _check_datetime_range(self):
        for visit in self:
            self.env["helpdesk.ticket"]._itss_check_datetime_range(visit.planned_arrival, visit.actual_arrival)

    def _itss_visit_action(self):
        return self._itss_action([USER_GROUP], message=self.env._(
            "Only O&M engineers and managers finish or cancel on-site visits."))

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        visits._update_first_response()
        return visits

    def write(self, vals):
        res = super().write(vals)
        if "actual_arrival" in vals:
            self._update_first_response()
        return res

    def _update_first_response(self):
        arrived = self.filtered("actual_arrival")
        for visit in arrived:
            visit.ticket_id._itss_set_first_response(visit.actual_arrival)
        arrived.filtered(lambda v: v.state == "planned").sudo().state = "arrived"

    def action_done(self):
        """Finish the visit; the work done and the customer's signature are required."""
        for visit in self:
            if not visit.actual_arrival:
                raise ValidationError(self.env._("Record the actual arrival before finishing the visit."))
            if not visit.customer_signature or not visit.signed_by:
                raise ValidationError(self.env._("The customer must sign the visit before it is finished."))
        self._itss_visit_action().write({"state": "done"})
        return True

    def action_cancel(self):
        """Cancel the visit."""
        self._itss_visit_action().write({"state": "cancelled"})
        return True
