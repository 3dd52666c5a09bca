# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

USER_GROUP = "itss_capability.group_itss_user"
# What is still written after a deployment: its record and evaluation.
AFTER_DEPLOYMENT = frozenset({"deployment_record", "evaluation"})


class ItssRelease(models.Model):
    """A release (发布): a bundle of approved changes, planned, tested and deployed with a rollback plan."""

    _name = "itss.release"
    _description = "Release"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "planned_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    version = fields.Char(tracking=True)
    project_id = fields.Many2one("itss.service.project", string="Service Project", index=True, tracking=True,
                                 check_company=True)
    change_ids = fields.Many2many(
        "itss.change.request", "itss_release_change_rel", "release_id", "change_id",
        string="Changes Included", check_company=True)
    manager_id = fields.Many2one("res.users", string="Release Manager", tracking=True,
                                 default=lambda self: self.env.user)
    release_plan = fields.Html()
    test_plan = fields.Html()
    rollback_plan = fields.Html()
    planned_date = fields.Date(tracking=True)
    deployed_date = fields.Date(tracking=True, copy=False, readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("planned", "Planned"), ("testing", "Testing"), ("deployed", "Deployed"),
         ("rolled_back", "Rolled Back"), ("cancelled", "Cancelled")],
        required=True, default="draft", readonly=True, tracking=True, copy=False, index=True)
    deployment_record = fields.Html(copy=False)
    evaluation = fields.Html(copy=False)
    on_time = fields.Boolean(compute="_compute_on_time", store=True,
                             help="Deployed on or before the planned date.")
    rolled_back = fields.Boolean(compute="_compute_rolled_back", store=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)

    @api.depends("deployed_date", "planned_date")
    def _compute_on_time(self):
        for release in self:
            release.on_time = bool(release.deployed_date and release.planned_date
                                   and release.deployed_date <= release.planned_date)

    @api.depends("state")
    def _compute_rolled_back(self):
        for release in self:
            release.rolled_back = release.state == "rolled_back"

    @api.constrains("state", "rollback_plan")
    def _check_rollback_plan(self):
        for release in self:
            if release.state not in ("draft", "cancelled") and is_html_empty(release.rollback_plan):
                raise ValidationError(self.env._(
                    "Release %(release)s: a release without a rollback plan cannot go past draft.",
                    release=release.name))

    @api.constrains("state", "deployed_date")
    def _check_deployed_date(self):
        for release in self:
            if release.state in ("deployed", "rolled_back") and not release.deployed_date:
                raise ValidationError(self.env._(
                    "Release %(release)s: record the deployment date.", release=release.name))

    def _itss_locked_fnames(self):
        if self.state in ("deployed", "rolled_back"):
            return frozenset(self._fields) - AFTER_DEPLOYMENT
        return frozenset()

    def _itss_locked_message(self, field_label):
        return self.env._("Release %(release)s is deployed: “%(field)s” can no longer be changed.",
                          release=self.display_name, field=field_label)

    def _itss_release_action(self):
        return self._itss_action([USER_GROUP], message=self.env._(
            "Only O&M engineers and managers work on releases."))

    def _check_state_in(self, states, action):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for release in self:
            if release.state not in states:
                raise UserError(self.env._(
                    "Release %(release)s cannot be %(action)s from state %(state)s.",
                    release=release.name, action=action, state=labels[release.state]))

    def action_plan(self):
        self._check_state_in(("draft",), self.env._("planned"))
        for release in self:
            if not release.planned_date:
                raise UserError(self.env._("Release %(release)s: set the planned date.", release=release.name))
        self._itss_release_action().state = "planned"
        return True

    def action_test(self):
        self._check_state_in(("planned",), self.env._("tested"))
        for release in self:
            if is_html_empty(release.test_plan):
                raise UserError(self.env._(
                    "Release %(release)s: write the test plan before testing.", release=release.name))
        self._itss_release_action().state = "testing"
        return True

    def action_deploy(self):
        self._check_state_in(("testing",), self.env._("deployed"))
        for release in self:
            unapproved = release.change_ids.filtered(lambda c: not c.approved)
            if unapproved:
                raise UserError(self.env._(
                    "Release %(release)s includes unapproved changes: %(changes)s.",
                    release=release.name, changes=", ".join(unapproved.mapped("display_name"))))
        for release in self._itss_release_action():
            release.write({"state": "deployed", "deployed_date": release.deployed_date or (
                release.company_id._itss_today())})
        return True

    def action_rollback(self):
        self._check_state_in(("deployed",), self.env._("rolled back"))
        self._itss_release_action().state = "rolled_back"
        return True

    def action_cancel(self):
        self._check_state_in(("draft", "planned", "testing"), self.env._("cancelled"))
        self._itss_release_action().state = "cancelled"
        return True

    def action_draft(self):
        self._check_state_in(("cancelled",), self.env._("reset to draft"))
        self._itss_release_action().state = "draft"
        return True
