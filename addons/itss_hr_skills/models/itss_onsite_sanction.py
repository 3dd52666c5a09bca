# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssOnsiteSanction(models.Model):
    """A reward or a penalty (奖惩) of an engineer, with its reason and its effect on the appraisal.

    Proposed by anyone managing the site, approved (or rejected) by an O&M manager; once approved its
    points count in the engineer's appraisal of that month. HR reads them; the engineer reads only
    their own.
    """

    _name = "itss.onsite.sanction"
    _description = "Reward or Penalty"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one("hr.employee", string="Engineer", required=True, index=True, tracking=True,
                                  check_company=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, string="User")
    assignment_id = fields.Many2one("itss.onsite.assignment", string="On-site Assignment", check_company=True,
                                    domain="[('employee_id', '=', employee_id)]")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    kind = fields.Selection([("reward", "Reward"), ("penalty", "Penalty")], required=True, default="reward",
                            tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    reason = fields.Text(required=True, tracking=True)
    points = fields.Float(
        string="Appraisal Points", tracking=True,
        help="Added to (reward) or taken from (penalty) the overall rating of the month's appraisal, 0–20.")
    signed_points = fields.Float(compute="_compute_signed_points", store=True, aggregator="sum")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="draft", required=True, readonly=True, tracking=True, copy=False, index=True)
    approved_by_id = fields.Many2one("res.users", string="Decided by", readonly=True, copy=False)
    approved_date = fields.Date(string="Decided On", readonly=True, copy=False)

    @api.depends("kind", "points")
    def _compute_signed_points(self):
        for sanction in self:
            sanction.signed_points = sanction.points if sanction.kind == "reward" else -sanction.points

    @api.constrains("points", "reason")
    def _check_points(self):
        for sanction in self:
            if not 0 <= sanction.points <= 20:
                raise ValidationError(self.env._("The appraisal points of a reward or penalty lie between 0 and 20."))
            if not (sanction.reason or "").strip():
                raise ValidationError(self.env._("Give the reason of the reward or penalty."))

    def _itss_locked_fnames(self):
        if self.state in ("approved", "rejected"):
            return ALL_FIELDS
        if self.state == "submitted":
            return frozenset({"employee_id", "kind", "points", "date", "reason"})
        return frozenset()

    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for sanction in self:
            sanction.display_name = " ".join(
                str(part) for part in (labels.get(sanction.kind, ""), sanction.employee_id.name, sanction.date) if part)

    def action_submit(self):
        sanctions = self._itss_action(["itss_capability.group_itss_manager", "hr.group_hr_user"])
        if any(s.state != "draft" for s in sanctions):
            raise UserError(self.env._("Only a draft reward or penalty can be submitted."))
        sanctions.write({"state": "submitted"})
        return True

    def _itss_decide(self, state):
        sanctions = self._itss_action(["itss_capability.group_itss_manager"], message=self.env._(
            "Only O&M managers approve or reject rewards and penalties."))
        if any(s.state != "submitted" for s in sanctions):
            raise UserError(self.env._("Only a submitted reward or penalty can be approved or rejected."))
        if any(s.employee_id.user_id == self.env.user for s in sanctions):
            raise UserError(self.env._("You cannot decide on your own reward or penalty."))
        sanctions.write({"state": state, "approved_by_id": self.env.user.id,
                         "approved_date": fields.Date.context_today(self)})
        return sanctions

    def action_approve(self):
        sanctions = self._itss_decide("approved")
        self.env["itss.performance.appraisal"].sudo().search([
            ("employee_id", "in", sanctions.employee_id.ids), ("state", "=", "draft"),
        ])._itss_refresh_onsite()
        return True

    def action_reject(self):
        self._itss_decide("rejected")
        return True

    def action_reset_draft(self):
        sanctions = self._itss_action(["itss_capability.group_itss_manager", "hr.group_hr_user"])
        if any(s.state != "submitted" for s in sanctions):
            raise UserError(self.env._("Only a submitted reward or penalty goes back to draft."))
        sanctions.write({"state": "draft"})
        return True
