# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ItssPeopleCase

# Wednesday 23 October 2041, 10:00 UTC.
NOW = "2041-10-23 10:00:00"


@tagged("post_install", "-at_install")
class TestOnsiteOverview(ItssPeopleCase):
    """The O&M manager's on-site overview: who is where today, attendance, feedback trend, safety, plans."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.resource_calendar_id.tz = "UTC"
        Assignment = cls.env["itss.onsite.assignment"]
        cls.assignment = Assignment.create({
            "employee_id": cls.engineer.id, "project_id": cls.project.id, "date_from": "2041-09-01"})
        cls.assignment2 = Assignment.create({
            "employee_id": cls.engineer2.id, "project_id": cls.project2.id, "date_from": "2041-09-01"})
        Shift = cls.env["itss.onsite.shift"]
        shifts = Shift.create([
            {"assignment_id": cls.assignment.id, "planned_start": datetime(2041, 10, day, 8),
             "planned_end": datetime(2041, 10, day, 17)} for day in (20, 21, 22, 23)])
        shifts[0].write({"state": "done", "check_in": datetime(2041, 10, 20, 8),
                          "check_out": datetime(2041, 10, 20, 17)})
        shifts[1].write({"state": "done", "check_in": datetime(2041, 10, 21, 9),
                          "check_out": datetime(2041, 10, 21, 17)})
        shifts[2].write({"state": "absent", "absence_reason": "Sick", "replacement_id": cls.engineer2.id})
        shifts[3].write({"state": "present", "check_in": datetime(2041, 10, 23, 8)})
        Feedback = cls.env["itss.onsite.feedback"]
        for month, score in ((date(2041, 9, 1), 3), (date(2041, 10, 1), 5)):
            Feedback.create({"assignment_id": cls.assignment.id, "period_start": month, "score": score})
        Event = cls.env["itss.onsite.event"]
        Event.create([
            {"name": "UPS room briefing", "project_id": cls.project.id},
            {"name": "Cable tray fall", "project_id": cls.project.id, "kind": "safety_incident", "affects": "people"},
            {"name": "Team dinner", "project_id": cls.project.id, "kind": "team_activity"},
        ])
        closed = Event.create({"name": "Old briefing", "project_id": cls.project.id})
        closed.with_user(cls.om_manager).action_close()

    def cards(self, user):
        with freeze_time(NOW):
            cards = self.env["itss.onsite.assignment"].with_user(user).search([("is_current", "=", True)])
            return {card.employee_id: card for card in cards if card in self.assignment | self.assignment2}

    def test_who_is_where_and_attendance(self):
        """Today's state and hours, this month's attendance rate, lateness and absences per engineer."""
        with freeze_time(NOW):
            card = self.assignment.with_user(self.om_manager)
            self.assertEqual((card.today_state, card.today_hours), ("present", "08:00–17:00"))
            self.assertEqual(card.month_attendance_rate, 66.7, "2 of 3 finished shifts attended")
            self.assertEqual((card.month_late_count, card.month_absent_count), (1, 1))
            self.assertEqual(self.assignment2.today_state, "off")

    def test_safety_and_feedback_trend(self):
        """Open safety briefings and incidents count (not team activities, not closed ones); the trend
        shows each month's average score."""
        with freeze_time(NOW):
            card = self.assignment.with_user(self.om_manager)
            self.assertEqual(card.open_safety_count, 2)
            self.assertIn("2041-09: 3.0", str(card.feedback_trend))
            self.assertIn("2041-10: 5.0", str(card.feedback_trend))
            self.assertIn("2041-08: -", str(card.feedback_trend))
            action = card.action_view_feedback_trend()
            self.assertEqual(action["views"][0][1], "graph")
            self.assertEqual(card.action_view_safety_items()["domain"],
                             [("project_id", "=", self.project.id), ("state", "=", "open")])

    def test_overdue_plans(self):
        """Planned work of an approved plan past its date shows on the site's card (service desk installed)."""
        if "itss.work.plan" not in self.env:
            self.skipTest("itss_service_desk is not installed: no work plans")
        plan = self.env["itss.work.plan"].create({
            "name": "October plan", "project_id": self.project.id, "date_from": "2041-10-01",
            "date_to": "2041-10-31",
            "item_ids": [(0, 0, {"name": "UPS inspection", "planned_date": "2041-10-10"}),
                         (0, 0, {"name": "Training", "planned_date": "2041-10-30"})]})
        with freeze_time(NOW):
            self.assertEqual(self.assignment.overdue_plan_count, 0, "a draft plan is not due yet")
            plan.with_user(self.om_manager).action_approve()
            self.assignment.invalidate_recordset(["overdue_plan_count"])
            self.assertEqual(self.assignment.overdue_plan_count, 1)

    def test_overview_readers(self):
        """HR, QA and executives open the overview and read every site's card."""
        for user in (self.hr_officer, self.qa, self.executive, self.om_manager):
            cards = self.cards(user)
            self.assertEqual(set(cards), {self.engineer, self.engineer2})
            self.assertEqual(cards[self.engineer].open_safety_count, 2)
