# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

APPROVER_GROUP = "itss_service_desk.group_itss_change_approver"
USER_GROUP = "itss_capability.group_itss_user"
APPROVAL_ACTIVITY = "itss_service_desk.mail_activity_type_change_approval"
# States a change may only reach once it has been approved.
IMPLEMENTED_STATES = ("scheduled", "implementing", "review")
DONE_RESULTS = ("successful", "failed", "rolled_back")


class ItssChangeRequest(models.Model):
    """A change request (变更请求): assessed, approved, scheduled, implemented and reviewed.

    Standard changes are pre-approved on submission; normal and emergency changes wait for a
    change approver, who cannot approve their own request. Nothing is implemented unapproved.
    """

    _name = "itss.change.request"
    _description = "Change Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "number"]

    number = fields.Char(readonly=True, copy=False, index=True, default="/")
    name = fields.Char(string="Title", required=True, tracking=True)
    change_type = fields.Selection(
        [("standard", "Standard"), ("normal", "Normal"), ("emergency", "Emergency")],
        required=True, default="normal", tracking=True,
        help="Standard: low-risk, pre-approved routine change. Normal: assessed and approved by a "
             "change approver. Emergency: approved fast, reviewed after implementation.")
    reason = fields.Text(required=True, help="Why the change is needed.")
    risk_level = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        required=True, default="low", tracking=True)
    risk_assessment = fields.Html(string="Risk & Impact Assessment")
    equipment_ids = fields.Many2many(
        "maintenance.equipment", "itss_change_request_equipment_rel", "change_id", "equipment_id",
        string="Affected CIs", check_company=True)
    ticket_ids = fields.Many2many(
        "helpdesk.ticket", "itss_change_request_ticket_rel", "change_id", "ticket_id",
        string="Related Tickets", check_company=True)
    project_id = fields.Many2one("itss.service.project", string="Service Project", index=True, tracking=True,
                                 check_company=True)
    requester_id = fields.Many2one("res.users", required=True, index=True, tracking=True,
                                   default=lambda self: self.env.user)
    implementer_id = fields.Many2one("res.users", index=True, tracking=True)
    planned_start = fields.Datetime(tracking=True)
    planned_end = fields.Datetime(tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("approved", "Approved"), ("rejected", "Rejected"),
         ("scheduled", "Scheduled"), ("implementing", "Implementing"), ("review", "Review"),
         ("closed", "Closed")],
        required=True, default="draft", readonly=True, tracking=True, copy=False, index=True)
    result = fields.Selection(
        [("successful", "Successful"), ("failed", "Failed"), ("rolled_back", "Rolled Back"),
         ("cancelled", "Cancelled")],
        tracking=True, copy=False)
    implementation_notes = fields.Html()
    review = fields.Html(string="Post-Implementation Review", copy=False)
    approver_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approval_date = fields.Datetime(readonly=True, copy=False)
    approval_comment = fields.Text(copy=False)
    closed_at = fields.Datetime(string="Closed On", readonly=True, copy=False, index=True)
    approved = fields.Boolean(compute="_compute_approved", store=True,
                              help="Approved by a change approver, or pre-approved as a standard change.")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)

    @api.depends("approval_date", "state")
    def _compute_approved(self):
        for change in self:
            change.approved = bool(change.approval_date) and change.state != "rejected"

    @api.model_create_multi
    def create(self, vals_list):
        changes = super().create(vals_list)
        for change in changes.sudo().filtered(lambda c: c.number == "/"):
            change.number = self.env["ir.sequence"].sudo().next_by_code("itss.change.request") or "/"
        return changes

    def _itss_locked_fnames(self):
        """A closed change is evidence; once submitted, nobody rewrites who requested it."""
        if self.state == "closed":
            return ALL_FIELDS
        if self.state not in ("draft", "submitted"):
            return frozenset({"requester_id", "change_type", "approval_comment"})
        if self.state == "submitted":
            return frozenset({"requester_id", "change_type"})
        return frozenset()

    def _itss_locked_message(self, field_label):
        if self.state != "closed":
            return self.env._(
                "Change %(change)s is submitted: “%(field)s” can no longer be changed.",
                change=self.display_name, field=field_label)
        return super()._itss_locked_message(field_label)

    @api.depends("number", "name")
    def _compute_display_name(self):
        for change in self:
            change.display_name = f"[{change.number}] {change.name}" if change.number not in (False, "/") \
                else change.name

    @api.constrains("planned_start", "planned_end")
    def _check_planned_dates(self):
        for change in self:
            if change.planned_start and change.planned_end and change.planned_end < change.planned_start:
                raise ValidationError(self.env._(
                    "Change %(change)s: the planned end is before the planned start.", change=change.name))

    @api.constrains("state", "approval_date", "result")
    def _check_state(self):
        for change in self:
            implemented = change.state in IMPLEMENTED_STATES or (
                change.state == "closed" and change.result in DONE_RESULTS)
            if implemented and not change.approval_date:
                raise ValidationError(self.env._(
                    "Change %(change)s is not approved: an unapproved change can never be implemented.",
                    change=change.name))
            if change.state == "closed" and not change.result:
                raise ValidationError(self.env._(
                    "Change %(change)s: a closed change needs a result.", change=change.name))
            if (change.state == "closed" and change.change_type == "emergency"
                    and change.result in DONE_RESULTS and not change._has_review()):
                raise ValidationError(self.env._(
                    "Emergency change %(change)s needs a post-implementation review before it is closed.",
                    change=change.name))

    def _has_review(self):
        self.ensure_one()
        return not is_html_empty(self.review)

    def _check_state_in(self, states, action):
        for change in self:
            if change.state not in states:
                raise UserError(self.env._(
                    "Change %(change)s cannot be %(action)s from state %(state)s.",
                    change=change.name, action=action,
                    state=dict(self._fields["state"]._description_selection(self.env))[change.state]))

    def _approvers(self):
        """Active users of the change approver group allowed in the change's company."""
        self.ensure_one()
        users = self.env.ref(APPROVER_GROUP).sudo().all_user_ids
        return users.filtered(lambda u: u.active and not u.share and self.company_id in u.company_ids)

    def _itss_change_action(self):
        """O&M engineers and managers move their changes through the workflow."""
        return self._itss_action(
            [USER_GROUP], message=self.env._("Only O&M engineers and managers work on change requests."))

    def action_submit(self):
        self._check_state_in(("draft",), self.env._("submitted"))
        changes = self._itss_change_action()
        for change in changes:
            if change.change_type == "standard":
                change.write({
                    "state": "approved",
                    "approval_date": fields.Datetime.now(),
                    "approval_comment": self.env._("Standard change: pre-approved."),
                })
                continue
            change.state = "submitted"
            for approver in change._approvers() - change.requester_id:
                change.activity_schedule(
                    APPROVAL_ACTIVITY, user_id=approver.id,
                    summary=self.env._("Approve change %(number)s", number=change.number),
                    note=self.env._("%(requester)s asks to approve the %(type)s change \"%(change)s\" "
                                    "(risk: %(risk)s).",
                                    requester=change.requester_id.name,
                                    type=dict(self._fields["change_type"]._description_selection(self.env))[
                                        change.change_type],
                                    change=change.name,
                                    risk=dict(self._fields["risk_level"]._description_selection(self.env))[
                                        change.risk_level]),
                )
        return True

    def _itss_approver_action(self):
        """The change approver's decision: never on their own request; returns the records as superuser."""
        changes = self._itss_action([APPROVER_GROUP], access="read", message=self.env._(
            "Only a change approver can approve or reject a change request."))
        for change in changes:
            if change.requester_id == self.env.user:
                raise UserError(self.env._(
                    "You requested change %(change)s: an approver cannot approve their own request.",
                    change=change.name))
        return changes

    def action_approve(self):
        changes = self._itss_approver_action()
        changes._check_state_in(("submitted",), self.env._("approved"))
        changes.write({
            "state": "approved", "approver_id": self.env.user.id, "approval_date": fields.Datetime.now(),
        })
        changes.activity_feedback([APPROVAL_ACTIVITY], feedback=self.env._("Approved"))
        return True

    def action_reject(self):
        changes = self._itss_approver_action()
        changes._check_state_in(("submitted",), self.env._("rejected"))
        for change in changes:
            if not (change.approval_comment or "").strip():
                raise UserError(self.env._(
                    "Explain in the approval comment why change %(change)s is rejected.", change=change.name))
        changes.write({
            "state": "rejected", "approver_id": self.env.user.id, "approval_date": fields.Datetime.now(),
        })
        changes.activity_feedback([APPROVAL_ACTIVITY], feedback=self.env._("Rejected"))
        return True

    def action_draft(self):
        self._check_state_in(("rejected",), self.env._("reset to draft"))
        self._itss_change_action().write({
            "state": "draft", "approver_id": False, "approval_date": False, "approval_comment": False,
        })
        return True

    def action_schedule(self):
        self._check_state_in(("approved",), self.env._("scheduled"))
        for change in self:
            if not (change.planned_start and change.planned_end and change.implementer_id):
                raise UserError(self.env._(
                    "Change %(change)s: set the implementer and the planned start and end to schedule it.",
                    change=change.name))
        self._itss_change_action().state = "scheduled"
        return True

    def action_implement(self):
        for change in self:
            if not change.approved:
                raise UserError(self.env._(
                    "Change %(change)s is not approved: an unapproved change can never be implemented.",
                    change=change.name))
        self._check_state_in(("scheduled",), self.env._("implemented"))
        self._itss_change_action().state = "implementing"
        return True

    def action_review(self):
        self._check_state_in(("implementing",), self.env._("sent to review"))
        self._itss_change_action().state = "review"
        return True

    def action_close(self):
        self._check_state_in(("review",), self.env._("closed"))
        for change in self:
            if change.result not in DONE_RESULTS:
                raise UserError(self.env._(
                    "Change %(change)s: record the result (successful, failed or rolled back) before closing it.",
                    change=change.name))
        self._itss_change_action().write({"state": "closed", "closed_at": fields.Datetime.now()})
        return True

    def action_cancel(self):
        self._check_state_in(("draft", "submitted", "approved", "rejected", "scheduled"), self.env._("cancelled"))
        changes = self._itss_change_action()
        changes.activity_unlink([APPROVAL_ACTIVITY])
        changes.write({"state": "closed", "result": "cancelled", "closed_at": fields.Datetime.now()})
        return True
