# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

QA = "itss_capability.group_itss_qa"
MANAGER = "itss_capability.group_itss_manager"


class ItssProcessCheck(models.Model):
    """A QA daily process check (日常检查) of one process, optionally in one service project."""

    _name = "itss.process.check"
    _description = "QA Daily Process Check"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    date = fields.Date(required=True, default=lambda self: self.env.company._itss_today(), index=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    process_id = fields.Many2one("itss.process", required=True, index=True)
    project_id = fields.Many2one("itss.service.project", string="Service Project", check_company=True, index=True)
    inspector_id = fields.Many2one("res.users", string="QA Engineer", required=True, default=lambda self: self.env.user)
    line_ids = fields.One2many("itss.process.check.line", "check_id", string="Checklist")
    conclusion = fields.Text()
    deviation_count = fields.Integer(compute="_compute_deviation_count", store=True)
    state = fields.Selection([("draft", "Draft"), ("done", "Done"), ("reviewed", "Reviewed")],
                             default="draft", required=True, readonly=True, tracking=True, copy=False)
    reviewer_id = fields.Many2one("res.users", string="Reviewed By", readonly=True, copy=False)
    review_date = fields.Date(readonly=True, copy=False)
    review_conclusion = fields.Text(string="Organisation QA Review")
    improvement_ids = fields.One2many("itss.improvement", "process_check_id", string="Improvements")

    @api.depends("process_id", "project_id", "date")
    def _compute_name(self):
        for check in self:
            parts = [check.process_id.name, check.project_id.name, str(check.date or "")]
            check.name = " / ".join(p for p in parts if p)

    @api.depends("line_ids.result")
    def _compute_deviation_count(self):
        for check in self:
            check.deviation_count = len(check.line_ids.filtered(lambda line: line.result == "deviation"))

    def _itss_locked_fnames(self):
        if self.state == "reviewed":
            return ALL_FIELDS
        if self.state == "done":
            return frozenset(set(self._fields) - {"review_conclusion"})
        return super()._itss_locked_fnames()

    def _standard_questions(self):
        """The short checklist every daily process check starts with; the process's clauses add their evidence."""
        return [
            self.env._("Records of the process are complete and up to date"),
            self.env._("The work follows the procedure in force"),
            self.env._("The process KPIs of the period are recorded"),
        ]

    def action_generate_lines(self):
        """The short checklist: standard questions plus the evidence the process's clauses expect."""
        checks = self._itss_action([QA, MANAGER])
        for check in checks:
            if check.state != "draft":
                raise UserError(self.env._("Check %(check)s is done.", check=check.name))
            if check.line_ids:
                continue
            questions = self._standard_questions()
            clauses = self.env["itss.standard.clause"].search([
                ("process_id", "=", check.process_id.id), ("edition", "=", check.company_id.itss_standard_edition)])
            questions += [f"{c.display_name}: {c.expected_evidence}" for c in clauses if c.expected_evidence]
            self.env["itss.process.check.line"].create([
                {"check_id": check.id, "sequence": i, "name": q} for i, q in enumerate(questions, 1)])
        return True

    def action_done(self):
        """Finish the check: every line answered; each deviation becomes an improvement measure."""
        checks = self._itss_action([QA, MANAGER])
        for check in checks:
            if check.state != "draft":
                raise UserError(self.env._("Check %(check)s is already done.", check=check.name))
            if not check.line_ids:
                raise UserError(self.env._("Check %(check)s has an empty checklist.", check=check.name))
            if check.line_ids.filtered(lambda line: not line.result):
                raise UserError(self.env._("Answer every line of check %(check)s first.", check=check.name))
            for line in check.line_ids.filtered(lambda ln: ln.result == "deviation"):
                action = self.env["itss.improvement"]._raise_and_open(check.date, {
                    "name": self.env._("Deviation: %(line)s", line=line.name), "description": line.note,
                    "source": "daily_check", "process_check_id": check.id,
                    "owner_id": (check.project_id.manager_id or check.inspector_id).id,
                    "company_id": check.company_id.id,
                })
                line.improvement_id = action["res_id"]
        checks.write({"state": "done"})
        return True

    def action_review(self):
        """The organisation-level QA reviews a sample of the QA engineers' checks (never their own)."""
        checks = self._itss_action([QA], message=self.env._("Only QA auditors review the daily checks."))
        for check in checks:
            if check.state != "done":
                raise UserError(self.env._("Only a done check is reviewed: %(check)s.", check=check.name))
            if check.inspector_id == self.env.user:
                raise UserError(self.env._("%(user)s made check %(check)s: another QA auditor reviews it.",
                                           user=self.env.user.name, check=check.name))
            if not check.review_conclusion:
                raise UserError(self.env._("Write the review conclusion of %(check)s first.", check=check.name))
        checks.write({"state": "reviewed", "reviewer_id": self.env.user.id,
                      "review_date": fields.Date.context_today(self)})
        return True
