# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ItssReadinessItem(models.Model):
    """Readiness rules of the internal audit (6) and nonconformity (9) items; the responsible
    department of every item from the function allocation table."""

    _inherit = "itss.readiness.item"
    # Literal domains go by keyword after a translated label: given by position, their first string
    # would be extracted as a term of the .pot.

    def _itss_readiness_department(self):
        """The lead department (主责) of the item's clause, else of its parent clause, in the company's table."""
        department = super()._itss_readiness_department()
        company = self.company_id
        if department or not company or not self.clause:
            return department
        parts = self.clause.split(".")
        codes = [".".join(parts[:size]) for size in range(len(parts), 0, -1)]
        leads = self.env["itss.clause.allocation"].sudo().search([
            ("company_id", "=", company.id), ("responsibility", "=", "lead"),
            ("edition", "=", company.itss_standard_edition), ("clause_id.code", "in", codes)])
        by_code = {lead.clause_id.code: lead.department_id for lead in leads}
        return next((by_code[code] for code in codes if code in by_code), department)

    def _itss_audit_required_departments(self, company):
        """Departments an internal audit must cover: those of the allocation table, else those with staff."""
        allocations = self.env["itss.clause.allocation"].sudo().search([
            ("company_id", "=", company.id), ("edition", "=", company.itss_standard_edition)])
        if allocations:
            return allocations.department_id
        return self.env["hr.employee"].sudo().search([("company_id", "=", company.id)]).department_id

    def _itss_audit_done_domain(self, company, date_from, date_to):
        return [("company_id", "=", company.id), ("state", "=", "done"),
                *self._itss_datetime_domain("closing_date", company, date_from, date_to)]

    def _itss_readiness_rule_internal_audit(self, company, date_from, date_to):
        done = self._itss_audit_done_domain(company, date_from, date_to)
        audits = self.env["mgmtsystem.audit"].sudo().search(done)
        required = self._itss_audit_required_departments(company)
        covered = required & audits.itss_department_id
        return [
            self._itss_part(self.env._("Internal audits completed in the year"), "mgmtsystem.audit", done),
            self._itss_part(
                self.env._("Departments of the allocation table covered by a completed audit"), "hr.department",
                domain=[("company_id", "=", company.id), ("id", "in", covered.ids)], need=max(1, len(required))),
            self._itss_part(
                self.env._("Completed audits with their audit conclusion (report)"), "mgmtsystem.audit",
                [*done, ("itss_conclusion", "!=", False)]),
        ]

    def _itss_readiness_reports_internal_audit(self, company, date_from, date_to):
        audits = self.env["mgmtsystem.audit"].sudo().search(
            self._itss_audit_done_domain(company, date_from, date_to), order="closing_date, id")
        clauses = self.env["itss.standard.clause"].sudo().search(
            [("edition", "=", company.itss_standard_edition)])
        return [
            ("itss_audit.itss_allocation_report_action", clauses),
            ("itss_audit.itss_audit_report_action", audits),
            ("itss_audit.itss_audit_findings_xlsx_action", audits),
        ]

    def _itss_nonconformity_domain(self, company, date_from, date_to):
        return [("company_id", "=", company.id), ("state", "!=", "cancel"),
                *self._itss_datetime_domain("create_date", company, date_from, date_to)]

    def _itss_readiness_rule_nonconformity(self, company, date_from, date_to):
        raised = self._itss_nonconformity_domain(company, date_from, date_to)
        total = self.env["mgmtsystem.nonconformity"].sudo().search_count(raised)
        return [
            self._itss_part(self.env._("Nonconformities recorded in the year"), "mgmtsystem.nonconformity", raised),
            self._itss_part(
                self.env._("Nonconformities with a corrective action"), "mgmtsystem.nonconformity",
                [*raised, ("itss_improvement_ids", "!=", False)], need=max(1, total)),
            self._itss_part(
                self.env._("Nonconformities closed after verifying their actions"), "mgmtsystem.nonconformity",
                domain=[("company_id", "=", company.id), ("state", "=", "done"),
                        *self._itss_datetime_domain("closing_date", company, date_from, date_to)]),
        ]

    def _itss_readiness_reports_nonconformity(self, company, date_from, date_to):
        nonconformities = self.env["mgmtsystem.nonconformity"].sudo().search(
            self._itss_nonconformity_domain(company, date_from, date_to))
        audits = nonconformities.itss_audit_id.filtered(lambda audit: audit.company_id == company)
        return [("itss_audit.itss_audit_findings_xlsx_action", audits.sorted("id"))]
