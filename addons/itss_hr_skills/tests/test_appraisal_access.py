# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PeopleCase


@tagged("post_install", "-at_install")
class TestAppraisalConfidentiality(PeopleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.appraisal_own = cls.make_appraisal(cls, employee=cls.engineer, scores=(95, 90))
        cls.appraisal_team = cls.make_appraisal(cls, employee=cls.engineer2, scores=(60, 50))
        cls.appraisal_other = cls.make_appraisal(cls, employee=cls.other, scores=(80, 80))
        (cls.appraisal_own | cls.appraisal_team | cls.appraisal_other).action_submit()
        cls.evaluation_own = cls.make_evaluation(cls, employee=cls.engineer)
        cls.evaluation_team = cls.make_evaluation(cls, employee=cls.engineer2)
        cls.evaluation_other = cls.make_evaluation(cls, employee=cls.other)
        cls.all_appraisals = cls.appraisal_own | cls.appraisal_team | cls.appraisal_other
        cls.all_evaluations = cls.evaluation_own | cls.evaluation_team | cls.evaluation_other

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_employee_sees_own_only(self):
        """An employee reads only their own appraisals, appraisal lines and evaluations."""
        self.assertEqual(self._visible(self.engineer_user, self.all_appraisals), self.appraisal_own)
        self.assertEqual(self._visible(self.engineer_user, self.all_evaluations), self.evaluation_own)
        self.assertEqual(self._visible(self.engineer_user, self.all_appraisals.line_ids), self.appraisal_own.line_ids)
        self.assertEqual(self._visible(self.other_user, self.all_appraisals), self.appraisal_other)
        self.appraisal_own.with_user(self.engineer_user).read(["overall_rating", "grade_letter", "line_ids"])
        with self.assertRaises(AccessError):
            self.appraisal_team.with_user(self.engineer_user).read(["overall_rating"])
        with self.assertRaises(AccessError):
            self.evaluation_team.with_user(self.engineer_user).read(["level"])

    def test_department_manager_sees_team(self):
        """The department's manager and the direct manager read their team's records, nobody else's."""
        self.assertEqual(self._visible(self.dept_head_user, self.all_appraisals),
                         self.appraisal_own | self.appraisal_team)
        self.assertEqual(self._visible(self.dept_head_user, self.all_evaluations),
                         self.evaluation_own | self.evaluation_team)
        self.assertEqual(self._visible(self.lead_user, self.all_appraisals), self.appraisal_own)
        self.assertEqual(self._visible(self.lead_user, self.all_evaluations), self.evaluation_own)
        with self.assertRaises(AccessError):
            self.appraisal_other.with_user(self.dept_head_user).read(["overall_rating"])
        with self.assertRaises(AccessError):
            self.appraisal_team.with_user(self.dept_head_user).manager_comment = "Managers only read"

    def test_hr_sees_all(self):
        """HR officers, HR managers and O&M managers read every appraisal and evaluation."""
        for user in (self.hr_officer, self.hr_manager, self.om_manager):
            self.assertEqual(self._visible(user, self.all_appraisals), self.all_appraisals)
            self.assertEqual(self._visible(user, self.all_evaluations), self.all_evaluations)

    def test_qa_reads_aggregates_only(self):
        """QA auditors get no individual record but read the aggregated appraisal analysis."""
        self.assertFalse(self._visible(self.qa, self.all_appraisals))
        self.assertFalse(self._visible(self.qa, self.all_evaluations))
        with self.assertRaises(AccessError):
            self.appraisal_own.with_user(self.qa).read(["overall_rating"])
        with self.assertRaises(AccessError):
            self.appraisal_own.line_ids.with_user(self.qa).read(["score"])
        with self.assertRaises(AccessError):
            self.evaluation_own.with_user(self.qa).read(["level"])
        Report = self.env["itss.appraisal.report"].with_user(self.qa)
        self.assertNotIn("employee_id", Report._fields)
        # a third appraisal in the team: groups of fewer than 3 appraisals stay hidden from QA
        third = self.env["hr.employee"].create({"name": "Engineer Three", "department_id": self.department.id})
        self.make_appraisal(employee=third, scores=(75, 75)).action_submit()
        self.env.flush_all()
        domain = [("department_id", "in", (self.department | self.other_department).ids)]
        groups = Report._read_group(domain, ["department_id"], ["appraisal_count:sum", "average_rating:avg"])
        figures = {department: (count, average) for department, count, average in groups}
        # team: 93 (A), 56 (D) and 75 (B) → 3 appraisals, average 74.67; the other team (1) is hidden
        self.assertEqual(figures[self.department][0], 3)
        self.assertAlmostEqual(figures[self.department][1], 74.67, places=2)
        self.assertNotIn(self.other_department, figures)
        letters = dict(self.env["itss.appraisal.report"]._read_group(
            domain + [("department_id", "=", self.department.id)], ["grade_letter"], ["appraisal_count:sum"]))
        self.assertEqual(letters, {"A": 1, "B": 1, "D": 1})

    def test_report_not_for_employees(self):
        """Plain employees cannot read the appraisal analysis; O&M and HR managers can."""
        with self.assertRaises(AccessError):
            self.env["itss.appraisal.report"].with_user(self.engineer_user).search([])
        for user in (self.om_manager, self.hr_officer):
            self.assertTrue(self.env["itss.appraisal.report"].with_user(user).search_count([]))

    def test_draft_appraisals_not_in_report(self):
        """Draft appraisals are left out of the analysis."""
        self.make_appraisal(employee=self.engineer, start="2025-07-01")
        Report = self.env["itss.appraisal.report"]
        [(count,)] = Report._read_group([("department_id", "=", self.department.id)], [], ["appraisal_count:sum"])
        self.assertEqual(count, 2)
