# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.itss_capability.tests.common import ItssTzCompanyMixin

YEAR = 2031


@tagged("post_install", "-at_install")
class TestReadinessHr(ItssTzCompanyMixin, TransactionCase):
    """Readiness rules of the people element: reserve plan, training, performance, job descriptions, skills."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls._company("Readiness people company")
        cls.empty = cls._company("Readiness people empty company")
        company = cls.company.id
        grade = cls.env.ref("itss_hr_skills.grade_junior")
        Job = cls.env["hr.job"]
        cls.posts = Job.create([{
            "name": f"Readiness post {index}", "company_id": company, "itss_grade_id": grade.id,
            "itss_responsibilities": "<p>Keep the network running.</p>",
            "itss_qualifications": "<p>Three years of network O&amp;M.</p>",
        } for index in range(3)])
        cls.post_bare = Job.create({"name": "Readiness bare post", "company_id": company, "itss_grade_id": grade.id})
        Employee = cls.env["hr.employee"]
        cls.manager = Employee.create({"name": "Readiness manager", "company_id": company})
        cls.engineer = Employee.create({"name": "Readiness engineer", "company_id": company,
                                        "job_id": cls.posts[0].id, "itss_grade_id": grade.id})
        cls.engineer2 = Employee.create({"name": "Readiness engineer 2", "company_id": company,
                                         "job_id": cls.posts[0].id, "itss_grade_id": grade.id})
        cls.other_employee = Employee.create({"name": "Readiness outsider", "company_id": cls.empty.id})
        # Reserve plan: approved, one post with reserve members; a draft plan of another year.
        cls.hr_plan = cls.env["itss.hr.plan"].create({
            "year": YEAR, "company_id": company, "state": "approved", "approved_date": date(YEAR, 2, 1),
            "line_ids": [Command.create({"job_id": cls.posts[0].id, "reserve_member_count": 1}),
                         Command.create({"job_id": cls.posts[1].id})],
        })
        cls.env["itss.hr.plan"].create({"year": YEAR, "company_id": cls.empty.id})
        # Training: approved plan, two trainings due by June, one held with its attendance.
        category = cls.env["hr.course.category"].create({"name": "Readiness curriculum"})
        course = cls.env["hr.course"].create({"name": "Readiness network course", "category_id": category.id})
        cls.training_plan = cls.env["itss.training.plan"].create({
            "name": "Readiness training plan", "year": YEAR, "company_id": company, "state": "approved",
            "line_ids": [Command.create({"course_id": course.id, "planned_date": date(YEAR, 3, 10)}),
                         Command.create({"course_id": course.id, "planned_date": date(YEAR, 6, 10)})],
        })
        session = cls.env["hr.course.schedule"].create({
            "name": "Readiness session", "course_id": course.id, "plan_line_id": cls.training_plan.line_ids[0].id,
            "start_date": date(YEAR, 3, 12), "end_date": date(YEAR, 3, 13), "cost": 1000,
            "authorized_by": cls.manager.id,
        })
        session.draft2waiting()
        session.attendant_ids = cls.engineer | cls.engineer2
        session.waiting2inprogress()
        session.inprogress2validation()
        # Performance: two monthly rounds; one appraisal still waiting for the employee.
        template = cls.env["itss.appraisal.template"].create({
            "name": "Readiness monthly", "period_type": "month",
            "line_ids": [Command.create({"name": "Quality", "weight": 100})]})
        Appraisal = cls.env["itss.performance.appraisal"]
        cls.appraisals = Appraisal.create([{
            "employee_id": employee.id, "template_id": template.id, "period_type": "month",
            "period_start": start, "company_id": company,
        } for employee, start in ((cls.engineer, date(YEAR, 4, 1)), (cls.engineer, date(YEAR, 5, 1)),
                                  (cls.engineer2, date(YEAR, 5, 1)))])
        for appraisal, state in zip(cls.appraisals, ("closed", "acknowledged", "submitted"), strict=True):
            appraisal.state = state
        # Skills: an approved evaluation, a certificate and a project experience line.
        cls.evaluation = cls.env["itss.skill.evaluation"].create({
            "employee_id": cls.engineer.id, "date": date(YEAR, 6, 10), "company_id": company, "state": "approved"})
        cls.env["itss.skill.evaluation"].create({
            "employee_id": cls.engineer2.id, "date": date(YEAR - 1, 6, 10), "company_id": company,
            "state": "approved"})
        cert_type = cls.env["hr.skill.type"].create({
            "name": "Readiness certificates", "is_certification": True,
            "skill_level_ids": [Command.create({"name": "Certified", "level_progress": 100})],
            "skill_ids": [Command.create({"name": "Readiness network certificate"})]})
        cls.certificate_vals = {
            "employee_id": cls.engineer.id, "skill_type_id": cert_type.id, "skill_id": cert_type.skill_ids.id,
            "skill_level_id": cert_type.skill_level_ids.id, "valid_from": date(YEAR - 1, 1, 1),
            "valid_to": date(YEAR + 1, 1, 1)}
        customer = cls.env["res.partner"].create({"name": "Readiness customer", "is_company": True})
        project = cls.env["itss.service.project"].create({
            "name": "Readiness project", "partner_id": customer.id, "company_id": company, "state": "active"})
        cls.resume_vals = {"employee_id": cls.engineer.id, "name": "Readiness project on-site",
                           "itss_project_id": project.id, "date_start": date(YEAR - 2, 1, 1)}

    def _item(self, code, company=None):
        items = self.env["itss.readiness.item"]._itss_company_items(company or self.company)
        return items.filtered(lambda item: item.rule_code == code)

    def _ratio(self, code, date_to=date(YEAR, 12, 31), company=None):
        item = self._item(code, company)
        parts = getattr(item, f"_itss_readiness_rule_{code}")(item.company_id, date(YEAR, 1, 1), date_to)
        return sum(part["ratio"] for part in parts) / len(parts)

    def test_reserve_plan(self):
        """Item 10: present with the approved plan's reserve line, partial without it, missing for a draft plan."""
        self.assertEqual(self._ratio("reserve_plan"), 1.0)
        self.assertEqual(self._ratio("reserve_plan", date_to=date(YEAR, 1, 31)), 0.0)
        self.hr_plan.line_ids.reserve_member_count = 0
        self.assertEqual(self._ratio("reserve_plan"), 0.5)
        self.assertEqual(self._ratio("reserve_plan", company=self.empty), 0.0)

    def test_training(self):
        """Item 11: present once every training due is held with attendance, partial when one due is not held."""
        self.assertEqual(self._ratio("training", date_to=date(YEAR, 3, 31)), 1.0)
        self.assertAlmostEqual(self._ratio("training"), (1 + 0.5 + 1) / 3)
        self.assertEqual(self._ratio("training", company=self.empty), 0.0)

    def test_performance(self):
        """Item 12: appraisal rounds and acknowledged appraisals; partial while one waits for the employee."""
        self.assertEqual(self._ratio("performance", date_to=date(YEAR, 4, 30)), 1.0)
        self.assertAlmostEqual(self._ratio("performance"), (1 + 2 / 3) / 2)
        self.assertEqual(self._ratio("performance", company=self.empty), 0.0)

    def test_job_description(self):
        """Item 13: three described O&M posts meet the threshold; the undescribed post makes the share partial."""
        self.assertAlmostEqual(self._ratio("job_description"), (1 + 3 / 4) / 2)
        self.post_bare.write({"itss_responsibilities": "<p>Run the desk.</p>", "itss_qualifications": "<p>ITIL</p>"})
        self.assertEqual(self._ratio("job_description"), 1.0)
        self.assertEqual(self._ratio("job_description", company=self.empty), 0.0)

    def test_skills(self):
        """Item 14: present with an evaluation of the year, a valid certificate and project experience."""
        self.assertAlmostEqual(self._ratio("skills"), 1 / 3)
        self.env["hr.employee.skill"].create(self.certificate_vals)
        self.env["hr.resume.line"].create(self.resume_vals)
        self.assertEqual(self._ratio("skills"), 1.0)
        self.assertEqual(self._ratio("skills", company=self.empty), 0.0)

    def test_reports_of_company_and_year(self):
        """The report hooks return the module's reports on this company's records of the year only."""
        start, end = date(YEAR, 1, 1), date(YEAR, 12, 31)
        reports = dict(self._item("reserve_plan")._itss_readiness_reports_reserve_plan(self.company, start, end))
        self.assertEqual(reports["itss_hr_skills.itss_hr_plan_report_action"], self.hr_plan)
        reports = dict(self._item("job_description")._itss_readiness_reports_job_description(
            self.company, start, end))
        self.assertEqual(reports["itss_hr_skills.hr_job_description_report_action"], self.posts)
        reports = dict(self._item("skills")._itss_readiness_reports_skills(self.company, start, end))
        self.assertEqual(reports["itss_hr_skills.hr_employee_experience_report_action"], self.evaluation.employee_id)
        self.assertEqual(reports["itss_hr_skills.skill_matrix_xlsx_report_action"].company_id, self.company)
        for xmlid in reports:
            self.assertTrue(self.env.ref(xmlid).exists())
