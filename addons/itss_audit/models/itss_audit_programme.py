# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

QA = "itss_capability.group_itss_qa"
EXECUTIVE = "itss_capability.group_itss_executive"
# Days before a planned audit when its audit manager gets a reminder.
REMINDER_DAYS = 7


class ItssAuditProgramme(models.Model):
    """The year's internal audit programme (内审方案): audits by department and project covering every clause."""

    _name = "itss.audit.programme"
    _description = "Internal Audit Programme"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(required=True, default=lambda self: self.env.company._itss_today().year, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    edition = fields.Selection(related="company_id.itss_standard_edition")
    audit_ids = fields.One2many("mgmtsystem.audit", "itss_programme_id", string="Planned Audits")
    objective = fields.Text(string="Objectives and Scope")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("done", "Completed")],
        default="draft", required=True, readonly=True, tracking=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approval_date = fields.Date(readonly=True, copy=False)
    required_department_ids = fields.Many2many(
        "hr.department", compute="_compute_coverage", string="Departments to Cover",
        help="Departments with clauses in the allocation table.")
    uncovered_department_ids = fields.Many2many("hr.department", compute="_compute_coverage",
                                                string="Departments Not Covered")
    uncovered_clause_ids = fields.Many2many("itss.standard.clause", compute="_compute_coverage",
                                            string="Clauses Not Covered")
    is_coverage_complete = fields.Boolean(compute="_compute_coverage", string="Every Department Covered")
    audit_done_count = fields.Integer(compute="_compute_coverage", string="Audits Completed")

    _year_unique = models.Constraint("UNIQUE(company_id, year)", "The company already has a programme for this year.")

    @api.depends("audit_ids.itss_department_id", "audit_ids.state", "company_id")
    def _compute_coverage(self):
        for programme in self:
            allocations = self.env["itss.clause.allocation"].search([
                ("company_id", "=", programme.company_id.id),
                ("edition", "=", programme.company_id.itss_standard_edition)])
            audited = programme.audit_ids.itss_department_id
            programme.required_department_ids = allocations.department_id
            programme.uncovered_department_ids = allocations.department_id - audited
            covered_clauses = allocations.filtered(lambda a, audited=audited: a.department_id in audited).clause_id
            programme.uncovered_clause_ids = allocations.clause_id - covered_clauses
            programme.is_coverage_complete = not programme.uncovered_department_ids
            programme.audit_done_count = len(programme.audit_ids.filtered(lambda a: a.state == "done"))

    def _itss_locked_fnames(self):
        if self.state == "done":
            return ALL_FIELDS
        if self.state == "approved":
            return frozenset({"year", "company_id"})
        return super()._itss_locked_fnames()

    def action_approve(self):
        """The executive approves the programme; departments it leaves uncovered are recorded."""
        programmes = self._itss_action([EXECUTIVE], access="read", message=self.env._(
            "Only the executive group approves the internal audit programme."))
        for programme in programmes:
            if programme.state != "draft":
                raise UserError(self.env._("Only a draft programme is approved: %(name)s.", name=programme.name))
            if not programme.audit_ids:
                raise UserError(self.env._("Plan the audits of %(name)s before approving it.", name=programme.name))
            if programme.uncovered_department_ids:
                programme.message_post(body=self.env._(
                    "Approved although these departments are not covered: %(departments)s.",
                    departments=", ".join(programme.uncovered_department_ids.mapped("name"))))
        programmes.write({"state": "approved", "approved_by_id": self.env.user.id,
                          "approval_date": fields.Date.context_today(self)})
        return True

    def action_reset_draft(self):
        programmes = self._itss_action([QA, EXECUTIVE], access="read")
        if programmes.filtered(lambda p: p.state != "approved"):
            raise UserError(self.env._("Only an approved programme goes back to draft."))
        programmes.write({"state": "draft", "approved_by_id": False, "approval_date": False})
        return True

    def action_done(self):
        programmes = self._itss_action([QA], message=self.env._("Only QA auditors complete the audit programme."))
        for programme in programmes:
            if programme.state != "approved":
                raise UserError(self.env._("Only an approved programme is completed: %(name)s.", name=programme.name))
            open_audits = programme.audit_ids.filtered(lambda a: a.state != "done")
            if open_audits:
                raise UserError(self.env._(
                    "Close its audits first: %(audits)s.", audits=", ".join(open_audits.mapped("display_name"))))
        programmes.write({"state": "done"})
        return True

    @api.model
    def _cron_remind_audits(self):
        """One activity per approved programme's audit that starts within a week (company's day)."""
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        audits = self.env["mgmtsystem.audit"].search([
            ("state", "=", "open"), ("itss_programme_id.state", "=", "approved"),
            ("itss_planned_date", "!=", False), ("user_id", "!=", False), ("activity_ids", "=", False)])
        for company in audits.company_id:
            today = company._itss_today()
            due = audits.filtered(lambda a, company=company, today=today: a.company_id == company
                                  and today <= a.itss_planned_date <= today + timedelta(days=REMINDER_DAYS))
            for audit in due.filtered(lambda a: todo):
                audit.activity_schedule(
                    activity_type_id=todo.id, user_id=audit.user_id.id, date_deadline=audit.itss_planned_date,
                    summary=self.env._("Internal audit %(name)s is planned on %(date)s.",
                                       name=audit.display_name, date=audit.itss_planned_date))
        return True
