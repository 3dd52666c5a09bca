# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ServiceDeskCase

# 00:30 on Friday 1 November 2041 in Shanghai; still Thursday 31 October in UTC.
SHANGHAI_FIRST = "2041-10-31 16:30:00"
# 23:30 on Thursday 31 October 2041 in Shanghai.
SHANGHAI_LAST_DAY = "2041-10-31 15:30:00"


@tagged("post_install", "-at_install")
class TestWorkReportCron(ServiceDeskCase):
    """The daily cron writes last week's and last month's work reports of every on-site project, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        if "itss.onsite.assignment" in cls.env:
            cls.env["itss.onsite.assignment"].create({
                "employee_id": cls.env["hr.employee"].create({"name": "Cron engineer",
                                                              "user_id": cls.engineer.id}).id,
                "project_id": cls.project.id, "date_from": "2041-09-01", "date_to": "2041-12-31"})
        Log = cls.env["itss.work.log"]
        for day, hours in ((date(2041, 9, 15), 1), (date(2041, 10, 8), 2), (date(2041, 10, 22), 3),
                           (date(2041, 10, 31), 4)):
            Log.create({"project_id": cls.project.id, "user_id": cls.engineer.id, "date": day, "hours": hours,
                        "category": "support", "description": f"Support on {day}"})
        cls.Report = cls.env["itss.work.report"]

    def project_reports(self):
        return self.Report.search([("project_id", "=", self.project.id)])

    def run_cron(self, moment):
        with freeze_time(moment):
            self.Report._cron_generate_reports()

    def test_weekly_and_monthly_reports(self):
        """On the 1st (company time) the cron writes last week's and last month's draft reports, generated."""
        self.run_cron(SHANGHAI_FIRST)
        reports = self.project_reports()
        self.assertEqual(sorted((r.period_type, r.date_from) for r in reports),
                         [("month", date(2041, 10, 1)), ("week", date(2041, 10, 21))])
        month = reports.filtered(lambda r: r.period_type == "month")
        week = reports - month
        self.assertEqual((month.state, month.hours, len(month.log_ids)), ("draft", 9, 3))
        self.assertEqual((week.hours, len(week.log_ids)), (3, 1))

    def test_company_time_zone(self):
        """At 23:30 on 31 October in Shanghai the month is not over: September is reported, not October."""
        self.run_cron(SHANGHAI_LAST_DAY)
        months = self.project_reports().filtered(lambda r: r.period_type == "month")
        self.assertEqual(months.date_from, date(2041, 9, 1))

    def test_running_twice_creates_nothing_more(self):
        """A second run (or a run after a report was written by hand) adds no duplicate."""
        self.run_cron(SHANGHAI_FIRST)
        first = self.project_reports()
        self.run_cron(SHANGHAI_FIRST)
        self.assertEqual(self.project_reports(), first)

    def test_concurrent_worker_skipped(self):
        """A report another worker created after this one looked is skipped by the unique constraint."""
        existing = self.Report.create({"project_id": self.project.id, "period_type": "month",
                                       "date_from": date(2041, 10, 1)})
        Model = type(self.Report)
        with patch.object(Model, "search", lambda records, *args, **kwargs: records.browse()):
            created = self.Report._itss_create_reports([
                {"project_id": self.project.id, "period_type": "month", "date_from": date(2041, 10, 1)}])
        self.assertFalse(created)
        self.assertEqual(self.project_reports(), existing)

    def test_projects_without_onsite_work_skipped(self):
        """A project with neither a stationed engineer nor logs gets no report."""
        quiet = self.make_project("Quiet O&M", "Quiet Customer")
        self.run_cron(SHANGHAI_FIRST)
        self.assertFalse(self.Report.search([("project_id", "=", quiet.id)]))
