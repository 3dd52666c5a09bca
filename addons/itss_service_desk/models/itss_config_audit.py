# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssConfigAudit(models.Model):
    """A configuration audit (配置审计): sampled CIs checked against reality."""

    _name = "itss.config.audit"
    _description = "Configuration Audit"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True,
                                 default=lambda self: self.env.company)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    auditor_id = fields.Many2one("res.users", required=True,
                                 default=lambda self: self.env.user, tracking=True)
    project_id = fields.Many2one("itss.service.project", string="Service Project", index=True,
                                 check_company=True, tracking=True)
    line_ids = fields.One2many("itss.config.audit.line", "audit_id", string="Sampled CIs", copy=True)
    state = fields.Selection([("draft", "Draft"), ("closed", "Closed")], default="draft", required=True,
                             readonly=True, tracking=True, index=True)
    sampled_count = fields.Integer(string="Sampled", compute="_compute_accuracy", store=True)
    matching_count = fields.Integer(string="Matching", compute="_compute_accuracy", store=True)
    accuracy = fields.Float(string="Configuration Accuracy (%)", compute="_compute_accuracy", store=True,
                            aggregator="avg", digits=(16, 2))

    @api.depends("line_ids.matches")
    def _compute_accuracy(self):
        for audit in self:
            sampled = len(audit.line_ids)
            matching = len(audit.line_ids.filtered("matches"))
            audit.sampled_count = sampled
            audit.matching_count = matching
            audit.accuracy = 100.0 * matching / sampled if sampled else 0.0

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state == "closed" else frozenset()

    def action_close(self):
        for audit in self:
            if audit.state != "draft":
                raise UserError(self.env._("Audit %(audit)s is already closed.", audit=audit.name))
            if not audit.line_ids:
                raise UserError(self.env._(
                    "Audit %(audit)s has no sampled configuration items: it cannot be closed.",
                    audit=audit.name))
        self._itss_action(["itss_capability.group_itss_user"], message=self.env._(
            "Only O&M engineers and managers close configuration audits.")).write({"state": "closed"})
        return True

    def action_reopen(self):
        """Reopen a closed audit (O&M managers): its accuracy may change again."""
        audits = self._itss_action(["itss_capability.group_itss_manager"], message=self.env._(
            "Only O&M managers reopen a closed configuration audit."))
        audits.write({"state": "draft"})
        for audit in audits:
            audit.message_post(body=self.env._("Audit reopened: its accuracy may change again."))
        return True
