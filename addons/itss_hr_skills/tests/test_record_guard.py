# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PeopleGuardCase

GUARD = "set by its actions"


@tagged("post_install", "-at_install")
class TestRecordGuard(PeopleGuardCase):
    """Workflow fields change only through the actions, which check the caller's group and access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job = cls.env["hr.job"].create({"name": "Test O&M post", "itss_grade_id": cls.junior.id,
                                            "headcount_needed": 2})
        cls.engineer.job_id = cls.job
        cls.plan = cls.env["itss.hr.plan"].create({"year": 2041})
        cls.plan.action_refresh_lines()

    def assertProtected(self, records, users, vals, pattern=GUARD):
        """Every user of ``users`` is refused writing each field of ``vals`` directly."""
        for user in users:
            for fname, value in vals.items():
                with self.subTest(user=user.login, field=fname), self.assertRefused(AccessError, pattern):
                    records.with_user(user).write({fname: value})

    # O&M human-resources plan --------------------------------------------------------------------------
    def test_hr_plan_fields_protected(self):
        """State, approver, approval date and the posts' snapshot figures cannot be written by any role."""
        writers = (self.om_manager, self.hr_officer, self.hr_manager)
        for user in writers:
            with self.assertRefused(AccessError, GUARD):
                self.plan.with_user(user).state = "approved"
        vals = {"state": "approved", "approved_by_id": self.hr_manager.id, "approved_date": "2041-01-05"}
        self.assertProtected(self.plan, writers, vals)
        self.assertProtected(self.plan, (self.executive, self.qa, self.om_engineer), vals, pattern=".")
        line = self.plan.line_ids.filtered(lambda l: l.job_id == self.job)
        self.assertProtected(line, writers, {
            "headcount_needed": 9, "holder_count": 9, "reserve_member_count": 9, "reserve_headcount": 9,
            "reserve_rate": 50.0, "has_reserve_rate": False, "reserve_target": 10.0})
        with self.assertRefused(AccessError, GUARD):
            self.env["itss.hr.plan"].with_user(self.om_manager).create({"year": 2042, "state": "approved"})
        line.with_user(self.hr_officer).recruitment = 1
        self.assertEqual(self.plan.state, "draft")

    def test_hr_plan_approval_roles(self):
        """Only HR managers and executives approve (True returned); the approved plan is frozen."""
        for user in (self.om_manager, self.hr_officer, self.qa, self.om_engineer):
            with self.assertRefused(AccessError, "."):
                self.plan.with_user(user).action_approve()
        self.assertIs(self.plan.with_user(self.executive).action_approve(), True)
        self.assertEqual((self.plan.state, self.plan.approved_by_id), ("approved", self.executive))
        self.assertTrue(self.plan.approved_date)
        with self.assertRefused(AccessError, "is approved"):
            self.plan.with_user(self.hr_manager).current_state = "<p>changed</p>"
        with self.assertRefused(AccessError, "is approved"):
            self.plan.line_ids[:1].with_user(self.hr_officer).recruitment = 5
        with self.assertRefused(AccessError, "."):
            self.plan.with_user(self.om_manager).action_draft()
        self.assertIs(self.plan.with_user(self.hr_manager).action_draft(), True)
        self.assertEqual((self.plan.state, self.plan.approved_by_id.id), ("draft", False))
        self.assertIs(self.plan.with_user(self.hr_manager).action_approve(), True)

    def test_hr_plan_other_company_refused(self):
        """An HR manager or executive of another company cannot approve company 1's plan."""
        for user in (self.hr_manager2, self.executive2):
            with self.assertRefused(AccessError, "."):
                self.plan.with_user(user).action_approve()
        self.assertEqual(self.plan.state, "draft")

    # performance appraisals ----------------------------------------------------------------------------
    def test_appraisal_fields_protected(self):
        """State, acknowledgement and the computed rating cannot be written by HR, managers or the employee."""
        appraisal = self.make_appraisal()
        self.assertProtected(appraisal, (self.hr_officer, self.hr_manager, self.om_manager), {
            "state": "closed", "acknowledged_by_id": self.engineer_user.id,
            "acknowledged_date": "2025-06-01 08:00:00", "overall_rating": 100.0, "grade_letter": "A",
            "period_end": "2025-05-15"})
        with self.assertRefused(AccessError, "only write your own comments"):
            appraisal.with_user(self.engineer_user).write({"state": "acknowledged"})
        self.assertEqual((appraisal.state, appraisal.grade_letter), ("draft", "B"))

    def test_appraisal_actions_roles(self):
        """HR submits and closes, the employee acknowledges; others and another company are refused."""
        appraisal = self.make_appraisal()
        for user in (self.engineer_user, self.qa, self.executive, self.om_engineer, self.hr_manager2):
            with self.assertRefused(AccessError, "."):
                appraisal.with_user(user).action_submit()
        self.assertIs(appraisal.with_user(self.hr_officer).action_submit(), True)
        for user in (self.hr_officer, self.lead_user, self.hr_manager2):
            with self.assertRefused(AccessError, "."):
                appraisal.with_user(user).action_acknowledge()
        self.assertIs(appraisal.with_user(self.engineer_user).action_acknowledge(), True)
        with self.assertRefused(AccessError, "."):
            appraisal.with_user(self.om_manager2).action_close()
        self.assertIs(appraisal.with_user(self.om_manager).action_close(), True)
        self.assertEqual(appraisal.state, "closed")

    def test_acknowledged_appraisal_frozen(self):
        """An acknowledged appraisal and its lines no longer change and cannot be deleted, even by HR."""
        appraisal = self.make_appraisal()
        appraisal.action_submit()
        appraisal.with_user(self.engineer_user).action_acknowledge()
        hr = appraisal.with_user(self.hr_manager)
        with self.assertRefused(AccessError, "acknowledged"):
            hr.manager_comment = "Rewritten"
        with self.assertRefused(AccessError, "acknowledged"):
            hr.line_ids[0].comment = "Rewritten"
        with self.assertRefused(AccessError, "acknowledged"):
            hr.line_ids[0].unlink()
        with self.assertRefused(AccessError, "acknowledged"):
            self.env["itss.performance.appraisal.line"].with_user(self.hr_manager).create({
                "appraisal_id": appraisal.id, "name": "Extra", "weight": 10})
        with self.assertRefused(AccessError, "acknowledged"):
            hr.unlink()
        self.assertEqual(appraisal.line_ids.mapped("score"), [80, 70])

    def test_submitted_appraisal_keeps_comments_open(self):
        """A submitted appraisal refuses a new employee or period, but takes the appraiser's comments."""
        appraisal = self.make_appraisal()
        appraisal.action_submit()
        with self.assertRefused(AccessError, "submitted"):
            appraisal.with_user(self.hr_officer).employee_id = self.engineer2
        appraisal.with_user(self.hr_officer).manager_comment = "Good month"
        appraisal.line_ids[0].with_user(self.hr_officer).comment = "Fast fixes"
        self.assertEqual(appraisal.manager_comment, "Good month")

    # skill evaluations -----------------------------------------------------------------------------------
    def test_evaluation_fields_protected(self):
        """State, approver, level and the criterion weights cannot be written directly by any role."""
        evaluation = self.make_evaluation(scores={"Network basics": 9, "OS basics": 10})
        writers = (self.hr_officer, self.hr_manager, self.om_manager)
        self.assertProtected(evaluation, writers, {
            "state": "approved", "approved_by_id": self.hr_manager.id, "approved_date": "2025-06-11",
            "level": "5", "weighted_percentage": 99.0, "proposed_grade_id": self.senior.id,
            "promotion_applied": True})
        self.assertProtected(evaluation.line_ids[0], writers, {"weight": 10.0, "max_score": 1.0})
        self.assertProtected(self.engineer, (self.hr_manager, self.om_manager), {
            "itss_knowledge_level": "5", "itss_capability_level": "5", "certification_count": 3,
            "experience_review_reminded": True})
        self.assertEqual(evaluation.level, "4")

    def test_evaluation_actions_roles(self):
        """HR officers submit; HR or O&M managers approve (True); others and another company are refused."""
        evaluation = self.make_evaluation(scores={"Network basics": 9, "OS basics": 10})
        for user in (self.engineer_user, self.qa, self.executive, self.om_engineer):
            with self.assertRefused(AccessError, "."):
                evaluation.with_user(user).action_submit()
        self.assertIs(evaluation.with_user(self.hr_officer).action_submit(), True)
        for user in (self.hr_officer, self.qa, self.executive, self.hr_manager2, self.om_manager2):
            with self.assertRefused(AccessError, "."):
                evaluation.with_user(user).action_approve()
        self.assertIs(evaluation.with_user(self.om_manager).action_approve(), True)
        self.assertEqual((evaluation.state, evaluation.approved_by_id), ("approved", self.om_manager))
        self.assertEqual(self.engineer.itss_knowledge_level, "4")
        with self.assertRefused(AccessError, "approved"):
            evaluation.with_user(self.hr_manager).note = "<p>after the fact</p>"
        with self.assertRefused(AccessError, "approved"):
            evaluation.line_ids[0].with_user(self.hr_manager).unlink()
        for user in (self.om_manager, self.hr_manager2):
            with self.assertRefused(AccessError, "."):
                evaluation.with_user(user).action_apply_promotion()
        self.assertIs(evaluation.with_user(self.hr_manager).action_apply_promotion(), True)
        self.assertEqual(self.engineer.itss_grade_id, self.intermediate)

    # training plan, sessions, certifications ---------------------------------------------------------
    def test_training_plan_guarded(self):
        """The training plan's state moves only through its actions; a closed plan is frozen."""
        course = self.env["hr.course"].create({
            "name": "Test course", "category_id": self.env["hr.course.category"].create({"name": "Cat"}).id})
        plan = self.env["itss.training.plan"].create({
            "name": "Test plan 2041", "year": 2041,
            "line_ids": [(0, 0, {"course_id": course.id, "planned_date": "2041-03-01"})]})
        self.assertProtected(plan, (self.om_manager, self.hr_officer), {"state": "approved", "completion_rate": 100})
        self.assertProtected(plan.line_ids, (self.om_manager, self.hr_officer),
                             {"is_held": True, "plan_state": "closed"})
        for user in (self.hr_officer, self.qa, self.executive, self.om_engineer, self.om_manager2):
            with self.assertRefused(AccessError, "."):
                plan.with_user(user).action_approve()
        self.assertIs(plan.with_user(self.om_manager).action_approve(), True)
        self.assertIs(plan.with_user(self.hr_manager).action_close(), True)
        with self.assertRefused(AccessError, "closed"):
            plan.with_user(self.om_manager).note = "<p>late change</p>"
        with self.assertRefused(AccessError, "closed"):
            plan.line_ids.with_user(self.om_manager).audience = "everyone"

    def test_course_session_guarded(self):
        """A session's state and figures, and the certificate issued to an attendee, are set by actions only."""
        course = self.env["hr.course"].create({
            "name": "Test course", "category_id": self.env["hr.course.category"].create({"name": "Cat"}).id})
        session = self.env["hr.course.schedule"].create({
            "name": "Test session", "course_id": course.id, "start_date": "2041-03-01", "end_date": "2041-03-02",
            "cost": 10, "authorized_by": self.dept_head.id})
        self.assertProtected(session, (self.om_manager, self.hr_officer), {
            "state": "completed", "attendee_count": 5, "pass_rate": 100.0})
        with self.assertRefused(AccessError, "."):
            session.with_user(self.qa).draft2waiting()
        self.assertIs(session.with_user(self.om_manager).draft2waiting(), True)
        session.attendant_ids = self.engineer
        self.assertIs(session.with_user(self.hr_officer).waiting2inprogress(), True)
        attendee = session.course_attendee_ids
        cert_type = self.env["hr.skill.type"].create({
            "name": "Test certificates", "is_certification": True,
            "skill_level_ids": [(0, 0, {"name": "Certified", "level_progress": 100})],
            "skill_ids": [(0, 0, {"name": "Test certificate"})]})
        cert = self.env["hr.employee.skill"].create({
            "employee_id": self.engineer.id, "skill_type_id": cert_type.id, "skill_id": cert_type.skill_ids.id,
            "skill_level_id": cert_type.skill_level_ids.id, "valid_from": "2040-01-01", "valid_to": "2042-01-01"})
        self.assertProtected(attendee, (self.om_manager,), {"certification_id": cert.id, "is_absent": True})
        self.assertProtected(cert, (self.hr_manager,), {"itss_reminded_days": 30, "itss_attendee_id": attendee.id})

    def test_job_reserve_figures_protected(self):
        """The stored reserve figures of a post are computed, never written; the post itself stays editable."""
        self.assertProtected(self.job, (self.hr_manager, self.om_manager), {
            "holder_count": 9, "reserve_member_count": 9, "reserve_headcount": 9, "reserve_rate": 99.0,
            "has_reserve_rate": False})
        self.job.with_user(self.om_manager).headcount_needed = 1
        self.assertEqual(self.job.reserve_headcount, 0)

    def test_onsite_assignment_readable_by_roles(self):
        """Engineers, QA and executives list on-site assignments with their display name; the customer is derived."""
        assignment = self.env["itss.onsite.assignment"].create({
            "employee_id": self.engineer.id, "project_id": self._project().id, "date_from": "2026-01-01"})
        own = self.env["hr.employee"].create({"name": "Own Engineer", "user_id": self.om_engineer.id})
        mine = self.env["itss.onsite.assignment"].create({
            "employee_id": own.id, "project_id": assignment.project_id.id, "date_from": "2026-01-01"})
        for user, expected in ((self.om_engineer, mine), (self.qa, assignment | mine),
                               (self.executive, assignment | mine)):
            Assignment = self.env["itss.onsite.assignment"].with_user(user)
            rows = Assignment.search_read([("id", "in", (assignment | mine).ids)], ["display_name", "employee_id"])
            self.assertEqual({row["id"] for row in rows}, set(expected.ids))
            self.assertIn("Customer", expected.with_user(user)[:1].display_name)
        self.assertProtected(assignment, (self.om_manager,), {"partner_id": self.env.user.partner_id.id})

    def _project(self):
        customer = self.env["res.partner"].create({"name": "Test Customer", "is_company": True})
        return self.env["itss.service.project"].create({"name": "Test O&M", "partner_id": customer.id,
                                                        "state": "active"})
