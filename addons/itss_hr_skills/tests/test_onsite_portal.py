# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.itss_capability.tests.common import ItssPortalCase


@tagged("post_install", "-at_install")
class TestOnsitePortal(ItssPortalCase):
    """Customer contacts see their own site's roster and score only the engineers stationed with them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hospital, cls.hospital_contact, hospital_project = cls.portal_customer(
            "pp_portal_hospital", "Portal Hospital", "Dr. Wang", project_name="Hospital on-site")
        cls.bank, cls.bank_contact, bank_project = cls.portal_customer(
            "pp_portal_bank", "Portal Bank", "Mr. Zhao", project_name="Bank on-site")
        Employee = cls.env["hr.employee"]
        today = cls.env.company._itss_today()
        Assignment = cls.env["itss.onsite.assignment"]
        cls.hospital_assignment = Assignment.create({
            "employee_id": Employee.create({"name": "Hospital Engineer"}).id, "project_id": hospital_project.id,
            "date_from": today - timedelta(days=30)})
        cls.bank_assignment = Assignment.create({
            "employee_id": Employee.create({"name": "Bank Engineer"}).id, "project_id": bank_project.id,
            "date_from": today - timedelta(days=30)})
        start = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        Shift = cls.env["itss.onsite.shift"]
        for assignment in (cls.hospital_assignment, cls.bank_assignment):
            Shift.create({"assignment_id": assignment.id, "planned_start": start,
                          "planned_end": start + timedelta(hours=1)})
        cls.Feedback = cls.env["itss.onsite.feedback"]

    def post_feedback(self, assignment, score, comments="Good work"):
        page = self.url_open("/my/onsite").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        token = token.group(1) if token else self.opener.cookies.get("session_id")
        return self.url_open("/my/onsite/feedback", data={
            "csrf_token": token, "assignment_id": assignment.id, "score": score, "comments": comments})

    def test_roster_of_own_site_only(self):
        """The hospital contact sees the hospital's engineer on the roster, never the bank's."""
        self.authenticate("pp_portal_hospital", "pp_portal_hospital")
        page = self.url_open("/my/onsite").text
        self.assertIn("Hospital Engineer", page)
        self.assertNotIn("Bank Engineer", page)
        with self.assertRaises(AccessError):  # the models themselves stay closed to portal users
            self.env["itss.onsite.shift"].with_user(self.hospital_contact).search([])

    def test_feedback_given_on_portal(self):
        """The hospital contact scores the hospital's engineer once a month; the author is the contact."""
        self.authenticate("pp_portal_hospital", "pp_portal_hospital")
        response = self.post_feedback(self.hospital_assignment, 5)
        self.assertIn("Thank you for your feedback", response.text)
        feedback = self.Feedback.search([("assignment_id", "=", self.hospital_assignment.id)])
        self.assertEqual((feedback.score, feedback.author_id), (5, self.hospital_contact.partner_id))
        again = self.post_feedback(self.hospital_assignment, 1)
        self.assertNotIn("Thank you for your feedback", again.text)
        self.assertEqual(self.Feedback.search_count([("assignment_id", "=", self.hospital_assignment.id)]), 1)

    def test_feedback_isolation_between_customers(self):
        """The bank contact cannot score the hospital's engineer, nor read the hospital's feedback."""
        self.Feedback.create({"assignment_id": self.hospital_assignment.id, "score": 4,
                              "period_start": self.env.company._itss_today().replace(day=1)})
        self.authenticate("pp_portal_bank", "pp_portal_bank")
        response = self.post_feedback(self.hospital_assignment, 1, "Not ours")
        self.assertIn("Unknown engineer", response.text)
        self.assertFalse(self.Feedback.search([("comments", "=", "Not ours")]))
        self.assertNotIn("Hospital Engineer", self.url_open("/my/onsite").text)
        with self.assertRaises(AccessError):
            self.Feedback.with_user(self.bank_contact).search([])

    def test_score_out_of_range_refused(self):
        """A forged score of 9 is refused with a clear message and nothing is written."""
        self.authenticate("pp_portal_hospital", "pp_portal_hospital")
        response = self.post_feedback(self.hospital_assignment, 9)
        self.assertIn("between 1 and 5", response.text)
        self.assertFalse(self.Feedback.search([("assignment_id", "=", self.hospital_assignment.id)]))


