# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ItssPeopleCase


@tagged("post_install", "-at_install")
class TestTraining(ItssPeopleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        category = cls.env["hr.course.category"].create({"name": "Test O&M curriculum"})
        cls.course = cls.env["hr.course"].create({
            "name": "网络设备配置与排障 (test)", "category_id": category.id, "itss_area": "network",
            "pass_score": 70, "grants_certification": True, "certification_skill_id": cls.cert_network.id,
            "certification_skill_level_id": cls.cert_level.id, "certification_validity_months": 24,
        })
        cls.course_plain = cls.env["hr.course"].create({"name": "数据库备份与恢复 (test)", "category_id": category.id})
        cls.plan = cls.env["itss.training.plan"].create({
            "name": "Test plan 2031", "year": 2031,
            "line_ids": [(0, 0, {"course_id": cls.course.id, "planned_date": "2031-03-10"}),
                         (0, 0, {"course_id": cls.course_plain.id, "planned_date": "2031-05-10"}),
                         (0, 0, {"course_id": cls.course_plain.id, "planned_date": "2031-11-10"})],
        })
        cls.plan.action_approve()
        cls.line_network = cls.plan.line_ids[0]
        cls.session = cls._session(cls.course, cls.line_network, cls.engineer | cls.engineer2)

    @classmethod
    def _session(cls, course, plan_line, employees):
        session = cls.env["hr.course.schedule"].create({
            "name": f"{course.name} session", "course_id": course.id, "plan_line_id": plan_line.id,
            "start_date": "2031-03-12", "end_date": "2031-03-13", "cost": 1000,
            "authorized_by": cls.manager_employee.id,
        })
        session.draft2waiting()
        session.attendant_ids = employees
        session.waiting2inprogress()
        return session

    def _attendee(self, employee, session=None):
        return (session or self.session).course_attendee_ids.filtered(lambda a: a.employee_id == employee)

    def _complete(self, session=None):
        session = session or self.session
        session.inprogress2validation()
        session.validation2complete()

    def test_result_from_score_and_attendance(self):
        """The course's pass score decides pass or fail; an absentee's result is "absent"."""
        mine, other = self._attendee(self.engineer), self._attendee(self.engineer2)
        self.assertEqual(mine.result, "pending")
        mine.score = 85
        self.assertEqual(mine.result, "passed")
        mine.score = 69
        self.assertEqual(mine.result, "failed")
        other.attendance = "absent"
        self.assertEqual(other.result, "absent")
        self.assertTrue(other.is_absent)
        absentees = self.env["hr.course.attendee"].search([("is_absent", "=", True)])
        self.assertIn(other, absentees)
        self.assertNotIn(mine, absentees)

    def test_bad_results_refused(self):
        """Scores outside 0–100, ratings outside 1–5 and marks for absentees are refused."""
        mine, other = self._attendee(self.engineer), self._attendee(self.engineer2)
        with self.assertRefused(ValidationError, "between 0 and 100"):
            mine.score = 101
        with self.assertRefused(ValidationError, "between 1 and 5"):
            mine.satisfaction = 6
        other.attendance = "absent"
        with self.assertRefused(ValidationError, "absent"):
            other.score = 50
        with self.assertRefused(ValidationError, "absent"):
            other.result = "passed"

    def test_completion_certificate_and_absentee(self):
        """On completion a pass issues the certificate (with validity); the absentee's manager is asked to penalise."""
        mine, other = self._attendee(self.engineer), self._attendee(self.engineer2)
        mine.write({"score": 90, "satisfaction": 5})
        other.attendance = "absent"
        self._complete()
        self.assertEqual(self.session.state, "completed")
        cert = mine.certification_id
        self.assertEqual((cert.employee_id, cert.skill_id, cert.skill_level_id), (self.engineer, self.cert_network,
                                                                                  self.cert_level))
        self.assertEqual((cert.valid_from, cert.valid_to), (date(2031, 3, 13), date(2033, 3, 12)))
        self.assertTrue(cert.is_certification)
        self.assertFalse(other.certification_id)
        self.assertEqual(self.activities(self.engineer2, "Absent from training").user_id, self.om_manager)
        self.assertEqual((self.session.attendee_count, self.session.absentee_count), (2, 1))
        self.assertEqual((self.session.pass_rate, self.session.satisfaction_avg), (100.0, 5.0))

    def test_no_certificate_without_grant_or_pass(self):
        """A failed attendee and a course without certificate issue nothing; pending results block completion."""
        mine, other = self._attendee(self.engineer), self._attendee(self.engineer2)
        self.session.inprogress2validation()
        with self.assertRaises(ValidationError):
            self.session.validation2complete()
        mine.score, other.score = 50, 75
        self.session.validation2complete()
        self.assertFalse(mine.certification_id)
        self.assertTrue(other.certification_id)
        plain = self._session(self.course_plain, self.plan.line_ids[1], self.engineer)
        self._attendee(self.engineer, plain).score = 95
        self._complete(plain)
        self.assertFalse(self._attendee(self.engineer, plain).certification_id)

    def test_course_rules(self):
        """A certificate course needs a certification skill and level; pass score within 0–100."""
        Course = self.env["hr.course"]
        category = self.course.category_id
        with self.assertRefused(ValidationError, "choose the certificate"):
            Course.create({"name": "X", "category_id": category.id, "grants_certification": True})
        skill_type = self.env["hr.skill.type"].create({
            "name": "Not a certificate", "skill_level_ids": [(0, 0, {"name": "L1", "level_progress": 50})],
            "skill_ids": [(0, 0, {"name": "Python"})]})
        with self.assertRefused(ValidationError, "certification skill type"):
            Course.create({"name": "X", "category_id": category.id, "grants_certification": True,
                           "certification_skill_id": skill_type.skill_ids.id,
                           "certification_skill_level_id": skill_type.skill_level_ids.id})
        with self.assertRefused(ValidationError, "between 0 and 100"):
            Course.create({"name": "X", "category_id": category.id, "pass_score": 120})

    def test_plan_rules(self):
        """Planned trainings lie in the plan's year; an empty plan cannot be approved; sessions hold their course."""
        with self.assertRefused(ValidationError, "outside the year"):
            self.plan.line_ids[0].planned_date = "2030-12-31"
        empty = self.env["itss.training.plan"].create({"name": "Empty", "year": 2032})
        with self.assertRefused(UserError, "no planned training"):
            empty.action_approve()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["itss.training.plan"].create({"name": "Twice", "year": 2031})
        with self.assertRefused(ValidationError, "not the planned training"):
            self.session.plan_line_id = self.plan.line_ids[1]

    def test_kpi_training_completion(self):
        """TRAINING_DONE: planned trainings of the period held / planned (approved plans only)."""
        kpi = self.env.ref("itss_capability.itss_kpi_training_done")
        self.assertEqual(kpi.provider, "training_completion")
        provider = kpi._itss_kpi_provider_training_completion
        self.assertEqual(provider("2031-01-01", "2031-12-31"), {False: 0.0})
        self.assertEqual(provider("2030-01-01", "2030-12-31"), {})
        self._attendee(self.engineer).score = 80
        self._attendee(self.engineer2).attendance = "absent"
        self._complete()
        self.assertTrue(self.line_network.is_held)
        self.assertEqual(self.plan.completion_rate, 33.33)
        self.assertEqual(provider("2031-01-01", "2031-12-31"), {False: 33.33})
        self.assertEqual(provider("2031-01-01", "2031-03-31"), {False: 100.0})
        self.plan.action_draft()
        self.assertEqual(provider("2031-01-01", "2031-12-31"), {})
        self.plan.action_approve()
        kpi._compute_provider_values(date(2031, 1, 1), date(2031, 6, 30))
        self.assertEqual(kpi.value_ids.filtered(lambda v: v.date_from == date(2031, 1, 1)).value, 50.0)

    def test_roles(self):
        """O&M users read their own attendance; managers and HR manage training; QA and executives read."""
        Attendee = self.env["hr.course.attendee"]
        mine = self._attendee(self.engineer)
        self.assertEqual(Attendee.with_user(self.om_user).search([("course_schedule_id", "=", self.session.id)]), mine)
        with self.assertRaises(AccessError):
            mine.with_user(self.om_user).score = 100
        self.assertTrue(self.plan.with_user(self.om_user).name)
        with self.assertRaises(AccessError):
            self.plan.with_user(self.om_user).name = "Changed"
        self._attendee(self.engineer2).with_user(self.om_manager).score = 88
        self.session.with_user(self.om_manager).place = "Room B"
        self.course.with_user(self.hr_officer).duration_hours = 16
        self.env["itss.training.plan"].with_user(self.om_manager).create({"name": "Manager's plan", "year": 2033})
        for user in (self.qa, self.executive):
            self.assertEqual(len(Attendee.with_user(user).search([("course_schedule_id", "=", self.session.id)])), 2)
            with self.assertRaises(AccessError):
                self.session.with_user(user).place = "Changed"
            with self.assertRaises(AccessError):
                self.plan.with_user(user).name = "Changed"
