# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import PeopleGuardCase

# 17:00 UTC on May 31st is already June 1st, 01:00 in Shanghai (UTC+8), the company's time zone.
SHANGHAI_JUNE_1 = "2025-05-31 17:00:00"


@tagged("post_install", "-at_install")
class TestCompanyPeriods(PeopleGuardCase):
    """Months, years and "today" are cut in the company's time zone (Asia/Shanghai), not in UTC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cert_type = cls.env["hr.skill.type"].create({
            "name": "Test certificates", "is_certification": True,
            "skill_level_ids": [(0, 0, {"name": "Certified", "level_progress": 100})],
            "skill_ids": [(0, 0, {"name": "Test certificate"})]})
        cls.cert = cls.env["hr.employee.skill"].create({
            "employee_id": cls.engineer.id, "skill_type_id": cls.cert_type.id,
            "skill_id": cls.cert_type.skill_ids.id, "skill_level_id": cls.cert_type.skill_level_ids.id,
            "valid_from": "2024-01-01", "valid_to": "2025-07-31"})

    def test_defaults_follow_company_day(self):
        """At 01:00 in Shanghai on June 1st, new appraisals, batches and evaluations default to June."""
        with freeze_time(SHANGHAI_JUNE_1):
            appraisal = self.env["itss.performance.appraisal"].with_user(self.hr_officer).create({
                "employee_id": self.engineer.id, "template_id": self.template.id})
            batch = self.env["itss.appraisal.batch"].with_user(self.hr_officer).create({
                "department_id": self.department.id, "template_id": self.template.id})
            evaluation = self.env["itss.skill.evaluation"].with_user(self.hr_officer).create({
                "employee_id": self.engineer.id, "kind": "knowledge"})
            plan = self.env["itss.hr.plan"].with_user(self.hr_officer).create({})
        self.assertEqual(appraisal.period_start, date(2025, 6, 1))
        self.assertEqual(batch.period_start, date(2025, 6, 1))
        self.assertEqual(evaluation.date, date(2025, 6, 1))
        self.assertEqual(plan.year, 2025)

    def test_approval_date_in_company_day(self):
        """An evaluation approved at 01:00 Shanghai time is dated of the company's day."""
        evaluation = self.make_evaluation(scores={"Network basics": 9, "OS basics": 10})
        evaluation.action_submit()
        with freeze_time(SHANGHAI_JUNE_1):
            evaluation.with_user(self.hr_manager).action_approve()
        self.assertEqual(evaluation.approved_date, date(2025, 6, 1))

    def test_certification_reminder_on_company_day(self):
        """The 60-day reminder fires when it is June 1st in Shanghai, though still May 31st in UTC."""
        Skill = self.env["hr.employee.skill"]
        with freeze_time("2025-05-31 15:00:00"):  # 23:00 in Shanghai: 61 days left
            Skill._cron_remind_certification_expiry()
        self.assertFalse(self.cert.itss_reminded_days)
        with freeze_time(SHANGHAI_JUNE_1):
            Skill._cron_remind_certification_expiry()
        self.assertEqual(self.cert.itss_reminded_days, 60)

    def test_certification_expiry_on_company_day(self):
        """A certification valid to July 31st stops counting at 00:30 on August 1st in Shanghai."""
        with freeze_time("2025-07-31 15:00:00"):
            self.engineer._compute_certification_count()
            self.assertEqual(self.engineer.certification_count, 1)
        with freeze_time("2025-07-31 16:30:00"):
            self.engineer._compute_certification_count()
            self.assertEqual(self.engineer.certification_count, 0)
            kpi = self.env.ref("itss_hr_skills.itss_kpi_cert_coverage")
            coverage = kpi._itss_kpi_provider_certification_coverage("2025-08-01", "2025-08-31")
            self.assertNotIn(100.0, coverage.values())

    def test_experience_review_on_company_day(self):
        """The yearly review reminder is due when the company's day is past the anniversary."""
        Employee = self.env["hr.employee"]
        self.engineer.experience_reviewed_on = "2025-03-01"
        with freeze_time("2026-03-01 15:00:00"):  # 23:00 March 1st in Shanghai: not yet due
            Employee._cron_remind_experience_review()
        self.assertFalse(self.engineer.experience_review_reminded)
        with freeze_time("2026-03-01 16:30:00"):  # 00:30 March 2nd in Shanghai
            Employee._cron_remind_experience_review()
        self.assertTrue(self.engineer.experience_review_reminded)

    def test_onsite_current_on_company_day(self):
        """An assignment starting June 1st is current at 01:00 Shanghai time."""
        customer = self.env["res.partner"].create({"name": "Test Customer", "is_company": True})
        project = self.env["itss.service.project"].create({"name": "Test O&M", "partner_id": customer.id,
                                                           "state": "active"})
        assignment = self.env["itss.onsite.assignment"].create({
            "employee_id": self.engineer.id, "project_id": project.id, "date_from": "2025-06-01"})
        with freeze_time(SHANGHAI_JUNE_1):
            assignment.invalidate_recordset(["is_current"])
            self.assertTrue(assignment.is_current)
            self.assertIn(assignment, self.env["itss.onsite.assignment"].search([("is_current", "=", True)]))
