# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ItssPeopleCase


@tagged("post_install", "-at_install")
class TestOnsiteLife(ItssPeopleCase):
    """Duty roster and attendance, client feedback, rewards and penalties of stationed engineers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Assignment = cls.env["itss.onsite.assignment"]
        cls.assignment = Assignment.create({
            "employee_id": cls.engineer.id, "project_id": cls.project.id, "date_from": "2041-09-01",
            "date_to": "2041-12-31"})
        cls.assignment2 = Assignment.create({
            "employee_id": cls.engineer2.id, "project_id": cls.project2.id, "date_from": "2041-09-01"})
        Shift = cls.env["itss.onsite.shift"]
        cls.shift = Shift.create({"assignment_id": cls.assignment.id, "planned_start": datetime(2041, 9, 23, 0),
                                  "planned_end": datetime(2041, 9, 23, 9)})
        cls.shift2 = Shift.create({"assignment_id": cls.assignment2.id, "planned_start": datetime(2041, 9, 23, 0),
                                   "planned_end": datetime(2041, 9, 23, 9)})

    # roster and attendance
    def test_plan_roster_from_service_hours(self):
        """Planning the roster gives one shift per working day of the project's calendar, none twice."""
        self.project.resource_calendar_id = self.env.ref("resource.resource_calendar_std")
        with freeze_time("2041-10-10"):
            self.assignment.with_user(self.om_manager).action_plan_shifts()
            shifts = self.env["itss.onsite.shift"].search([("assignment_id", "=", self.assignment.id),
                                                           ("date", ">=", "2041-10-01")])
            self.assertEqual(len(shifts), 23 + 21)  # working days of October and November 2041
            self.assignment.with_user(self.om_manager).action_plan_shifts()
        self.assertEqual(self.env["itss.onsite.shift"].search_count(
            [("assignment_id", "=", self.assignment.id), ("date", ">=", "2041-10-01")]), 44)

    def test_engineer_refused_planning(self):
        """Only O&M managers plan the roster."""
        with self.assertRefused(AccessError, "Only O&M managers plan"):
            self.assignment.with_user(self.om_user).action_plan_shifts()

    def test_sign_in_and_out(self):
        """The engineer signs in then out of their shift; the hours worked are counted."""
        with freeze_time("2041-09-23 00:10:00"):
            self.shift.with_user(self.om_user).action_sign_in()
        with freeze_time("2041-09-23 09:10:00"):
            self.shift.with_user(self.om_user).action_sign_out()
        self.assertEqual(self.shift.state, "done")
        self.assertEqual(self.shift.worked_hours, 9.0)
        self.assertTrue(self.shift.late)
        with self.assertRefused(AccessError, "is finished"):
            self.shift.with_user(self.om_manager).planned_end = datetime(2041, 9, 23, 10)

    def test_sign_out_before_sign_in_refused(self):
        """Signing out of a shift never signed in is refused; nothing changes."""
        with self.assertRefused(UserError, "Sign in to the shift"):
            self.shift.with_user(self.om_user).action_sign_out()
        self.assertEqual(self.shift.state, "planned")
        self.assertFalse(self.shift.check_out)

    def test_attendance_written_only_by_actions(self):
        """Sign-in times cannot be written directly, not even by the manager."""
        with self.assertRefused(AccessError, "set by its actions"):
            self.shift.with_user(self.om_manager).write({"check_in": datetime(2041, 9, 23, 0)})

    def test_no_signing_for_others(self):
        """An engineer cannot sign in to a colleague's shift, and does not even read it."""
        with self.assertRaises(AccessError):
            self.shift2.with_user(self.om_user).action_sign_in()
        self.assertEqual(self.shift2.state, "planned")
        self.assertFalse(self.env["itss.onsite.shift"].with_user(self.om_user).search(
            [("id", "=", self.shift2.id)]))

    def test_overlapping_shifts_refused(self):
        """Two shifts of one engineer cannot overlap; nothing is created."""
        with self.assertRefused(ValidationError, "cannot overlap"):
            self.env["itss.onsite.shift"].create({
                "assignment_id": self.assignment.id, "planned_start": datetime(2041, 9, 23, 8),
                "planned_end": datetime(2041, 9, 23, 12)})
        self.assertEqual(self.env["itss.onsite.shift"].search_count([("assignment_id", "=", self.assignment.id)]), 1)

    def test_shift_outside_assignment_refused(self):
        """A shift on a day outside the engineer's assignment is refused."""
        with self.assertRefused(ValidationError, "outside the on-site assignment"):
            self.env["itss.onsite.shift"].create({
                "assignment_id": self.assignment.id, "planned_start": datetime(2042, 1, 5, 0),
                "planned_end": datetime(2042, 1, 5, 9)})

    def test_absence_needs_reason(self):
        """An absence needs a reason; then the customer is informed and the replacement recorded."""
        with self.assertRefused(UserError, "Give the reason of the absence"):
            self.shift.with_user(self.om_manager).action_mark_absent()
        self.assertEqual(self.shift.state, "planned")
        with self.assertRefused(AccessError, "set by its actions"):
            self.shift.with_user(self.om_manager).write({"customer_informed": True})
        self.shift.with_user(self.om_manager).write({"absence_reason": "Sick leave"})
        self.shift.with_user(self.om_manager).action_mark_absent()
        self.assertEqual((self.shift.state, self.shift.customer_informed), ("absent", True))
        with self.assertRefused(AccessError, "Only O&M managers record absences"):
            self.shift2.with_user(self.om_user2).action_mark_absent()

    # client feedback
    def make_feedback(self, assignment=None, score=4, **vals):
        return self.env["itss.onsite.feedback"].create({
            "assignment_id": (assignment or self.assignment).id, "score": score,
            "period_start": date(2041, 9, 1), **vals})

    def test_feedback_score_range(self):
        """A feedback score outside 1–5 is refused."""
        for score in (0, 6, -1):
            with self.assertRefused(ValidationError, "between 1 and 5"):
                self.make_feedback(score=score)
        self.assertFalse(self.env["itss.onsite.feedback"].search([("assignment_id", "=", self.assignment.id)]))

    def test_feedback_visibility(self):
        """Engineers read their own feedback only; HR, QA and the manager read all; content stays as given."""
        mine = self.make_feedback(comments="Quick and careful")
        theirs = self.make_feedback(self.assignment2, score=2)
        Feedback = self.env["itss.onsite.feedback"]
        self.assertEqual(Feedback.with_user(self.om_user).search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.om_user).read(["score"])
        for user in (self.hr_officer, self.qa, self.om_manager, self.executive):
            self.assertEqual(Feedback.with_user(user).search([("id", "in", (mine | theirs).ids)]), mine | theirs)
        with self.assertRefused(AccessError, "is closed"):
            mine.with_user(self.om_manager).score = 5
        with self.assertRaises(AccessError):
            Feedback.with_user(self.hr_officer).create({"assignment_id": self.assignment.id, "score": 5})

    def test_feedback_feeds_appraisal(self):
        """The client-feedback criterion of the month's appraisal takes the average feedback (1–5 → 20–100)."""
        self.make_feedback(score=4)
        self.make_feedback(score=5, author_id=self.customer.id)
        template = self.env["itss.appraisal.template"].create({
            "name": "On-site monthly", "period_type": "month",
            "line_ids": [Command.create({"name": "Work quality", "weight": 70}),
                         Command.create({"name": "Client feedback", "weight": 30, "itss_source": "client_feedback"})]})
        appraisal = self.env["itss.performance.appraisal"].create({
            "employee_id": self.engineer.id, "template_id": template.id, "period_start": "2041-09-01"})
        appraisal.line_ids[0].score = 80
        appraisal.with_user(self.hr_officer).action_fill_onsite()
        self.assertEqual(appraisal.line_ids[1].score, 90.0)
        self.assertEqual(appraisal.overall_rating, 83.0)

    # rewards and penalties
    def make_sanction(self, employee=None, kind="reward", points=5, **vals):
        return self.env["itss.onsite.sanction"].with_user(self.om_manager).create({
            "employee_id": (employee or self.engineer).id, "kind": kind, "points": points,
            "reason": "Restored the HIS database at night", "date": "2041-09-20", **vals})

    def test_sanction_approval_affects_appraisal(self):
        """An approved reward adds its points to the draft appraisal of its month; a penalty takes them."""
        appraisal = self.env["itss.performance.appraisal"].create({
            "employee_id": self.engineer.id, "period_start": "2041-09-01",
            "line_ids": [Command.create({"name": "Quality", "weight": 100, "score": 80})]})
        reward = self.make_sanction()
        reward.action_submit()
        reward.with_user(self.om_manager).action_approve()
        self.assertEqual((reward.state, reward.approved_by_id), ("approved", self.om_manager))
        self.assertEqual(appraisal.sanction_points, 5)
        self.assertEqual(appraisal.overall_rating, 85.0)
        penalty = self.make_sanction(kind="penalty", points=8, reason="Left the site without a replacement")
        penalty.action_submit()
        penalty.with_user(self.om_manager).action_approve()
        self.assertEqual(appraisal.overall_rating, 77.0)
        with self.assertRefused(AccessError, "is closed"):
            reward.with_user(self.om_manager).points = 10

    def test_sanction_roles(self):
        """HR reads but does not approve; engineers read only their own and never a colleague's."""
        reward = self.make_sanction()
        other = self.make_sanction(self.engineer2, kind="penalty")
        (reward | other).action_submit()
        with self.assertRefused(AccessError, "Only O&M managers approve"):
            reward.with_user(self.hr_officer).action_approve()
        self.assertTrue(reward.with_user(self.hr_officer).read(["reason"]))
        Sanction = self.env["itss.onsite.sanction"]
        self.assertEqual(Sanction.with_user(self.om_user).search([("id", "in", (reward | other).ids)]), reward)
        with self.assertRaises(AccessError):
            other.with_user(self.om_user).read(["reason"])
        with self.assertRaises(AccessError):
            Sanction.with_user(self.om_user).create({"employee_id": self.engineer.id, "reason": "Self-reward"})
        with self.assertRefused(AccessError, "set by its actions"):
            reward.with_user(self.om_manager).write({"state": "approved"})

    def test_own_sanction_not_decided(self):
        """An O&M manager cannot approve their own reward."""
        own = self.make_sanction(self.manager_employee)
        own.action_submit()
        with self.assertRefused(UserError, "your own"):
            own.with_user(self.om_manager).action_approve()

    def test_bad_sanction_refused(self):
        """Points outside 0–20 or an empty reason are refused."""
        with self.assertRefused(ValidationError, "between 0 and 20"):
            self.make_sanction(points=50)
        with self.assertRefused(ValidationError, "reason"):
            self.make_sanction(reason="  ")

    def test_other_company_sees_nothing(self):
        """A manager of another company reads no shift, feedback or reward of this one."""
        company2 = self.env["res.company"].create({"name": "Other O&M company"})
        manager2 = new_test_user(self.env, "pp_manager_c2", groups="itss_capability.group_itss_manager",
                                 company_id=company2.id, company_ids=[Command.set(company2.ids)])
        self.make_feedback()
        self.make_sanction()
        for model in ("itss.onsite.shift", "itss.onsite.feedback", "itss.onsite.sanction"):
            self.assertFalse(self.env[model].with_user(manager2).search([]), model)

    def test_customer_satisfaction_kpi(self):
        """客户满意度 averages customer visits and on-site feedback of the period, per project or overall."""
        self.make_feedback(score=4)
        self.make_feedback(self.assignment2, score=2)
        self.env["itss.customer.visit"].create({
            "name": "Quarterly visit", "partner_id": self.customer.id, "project_id": self.project.id,
            "date": "2041-09-15", "satisfaction": 5}).sudo().write({"state": "done"})
        kpi = self.env.ref("itss_capability.itss_kpi_customer_sat")
        self.assertEqual(kpi.provider, "customer_satisfaction")
        self.assertEqual(kpi._itss_kpi_provider_customer_satisfaction(date(2041, 9, 1), date(2041, 9, 30)),
                         {False: round(11 / 3, 2)})
        kpi.level = "project"
        self.assertEqual(kpi._itss_kpi_provider_customer_satisfaction(date(2041, 9, 1), date(2041, 9, 30)),
                         {self.project.id: 4.5, self.project2.id: 2.0})

    def test_safety_incident_needs_measures(self):
        """An engineer reports a safety incident; only a manager closes it, with the measures taken."""
        Event = self.env["itss.onsite.event"]
        with self.assertRefused(ValidationError, "people, equipment or both"):
            Event.with_user(self.om_user).create({"name": "UPS smoke", "kind": "safety_incident",
                                                  "project_id": self.project.id})
        incident = Event.with_user(self.om_user).create({
            "name": "UPS smoke", "kind": "safety_incident", "affects": "equipment", "project_id": self.project.id,
            "employee_ids": [Command.set(self.engineer.ids)]})
        with self.assertRefused(AccessError, "Only O&M managers close"):
            incident.action_close()
        with self.assertRefused(UserError, "measures taken"):
            incident.with_user(self.om_manager).action_close()
        incident.with_user(self.om_user).measures = "Battery replaced, room ventilated"
        incident.with_user(self.om_manager).action_close()
        self.assertEqual((incident.state, incident.closed_by_id), ("closed", self.om_manager))
        with self.assertRefused(AccessError, "is closed"):
            incident.with_user(self.om_manager).measures = "changed"
        with self.assertRaises(AccessError):
            incident.with_user(self.qa).write({"name": "x"})
