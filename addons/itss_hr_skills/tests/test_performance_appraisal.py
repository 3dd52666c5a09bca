# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..models.itss_performance_appraisal import grade_letter
from .common import PeopleCase


@tagged("post_install", "-at_install")
class TestPerformanceAppraisal(PeopleCase):
    def test_template_weights_sum_to_100(self):
        """A template whose weights do not sum to 100 % is refused, on create and on change."""
        Template = self.env["itss.appraisal.template"]
        with self.assertRefused(ValidationError, "sum to 90"):
            Template.create({"name": "Bad", "line_ids": [Command.create({"name": "A", "weight": 50}),
                                                         Command.create({"name": "B", "weight": 40})]})
        with self.assertRefused(ValidationError, "sum to 110"):
            self.template.write({"line_ids": [Command.create({"name": "C", "weight": 10})]})
        with self.assertRefused(ValidationError, "between 0 and 100"):
            self.template.line_ids[0].weight = 0
        with self.assertRaises(AccessError):
            self.template.with_user(self.hr_officer).name = "Renamed"

    def test_rating_and_grade_letter(self):
        """Overall rating Σ(score × weight)/100 and the documented A/B/C/D thresholds."""
        appraisal = self.make_appraisal(scores=(90, 80))
        self.assertEqual(appraisal.line_ids.mapped("name"), ["Quality", "Efficiency"])
        self.assertAlmostEqual(appraisal.overall_rating, 86.0)
        self.assertEqual(appraisal.grade_letter, "B")
        self.assertEqual(appraisal.period_end, date(2025, 5, 31))
        self.assertEqual(appraisal.manager_id, self.lead_user)
        self.assertEqual(appraisal.department_id, self.department)
        self.assertEqual([grade_letter(r) for r in (100, 90, 89.99, 75, 74, 60, 59.9, 0)],
                         ["A", "A", "B", "B", "C", "C", "D", "D"])

    def test_bad_input(self):
        """Scores outside 0–100, weights not summing to 100 %, a period not starting on its first day."""
        appraisal = self.make_appraisal()
        for score in (-5, 101):
            with self.assertRefused(ValidationError, "between 0 and 100"):
                appraisal.line_ids[0].score = score
        with self.assertRefused(ValidationError, "sum to 70"):
            appraisal.line_ids[0].weight = 30
            appraisal.write({"line_ids": [Command.update(appraisal.line_ids[1].id, {"comment": "x"})]})
        with self.assertRefused(ValidationError, "first day"):
            self.make_appraisal(start="2025-05-02")
        with self.assertRefused(ValidationError, "January 1st"):
            self.make_appraisal(start="2025-05-01", period_type="year")
        self.assertEqual(self.make_appraisal(start="2025-01-01", period_type="year").period_end, date(2025, 12, 31))

    def test_one_appraisal_per_employee_and_period(self):
        """A second appraisal of the same employee, period type and start is refused."""
        self.make_appraisal()
        with self.assertRefused(ValidationError, "already has a monthly appraisal"):
            self.make_appraisal()
        self.make_appraisal(start="2025-06-01")
        self.make_appraisal(employee=self.engineer2)

    def test_workflow_acknowledged_by_employee(self):
        """Draft → submitted → acknowledged by the employee (who/when recorded) → closed."""
        appraisal = self.make_appraisal()
        with self.assertRefused(AccessError, "Only HR"):
            appraisal.with_user(self.engineer_user).action_submit()
        appraisal.with_user(self.hr_officer).action_submit()
        self.assertEqual(appraisal.state, "submitted")
        self.assertEqual(appraisal.activity_ids.user_id, self.engineer_user)
        with self.assertRefused(AccessError, "can no longer be changed"):
            appraisal.line_ids[0].with_user(self.hr_officer).score = 10
        with self.assertRefused(AccessError, "Only Engineer One"):
            appraisal.with_user(self.hr_manager).action_acknowledge()
        with self.assertRefused(AccessError, "set by its actions"):
            appraisal.with_user(self.hr_manager).state = "acknowledged"
        with self.assertRefused(UserError, "cannot be closed"):
            appraisal.with_user(self.hr_officer).action_close()
        own = appraisal.with_user(self.engineer_user)
        self.assertTrue(own.is_own_appraisal)
        own.employee_comment = "Thanks, agreed."
        own.line_ids[0].employee_comment = "I handled the outage."
        own.action_acknowledge()
        self.assertEqual(appraisal.state, "acknowledged")
        self.assertEqual(appraisal.acknowledged_by_id, self.engineer_user)
        self.assertTrue(appraisal.acknowledged_date)
        self.assertFalse(appraisal.activity_ids)
        with self.assertRefused(UserError, "only while it awaits"):
            own.employee_comment = "Changed my mind"
        appraisal.with_user(self.hr_officer).action_close()
        self.assertEqual(appraisal.state, "closed")

    def test_employee_writes_only_comments(self):
        """The appraised employee writes only their comments, never scores, state or other fields."""
        appraisal = self.make_appraisal()
        appraisal.action_submit()
        own = appraisal.with_user(self.engineer_user)
        for vals in ({"state": "closed"}, {"manager_comment": "Great"}, {"acknowledged_by_id": self.engineer_user.id}):
            with self.assertRefused(AccessError, "only write your own comments"):
                own.write(vals)
        with self.assertRefused(AccessError, "only write your own comments"):
            own.line_ids[0].score = 100
        with self.assertRefused(AccessError, "only write your own comments"):
            own.line_ids[0].comment = "Self-praise"
        self.assertEqual(appraisal.state, "submitted")
        with self.assertRaises(AccessError):
            appraisal.with_user(self.lead_user).employee_comment = "Manager writes as employee"

    def test_reset_to_draft(self):
        """HR can take a submitted appraisal back to draft to correct the scores."""
        appraisal = self.make_appraisal()
        appraisal.action_submit()
        appraisal.with_user(self.hr_officer).action_reset_draft()
        appraisal.line_ids[0].score = 100
        self.assertEqual(appraisal.state, "draft")
        self.assertFalse(appraisal.activity_ids)
        with self.assertRefused(UserError, "no criteria"):
            self.env["itss.performance.appraisal"].create({
                "employee_id": self.engineer2.id, "period_start": "2025-05-01"}).action_submit()