@tagged("post_install", "-at_install")
class TestEngineerDutyPage(ItssPortalCase):
    """The stationed engineer signs in and out of their own shift from the mobile web page /my/onsite."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _hospital, cls.customer_user, project = cls.portal_customer(
            "pp_duty_customer", "Duty Hospital", "Dr. Duty", project_name="Duty hospital on-site")
        Employee = cls.env["hr.employee"]
        Assignment = cls.env["itss.onsite.assignment"]
        today = cls.env.company._itss_today()
        # An hour ago, but never before the company's local midnight: the page lists today's shifts.
        start = max(fields.Datetime.now().replace(microsecond=0) - timedelta(hours=1),
                    cls.env.company._itss_utc_bounds(today, today)[0])
        cls.shifts = {}
        for login in ("pp_duty_engineer", "pp_duty_colleague"):
            user = new_test_user(cls.env, login, groups="itss_capability.group_itss_user")
            assignment = Assignment.create({
                "employee_id": Employee.create({"name": f"Engineer {login}", "user_id": user.id}).id,
                "project_id": project.id, "date_from": today - timedelta(days=3)})
            cls.shifts[login] = cls.env["itss.onsite.shift"].create({
                "assignment_id": assignment.id, "planned_start": start, "planned_end": start + timedelta(hours=8)})
        cls.shift = cls.shifts["pp_duty_engineer"]

    def post(self, action, shift):
        return self.url_open(f"/my/onsite/{action}", data={
            "csrf_token": self.csrf_token("/my/onsite"), "shift_id": shift.id})

    def test_sign_in_and_out_from_the_page(self):
        """The engineer sees today's shift, signs in, then signs out; the shift records both times."""
        self.authenticate("pp_duty_engineer", "pp_duty_engineer")
        page = self.url_open("/my/onsite").text
        self.assertIn("Duty Hospital", page)
        self.assertIn("/my/onsite/sign_in", page)
        self.assertIn("Signed in.", self.post("sign_in", self.shift).text)
        self.assertEqual(self.shift.state, "present")
        self.assertIn("/my/onsite/sign_out", self.url_open("/my/onsite").text)
        self.assertIn("Signed out.", self.post("sign_out", self.shift).text)
        self.assertEqual(self.shift.state, "done")
        self.assertTrue(self.shift.check_in and self.shift.check_out)

    def test_sign_out_before_sign_in_refused(self):
        """Signing out before signing in shows the reason; the shift stays planned."""
        self.authenticate("pp_duty_engineer", "pp_duty_engineer")
        self.assertIn("Sign in to the shift", self.post("sign_out", self.shift).text)
        self.assertEqual((self.shift.state, self.shift.check_out), ("planned", False))

    def test_colleague_shift_refused(self):
        """An engineer cannot sign a colleague in by posting the colleague's shift id."""
        colleague_shift = self.shifts["pp_duty_colleague"]
        self.authenticate("pp_duty_engineer", "pp_duty_engineer")
        self.assertNotIn("Engineer pp_duty_colleague", self.url_open("/my/onsite").text)
        self.assertIn("Unknown shift", self.post("sign_in", colleague_shift).text)
        self.assertEqual(colleague_shift.state, "planned")

    def test_customer_cannot_sign(self):
        """A portal customer of the site cannot sign the engineer in."""
        self.authenticate("pp_duty_customer", "pp_duty_customer")
        self.assertIn("Unknown shift", self.post("sign_in", self.shift).text)
        self.assertEqual(self.shift.state, "planned")
