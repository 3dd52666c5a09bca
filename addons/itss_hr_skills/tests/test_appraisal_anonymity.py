# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PeopleGuardCase


@tagged("post_install", "-at_install")
class TestAppraisalAnonymity(PeopleGuardCase):
    """QA auditors and executives read the appraisal analysis in groups of at least 3 appraisals only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        third = Employee.create({"name": "Engineer Three", "department_id": cls.department.id})
        # the team: 3 appraisals in May 2025; the other team: 1 appraisal (its rating must stay hidden)
        cls.team = (cls.make_appraisal(cls, employee=cls.engineer, scores=(95, 90))
                    | cls.make_appraisal(cls, employee=cls.engineer2, scores=(60, 50))
                    | cls.make_appraisal(cls, employee=third, scores=(75, 75)))
        cls.alone = cls.make_appraisal(cls, employee=cls.other, scores=(40, 40))
        (cls.team | cls.alone).action_submit()
        cls.departments = cls.department | cls.other_department

    def _by_department(self, user):
        Report = self.env["itss.appraisal.report"].with_user(user)
        return {department: (count, average) for department, count, average in Report._read_group(
            [("department_id", "in", self.departments.ids)], ["department_id"],
            ["appraisal_count:sum", "average_rating:avg"])}

    def test_small_groups_hidden_from_qa_and_executives(self):
        """A department-month with fewer than 3 appraisals is left out for QA and executives."""
        for user in (self.qa, self.executive):
            figures = self._by_department(user)
            self.assertEqual(set(figures), {self.department})
            self.assertEqual(figures[self.department][0], 3)
            self.assertAlmostEqual(figures[self.department][1], 74.67, places=2)

    def test_grade_letter_groups_hidden(self):
        """Grouped by grade letter inside the team, each letter has one appraisal: nothing is shown."""
        Report = self.env["itss.appraisal.report"].with_user(self.qa)
        self.assertEqual(Report._read_group([("department_id", "=", self.department.id)], ["grade_letter"],
                                            ["average_rating:avg"]), [])
        web = Report.web_read_group([("department_id", "in", self.departments.ids)], ["department_id"],
                                    ["appraisal_count:sum"])
        self.assertEqual([group["department_id"][0] for group in web["groups"]], self.department.ids)

    def test_pivot_grouping_sets_hidden(self):
        """The pivot view (grouping sets department × grade letter) shows QA no group under 3 appraisals."""
        Report = self.env["itss.appraisal.report"].with_user(self.qa)
        result = Report.formatted_read_grouping_sets(
            [("department_id", "in", self.departments.ids)],
            [["department_id", "grade_letter"], ["department_id"], []], ["appraisal_count:sum"])
        by_both, by_department, total = result
        self.assertEqual(by_both, [], "every department × letter cell has fewer than 3 appraisals")
        self.assertEqual([group["department_id"][0] for group in by_department], self.department.ids)
        self.assertEqual(total[0]["appraisal_count:sum"], 4)

    def test_small_total_masked(self):
        """A total over fewer than 3 appraisals (the lone appraisal) is empty for QA."""
        Report = self.env["itss.appraisal.report"].with_user(self.qa)
        [(count, average)] = Report._read_group([("department_id", "=", self.other_department.id)], [],
                                                ["appraisal_count:sum", "average_rating:avg"])
        self.assertFalse(count)
        self.assertFalse(average)

    def test_rows_unreadable_to_qa(self):
        """QA and executives cannot read, search or count the rows themselves."""
        for user in (self.qa, self.executive):
            Report = self.env["itss.appraisal.report"].with_user(user)
            with self.assertRefused(AccessError, "anonymous"):
                Report.search_read([("department_id", "=", self.other_department.id)], ["average_rating"])
            with self.assertRefused(AccessError, "anonymous"):
                Report.search_count([("average_rating", ">", 30)])
            row = self.env["itss.appraisal.report"].search([("department_id", "=", self.other_department.id)])
            with self.assertRefused(AccessError, "anonymous"):
                row.with_user(user).read(["average_rating"])

    def test_hr_sees_every_group(self):
        """HR officers (and O&M managers, who are HR officers) see the small groups and the rows."""
        for user in (self.hr_officer, self.om_manager):
            figures = self._by_department(user)
            self.assertEqual(figures[self.other_department], (1, 40.0))
            self.assertTrue(self.env["itss.appraisal.report"].with_user(user).search_read([], ["average_rating"]))

    def test_engineers_refused(self):
        """Employees and O&M engineers have no access to the analysis at all."""
        for user in (self.engineer_user, self.om_engineer):
            with self.assertRefused(AccessError, "."):
                self.env["itss.appraisal.report"].with_user(user)._read_group([], ["department_id"], ["__count"])
