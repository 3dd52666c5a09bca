# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

USER_GROUP = "itss_capability.group_itss_user"

# Handling deadline per severity, in hours after the report.
DEADLINE_HOURS = {"critical": 4, "high": 24, "medium": 72, "low": 7 * 24}


class ItssSecurityEvent(models.Model):
    """An information security event (信息安全事件): classified, handled before its deadline, reported."""

    _name = "itss.security.event"
    _description = "Security Event"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "reported_at desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Summary", required=True, tracking=True)
    classification = fields.Selection(
        [("malware", "Malware"), ("intrusion", "Intrusion"), ("data_leak", "Data Leak"),
         ("availability", "Availability Attack"), ("policy", "Policy Violation"), ("other", "Other")],
        required=True, default="other", tracking=True, index=True)
    severity = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High"), ("critical", "Critical")],
        required=True, default="medium", tracking=True, index=True)
    project_id = fields.Many2one("itss.service.project", string="Service Project", index=True, tracking=True,
                                 check_company=True)
    equipment_ids = fields.Many2many(
        "maintenance.equipment", "itss_security_event_equipment_rel", "event_id", "equipment_id",
        string="Affected CIs", check_company=True)
    reported_at = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    deadline = fields.Datetime(
        string="Handling Deadline", compute="_compute_deadline", store=True, readonly=False, tracking=True,
        help="Computed from the severity (critical 4 h, high 24 h, medium 72 h, low 7 days); editable.")
    handler_id = fields.Many2one("res.users", index=True, tracking=True)
    actions_taken = fields.Html()
    report = fields.Html(string="Event Report")
    handled_at = fields.Datetime(copy=False, tracking=True, readonly=True)
    state = fields.Selection(
        [("new", "New"), ("handling", "Handling"), ("handled", "Handled"), ("closed", "Closed")],
        required=True, default="new", readonly=True, tracking=True, copy=False, index=True)
    handled_on_time = fields.Boolean(compute="_compute_handled_on_time", store=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)

    @api.depends("severity", "reported_at")
    def _compute_deadline(self):
        for event in self:
            try:
                event.deadline = event.reported_at and event.reported_at + timedelta(
                    hours=DEADLINE_HOURS[event.severity or "medium"])
            except OverflowError:  # a report time out of range, refused by _check_datetime_range
                event.deadline = False

    @api.depends("handled_at", "deadline")
    def _compute_handled_on_time(self):
        for event in self:
            event.handled_on_time = bool(event.handled_at and event.deadline and event.handled_at <= event.deadline)

    @api.constrains("reported_at", "deadline", "handled_at")
    def _check_dates(self):
        for event in self:
            if event.deadline and event.deadline < event.reported_at:
                raise ValidationError(self.env._(
                    "Security event %(event)s: the handling deadline is before the report time.", event=event.name))
            if event.handled_at and event.handled_at < event.reported_at:
                raise ValidationError(self.env._(
                    "Security event %(event)s: it cannot be handled before it was reported.", event=event.name))

    def _itss_locked_fnames(self):
        if self.state == "closed":
            return ALL_FIELDS
        if self.state == "handled":
            return frozenset({"reported_at", "deadline", "severity", "classification", "handler_id",
                              "actions_taken"})
        return frozenset()

    @api.constrains("reported_at", "deadline")
    def _check_datetime_range(self):
        for event in self:
            self.env["helpdesk.ticket"]._itss_check_datetime_range(event.reported_at, event.deadline)

    def _itss_event_action(self):
        return self._itss_action([USER_GROUP], message=self.env._(
            "Only O&M engineers and managers handle security events."))

    def _check_state_in(self, states, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for event in self:
            if event.state not in states:
                raise UserError(self.env._(
                    "Security event %(event)s cannot be %(action)s from state %(state)s.",
                    event=event.name, action=action, state=labels[event.state]))

    def action_start(self):
        self._check_state_in(("new",), self.env._("taken in charge"))
        events = self._itss_event_action()
        events.filtered(lambda e: not e.handler_id).handler_id = self.env.user
        events.state = "handling"
        return True

    def action_handled(self):
        self._check_state_in(("handling",), self.env._("marked handled"))
        for event in self:
            if is_html_empty(event.actions_taken):
                raise UserError(self.env._(
                    "Security event %(event)s: record the actions taken.", event=event.name))
        events = self._itss_event_action()
        events.filtered(lambda e: not e.handled_at).handled_at = fields.Datetime.now()
        events.state = "handled"
        return True

    def action_close(self):
        self._check_state_in(("handled",), self.env._("closed"))
        for event in self:
            if is_html_empty(event.report):
                raise UserError(self.env._(
                    "Security event %(event)s: write the event report before closing it.", event=event.name))
        self._itss_event_action().state = "closed"
        return True
