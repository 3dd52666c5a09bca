# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import UserError

from .itss_guard_mixin import ALL_FIELDS


class ItssQaCheck(models.Model):
    """A periodic QA check of plan execution (质量检查) by the QA department."""

    _name = "itss.qa.check"
    _description = "QA Check of Plan Execution"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    plan_id = fields.Many2one("itss.capability.plan", required=True, ondelete="cascade", index=True, check_company=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    auditor_id = fields.Many2one("res.users", string="QA Auditor", required=True, default=lambda self: self.env.user)
    scope = fields.Text()
    department_ids = fields.Many2many("hr.department", string="Departments Checked")
    work_item_ids = fields.Many2many("itss.plan.work.item", string="Items Checked",
                                     domain="[('plan_id', '=', plan_id)]")
    finding_ids = fields.One2many("itss.qa.check.finding", "check_id", string="Findings")
    conclusion = fields.Selection(
        [("conform", "Conform"), ("minor", "Minor deviations"), ("major", "Major deviations")], tracking=True
    )
    conclusion_note = fields.Text(string="Conclusion Details")
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft", required=True, readonly=True,
                             tracking=True)

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state == "done" else frozenset()

    def action_done(self):
        for check in self:
            if not check.conclusion:
                raise UserError(self.env._("Record the conclusion of QA check %(check)s first.", check=check.name))
        self._itss_action(["itss_capability.group_itss_qa"], message=self.env._(
            "Only QA auditors conclude a QA check.")).write({"state": "done"})
        return True

    def action_create_improvements(self):
        """Turn every finding without an improvement measure into one, in one click."""
        findings = self._itss_action().finding_ids.filtered(lambda f: not f.improvement_id)
        improvements = self.env["itss.improvement"].create([{
            "name": finding.description[:120],
            "description": finding.description,
            "plan_id": finding.check_id.plan_id.id,
            "source": "qa_check",
            "qa_check_id": finding.check_id.id,
            "owner_id": (finding.work_item_id.owner_id or finding.check_id.plan_id.author_id
                         or self.env.user).id,
            "due_date": finding.due_date,
        } for finding in findings])
        for finding, improvement in zip(findings, improvements, strict=True):
            finding.improvement_id = improvement
        return True

