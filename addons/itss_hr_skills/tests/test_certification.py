# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ItssPeopleCase


@tagged("post_install", "-at_install")
class TestCertification(ItssPeopleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Skill = cls.env["hr.employee.skill"]
        cls.cert = cls.add_certification(cls.engineer, "2027-07-01", "2030-06-30")

    def _run_cron(self, day):
        with freeze_time(day):
            self.Skill._cron_remind_certification_expiry()
        return self.activities(self.engineer, "Certification expires")

    def test_reminders_on_the_right_days(self):
        """Day −61 nothing; −60 the 60-day reminder to engineer and manager; −59 nothing new; −30 the 30-day one."""
        self.assertFalse(self._run_cron("2030-04-30"))
        first = self._run_cron("2030-05-01")
        self.assertEqual(first.user_id, self.om_user | self.om_manager)
        self.assertEqual(set(first.mapped("summary")), {"Certification expires in 60 days"})
        self.assertEqual(self.cert.itss_reminded_days, 60)
        self.assertEqual(self._run_cron("2030-05-02"), first)
        self.assertEqual(self._run_cron("2030-05-30"), first)
        second = self._run_cron("2030-05-31") - first
        self.assertEqual(second.user_id, self.om_user | self.om_manager)
        self.assertEqual(set(second.mapped("summary")), {"Certification expires in 30 days"})
        self.assertEqual(len(self._run_cron("2030-06-15")), 4)
        self.assertEqual(len(self._run_cron("2030-07-15")), 4)

    def test_missed_day_caught_up(self):
        """A cron that missed day −60 sends the 60-day reminder on −59; a first run at −25 sends only the 30-day one."""
        self.assertEqual(len(self._run_cron("2030-05-02")), 2)
        other = self.add_certification(self.engineer2, "2027-07-01", "2030-06-30")
        with freeze_time("2030-06-05"):
            self.Skill._cron_remind_certification_expiry()
        reminders = self.activities(self.engineer2, "Certification expires")
        self.assertEqual(set(reminders.mapped("summary")), {"Certification expires in 30 days"})
        self.assertEqual(other.itss_reminded_days, 30)

    def test_hr_fallback_without_manager(self):
        """An engineer with neither user nor manager: HR (the HR responsible) gets the reminder."""
        loner = self.env["hr.employee"].create({"name": "王五", "hr_responsible_id": self.hr_officer.id})
        self.add_certification(loner, "2027-07-01", "2030-06-30")
        with freeze_time("2030-05-01"):
            self.Skill._cron_remind_certification_expiry()
        self.assertEqual(self.activities(loner, "Certification expires").user_id, self.hr_officer)

    def test_expired_certifications_stop_counting(self):
        """certification_count counts certifications valid today; the daily cron drops expired ones."""
        with freeze_time("2030-06-30"):
            self.engineer._compute_certification_count()
            self.assertEqual(self.engineer.certification_count, 1)
            self.add_certification(self.engineer, "2020-01-01", "2021-01-01", skill=self.cert_database)
            self.assertEqual(self.engineer.certification_count, 1)
        with freeze_time("2030-07-01"):
            self.Skill._cron_remind_certification_expiry()
            self.assertEqual(self.engineer.certification_count, 0)
            self.assertIn(self.engineer, self.env["hr.employee"].search([("certification_count", "=", 0)]))

    def test_kpi_certification_coverage(self):
        """CERT_COVERAGE: share of active engineers (post or grade) with a valid certification."""
        kpi = self.env.ref("itss_hr_skills.itss_kpi_cert_coverage")
        self.assertEqual(kpi.provider, "certification_coverage")
        Employee = self.env["hr.employee"]
        Employee.search([("id", "not in", (self.engineer | self.engineer2).ids)]).write(
            {"job_id": False, "itss_grade_id": False})
        with freeze_time("2029-01-01"):
            self.engineer._compute_certification_count()
            self.assertEqual(kpi._itss_kpi_provider_certification_coverage("2028-12-01", "2028-12-31"), {False: 50.0})
            self.engineer2.action_archive()
            self.assertEqual(kpi._itss_kpi_provider_certification_coverage("2028-12-01", "2028-12-31"), {False: 100.0})
            self.engineer.itss_grade_id = False
            self.assertEqual(kpi._itss_kpi_provider_certification_coverage("2028-12-01", "2028-12-31"), {})
