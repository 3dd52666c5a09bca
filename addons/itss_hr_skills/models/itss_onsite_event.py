# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssOnsiteEvent(models.Model):
    """Safety and team records of a site (安全与团队活动): safety briefings, safety incidents involving
    people or equipment at the customer site, and team activities of the stationed engineers.

    An incident stays open until an O&M manager closes it with the measures taken; a closed record
    is evidence and no longer changes.
    """

    _name = "itss.onsite.event"
    _description = "On-site Safety and Team Record"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.project.site.mixin", "itss.guard.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    kind = fields.Selection(
        [("safety_briefing", "Safety Briefing"), ("safety_incident", "Safety Incident"),
         ("team_activity", "Team Activity")], required=True, default="safety_briefing", tracking=True)
    affects = fields.Selection([("people", "People"), ("equipment", "Equipment"), ("both", "People and Equipment")],
                               help="For an incident: who or what was harmed or at risk.")
    project_id = fields.Many2one(string="Site (Service Project)", tracking=True)
    date = fields.Date(required=True, default=lambda self: self.env.company._itss_today(), tracking=True)
    # the public employee model: engineers record briefings and incidents without HR rights
    employee_ids = fields.Many2many("hr.employee.public", "itss_onsite_event_employee_rel", "event_id",
                                    "employee_id", string="Engineers Involved", check_company=True)
    description = fields.Html()
    measures = fields.Text(string="Measures Taken", tracking=True)
    state = fields.Selection([("open", "Open"), ("closed", "Closed")], default="open", required=True,
                             readonly=True, tracking=True, copy=False, index=True)
    closed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    closed_date = fields.Date(readonly=True, copy=False)

    @api.constrains("kind", "affects")
    def _check_affects(self):
        for event in self:
            if event.kind == "safety_incident" and not event.affects:
                raise ValidationError(self.env._(
                    "Say whether the safety incident %(name)s concerns people, equipment or both.", name=event.name))

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state == "closed" else frozenset()

    def action_close(self):
        events = self._itss_action(["itss_capability.group_itss_manager"], message=self.env._(
            "Only O&M managers close safety and team records."))
        for event in events:
            if event.state != "open":
                raise UserError(self.env._("%(name)s is already closed.", name=event.name))
            if event.kind == "safety_incident" and not (event.measures or "").strip():
                raise UserError(self.env._(
                    "Record the measures taken for the safety incident %(name)s before closing it.", name=event.name))
        events.write({"state": "closed", "closed_by_id": self.env.user.id,
                      "closed_date": self.env.company._itss_today()})
        return True
