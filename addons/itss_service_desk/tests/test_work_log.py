# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ServiceDeskCase


@tagged("post_install", "-at_install")
class TestWorkLog(ServiceDeskCase):
    """Daily work logs of stationed engineers and the work reports built from them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.has_people = "itss.onsite.assignment" in cls.env
        if cls.has_people:
            Employee = cls.env["hr.employee"]
            for user in (cls.engineer, cls.engineer2):
                cls.env["itss.onsite.assignment"].create({
                    "employee_id": Employee.create({"name": user.name, "user_id": user.id}).id,
                    "project_id": cls.project.id, "date_from": "2041-09-01", "date_to": "2041-12-31"})
        cls.ticket = cls.env["helpdesk.ticket"].create({
            "name": "Ward printer down", "description": "<p>x</p>", "service_project_id": cls.project.id,
            "partner_id": cls.customer.id, "itss_reported_at": datetime(2041, 9, 10, 2)})

    def make_log(self, user=None, day=date(2041, 9, 10), **vals):
        return self.env["itss.work.log"].with_user(user or self.engineer).create({
            "project_id": self.project.id, "date": day, "hours": 3, "category": "incident",
            "description": "Replaced the ward printer fuser", "ticket_ids": [(6, 0, self.ticket.ids)], **vals})

    def test_engineer_keeps_own_logs(self):
        """An engineer writes their own logs and never reads a colleague's; the manager reads all."""
        mine = self.make_log()
        theirs = self.make_log(self.engineer2, description="Database backup check")
        Log = self.env["itss.work.log"]
        self.assertEqual(Log.with_user(self.engineer).search([("id", "in", (mine | theirs).ids)]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.engineer).write({"hours": 1})
        self.assertEqual(Log.with_user(self.manager).search([("id", "in", (mine | theirs).ids)]), mine | theirs)
        with self.assertRaises(AccessError):
            Log.with_user(self.executive).create({"project_id": self.project.id, "hours": 1, "description": "x",
                                                  "date": date(2041, 9, 10)})

    def test_bad_hours_refused(self):
        """Hours outside 0–24 are refused."""
        with self.assertRefused(ValidationError, "between 0 and 24"):
            self.make_log(hours=25)

    def test_log_outside_assignment_refused(self):
        """A log on a day outside the engineer's on-site assignment is refused (people module installed)."""
        if not self.has_people:
            self.skipTest("itss_hr_skills is not installed: on-site assignments are unknown")
        with self.assertRefused(ValidationError, "is not stationed"):
            self.make_log(day=date(2042, 1, 5))
        self.assertFalse(self.env["itss.work.log"].search([("date", "=", "2042-01-05")]))

    def test_report_generated_sent_frozen(self):
        """The monthly report counts the logs and tickets of the month; once sent, the logs are frozen."""
        log = self.make_log()
        self.make_log(self.engineer2, day=date(2041, 10, 2))
        report = self.env["itss.work.report"].with_user(self.engineer).create({
            "project_id": self.project.id, "period_type": "month", "date_from": "2041-09-01"})
        report.action_generate()
        self.assertEqual((report.log_ids, report.hours, report.ticket_count), (log, 3.0, 1))
        self.assertIn("Replaced the ward printer fuser", report.summary)
        with self.assertRefused(AccessError, "Only O&M managers send"):
            report.action_send()
        report.with_user(self.manager).action_send()
        self.assertEqual(report.state, "sent")
        with self.assertRefused(AccessError, "sent to the customer"):
            log.with_user(self.engineer).write({"hours": 1})
        with self.assertRefused(AccessError, "is closed"):
            report.with_user(self.manager).write({"next_plan": "<p>changed</p>"})

    def test_bad_period_refused(self):
        """A monthly report not starting on the 1st, or a weekly one not on a Monday, is refused."""
        Report = self.env["itss.work.report"]
        with self.assertRefused(ValidationError, "first day of a month"):
            Report.create({"project_id": self.project.id, "period_type": "month", "date_from": "2041-09-02"})
        with self.assertRefused(ValidationError, "Monday"):
            Report.create({"project_id": self.project.id, "period_type": "week", "date_from": "2041-09-24"})

    def test_sign_only_when_sent(self):
        """A draft report cannot be signed off."""
        report = self.env["itss.work.report"].create({
            "project_id": self.project.id, "period_type": "month", "date_from": "2041-09-01"})
        with self.assertRefused(UserError, "not waiting for your sign-off"):
            report._itss_portal_sign("Dr. Wang")
