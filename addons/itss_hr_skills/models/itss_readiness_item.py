# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from .itss_training_plan_line import HELD_STATES

# Plan states in which a training plan has been approved (a closed plan was approved first).
APPROVED_TRAINING_STATES = ("approved", "closed")
# Appraisal states once the employee has seen the result.
DONE_APPRAISAL_STATES = ("acknowledged", "closed")


class ItssReadinessItem(models.Model):
    """Readiness rules of the people element (clause 6): reserve plan, training, performance,
    job descriptions, skills."""

    _inherit = "itss.readiness.item"
    # Literal domains go by keyword after a translated label: given by position, their first string
    # would be extracted as a term of the .pot.

    def _itss_readiness_rule_reserve_plan(self, company, date_from, date_to):
        plans = [("company_id", "=", company.id), ("year", "=", date_from.year), ("state", "=", "approved"),
                 ("approved_date", "<=", date_to)]
        return [
            self._itss_part(self.env._("Approved O&M human resources plan of the year"), "itss.hr.plan", plans),
            self._itss_part(
                self.env._("Posts of the approved plan with reserve engineers"), "itss.hr.plan.line",
                domain=[("company_id", "=", company.id), ("plan_id.year", "=", date_from.year),
                        ("plan_id.state", "=", "approved"), ("plan_id.approved_date", "<=", date_to),
                        ("reserve_member_count", ">", 0)], need=1),
        ]

    def _itss_readiness_reports_reserve_plan(self, company, date_from, date_to):
        plans = self.env["itss.hr.plan"].sudo().search(
            [("company_id", "=", company.id), ("year", "=", date_from.year), ("state", "=", "approved")])
        return [("itss_hr_skills.itss_hr_plan_report_action", plans)]

    def _itss_readiness_rule_training(self, company, date_from, date_to):
        plan_lines = [("company_id", "=", company.id), ("plan_id.year", "=", date_from.year),
                      ("plan_state", "in", APPROVED_TRAINING_STATES)]
        due = self.env["itss.training.plan.line"].sudo().search_count(
            [*plan_lines, ("planned_date", "<=", date_to)])
        sessions = [("plan_line_id.company_id", "=", company.id), ("state", "in", HELD_STATES),
                    ("end_date", ">=", date_from), ("end_date", "<=", date_to)]
        held_sessions = self.env["hr.course.schedule"].sudo().search_count(sessions)
        return [
            self._itss_part(
                self.env._("Approved training plan of the year"), "itss.training.plan",
                domain=[("company_id", "=", company.id), ("year", "=", date_from.year),
                        ("state", "in", APPROVED_TRAINING_STATES)]),
            self._itss_part(
                self.env._("Planned trainings held (against those due so far)"), "itss.training.plan.line",
                [*plan_lines, ("is_held", "=", True), ("held_date", "<=", date_to)], need=max(1, due)),
            self._itss_part(
                self.env._("Sessions held with their attendance records"), "hr.course.schedule",
                [*sessions, ("attendee_count", ">", 0)], need=max(1, held_sessions)),
        ]

    def _itss_readiness_rule_performance(self, company, date_from, date_to):
        appraisals = [("company_id", "=", company.id), ("period_start", ">=", date_from),
                      ("period_start", "<=", date_to), ("state", "!=", "draft")]
        total = self.env["itss.performance.appraisal"].sudo().search_count(appraisals)
        return [
            self._itss_part_periods(
                self.env._("Appraisal rounds (months appraised)"), "itss.performance.appraisal", appraisals,
                "period_start", "month"),
            self._itss_part(
                self.env._("Appraisals acknowledged by the employee"), "itss.performance.appraisal",
                [*appraisals, ("state", "in", DONE_APPRAISAL_STATES)], need=max(1, total)),
        ]

    def _itss_om_post_domain(self, company):
        return [("company_id", "=", company.id), ("itss_grade_id", "!=", False)]

    def _itss_described_post_domain(self, company):
        return [*self._itss_om_post_domain(company), ("itss_responsibilities", "!=", False),
                ("itss_qualifications", "!=", False)]

    def _itss_readiness_rule_job_description(self, company, date_from, date_to):
        posts = self.env["hr.job"].sudo().search_count(self._itss_om_post_domain(company))
        described = self._itss_described_post_domain(company)
        return [
            self._itss_part(self.env._("O&M posts with responsibilities and qualifications"), "hr.job", described),
            self._itss_part(
                self.env._("Share of the O&M posts described"), "hr.job", described, need=max(1, posts)),
        ]

    def _itss_readiness_reports_job_description(self, company, date_from, date_to):
        posts = self.env["hr.job"].sudo().search(self._itss_described_post_domain(company))
        return [("itss_hr_skills.hr_job_description_report_action", posts)]

    def _itss_readiness_rule_skills(self, company, date_from, date_to):
        return [
            self._itss_part(
                self.env._("Approved skill evaluations of the year"), "itss.skill.evaluation",
                domain=[("company_id", "=", company.id), ("state", "=", "approved"),
                        ("date", ">=", date_from), ("date", "<=", date_to)]),
            self._itss_part(
                self.env._("Certificates of the staff valid in the year"), "hr.employee.skill",
                domain=[("employee_id.company_id", "=", company.id), ("skill_type_id.is_certification", "=", True),
                        ("valid_from", "<=", date_to), "|", ("valid_to", "=", False), ("valid_to", ">=", date_from)],
                need=1),
            self._itss_part(
                self.env._("Project experience lines of the staff's résumés"), "hr.resume.line",
                domain=[("employee_id.company_id", "=", company.id), ("itss_project_id", "!=", False),
                        ("date_start", "<=", date_to)], need=1),
        ]

    def _itss_readiness_reports_skills(self, company, date_from, date_to):
        evaluated = self.env["itss.skill.evaluation"].sudo().search(
            [("company_id", "=", company.id), ("state", "=", "approved"),
             ("date", ">=", date_from), ("date", "<=", date_to)]).employee_id
        staff = self.env["hr.employee"].sudo().search([("company_id", "=", company.id)])
        return [
            ("itss_hr_skills.skill_matrix_xlsx_report_action", staff),
            ("itss_hr_skills.hr_employee_experience_report_action", evaluated.sorted("id")),
        ]
