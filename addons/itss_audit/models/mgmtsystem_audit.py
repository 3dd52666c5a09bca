# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

QA = "itss_capability.group_itss_qa"


class MgmtsystemAudit(models.Model):
    """An internal audit (内审) of one department, optionally of one service project, in the year's programme."""

    _name = "mgmtsystem.audit"
    _inherit = ["mgmtsystem.audit", "itss.guard.mixin"]
    _itss_guard_readonly = False

    state = fields.Selection(itss_protected=True)
    closing_date = fields.Datetime(itss_protected=True)
    itss_programme_id = fields.Many2one("itss.audit.programme", string="Audit Programme", index="btree_not_null",
                                        check_company=True, tracking=True)
    itss_department_id = fields.Many2one("hr.department", string="Audited Department", index="btree_not_null",
                                         check_company=True, tracking=True)
    itss_project_id = fields.Many2one("itss.service.project", string="Service Project", check_company=True,
                                      tracking=True)
    itss_planned_date = fields.Date(string="Planned Date", tracking=True)
    itss_scope = fields.Text(string="Scope")
    itss_conclusion = fields.Text(string="Audit Conclusion")
    itss_clause_ids = fields.Many2many("itss.standard.clause", compute="_compute_itss_clauses",
                                       string="Clauses Covered")
    itss_unanswered_count = fields.Integer(compute="_compute_itss_clauses", string="Unanswered Questions")
    itss_year = fields.Integer(
        string="Audit Year", compute="_compute_itss_year", store=True, index=True, itss_protected=True,
        help="The programme's year, else the year of the planned date or of the audit (company's time zone).")

    @api.depends("itss_programme_id.year", "itss_planned_date", "date", "closing_date", "company_id")
    def _compute_itss_year(self):
        for audit in self:
            day = audit.itss_planned_date or audit.company_id._itss_local_date(audit.date or audit.closing_date)
            audit.itss_year = audit.itss_programme_id.year or (day.year if day else 0)

    @api.depends("line_ids.itss_clause_id", "line_ids.itss_answer")
    def _compute_itss_clauses(self):
        for audit in self:
            audit.itss_clause_ids = audit.line_ids.itss_clause_id
            audit.itss_unanswered_count = len(audit.line_ids.filtered(lambda line: not line.itss_answer))

    @api.constrains("itss_department_id", "auditor_user_ids", "user_id")
    def _check_itss_auditor_independence(self):
        """Auditors never audit their own department (ITSS: internal audit independence)."""
        for audit in self.filtered("itss_department_id"):
            department = audit.itss_department_id
            tree = self.env["hr.department"].sudo().search([("id", "child_of", department.id)])
            for user in (audit.auditor_user_ids | audit.user_id):
                own = user.sudo().employee_ids.filtered(
                    lambda e, audit=audit: e.company_id == audit.company_id).department_id
                if own & tree:
                    raise ValidationError(self.env._(
                        "%(user)s belongs to %(department)s, the audited department: auditors never audit "
                        "their own department.", user=user.name, department=department.name))

    def _itss_locked_fnames(self):
        if self.state == "done":
            return ALL_FIELDS
        return super()._itss_locked_fnames()

    def _itss_qa_action(self):
        return self._itss_action([QA], message=self.env._("Only QA auditors run internal audits."))

    def action_itss_generate_checklist(self):
        """Add one question per clause allocated to the audited department (clauses already asked are skipped)."""
        audits = self._itss_qa_action()
        Allocation = self.env["itss.clause.allocation"]
        for audit in audits:
            if not audit.itss_department_id:
                raise UserError(self.env._("Choose the audited department of %(audit)s first.",
                                           audit=audit.display_name))
            allocations = Allocation.search([
                ("company_id", "=", audit.company_id.id), ("department_id", "=", audit.itss_department_id.id),
                ("edition", "=", audit.company_id.itss_standard_edition)])
            if not allocations:
                raise UserError(self.env._(
                    "No clause is allocated to %(department)s in the allocation table.",
                    department=audit.itss_department_id.name))
            asked = audit.line_ids.itss_clause_id
            seq = max(audit.line_ids.mapped("seq") or [0])
            vals = []
            for allocation in allocations.filtered(lambda a, asked=asked: a.clause_id not in asked):
                seq += 10
                clause = allocation.clause_id
                vals.append({
                    "audit_id": audit.id, "seq": seq, "itss_clause_id": clause.id, "company_id": audit.company_id.id,
                    "name": self.env._("%(clause)s: show the records", clause=clause.display_name),
                    "comments": clause.expected_evidence or False,
                })
            self.env["mgmtsystem.verification.line"].create(vals)
        return True

    def button_close(self):
        audits = self._itss_qa_action()
        for audit in audits:
            if audit.state != "open":
                raise UserError(self.env._("Audit %(audit)s is already closed.", audit=audit.display_name))
            if not audit.line_ids:
                raise UserError(self.env._(
                    "Audit %(audit)s has an empty checklist: generate it from the allocated clauses or add "
                    "questions first.", audit=audit.display_name))
            if not (audit.itss_department_id or audit.itss_programme_id):
                continue
            if audit.itss_unanswered_count:
                raise UserError(self.env._(
                    "Answer every question of audit %(audit)s (conforming, nonconforming or observation) "
                    "before closing it.", audit=audit.display_name))
            missing = audit.line_ids.filtered(
                lambda line: line.itss_answer == "nonconforming" and not line.itss_nonconformity_id)
            if missing:
                raise UserError(self.env._(
                    "Raise a nonconformity for every nonconforming answer of %(audit)s first.",
                    audit=audit.display_name))
        return super(MgmtsystemAudit, audits).button_close()
