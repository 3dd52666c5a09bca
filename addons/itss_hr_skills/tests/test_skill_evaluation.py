# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..models.itss_skill_evaluation import level_from_percentage
from .common import PeopleCase


@tagged("post_install", "-at_install")
class TestSkillEvaluation(PeopleCase):
    def test_lines_from_grade_criteria(self):
        """A new evaluation gets one line per criterion of the employee's grade and kind."""
        evaluation = self.make_evaluation()
        self.assertEqual(evaluation.grade_id, self.junior)
        self.assertEqual(evaluation.line_ids.criterion_id, self.crit_network | self.crit_os)
        capability = self.make_evaluation(kind="capability")
        self.assertEqual(capability.line_ids.criterion_id, self.crit_fault)
        evaluation.line_ids.unlink()
        evaluation.action_load_criteria()
        self.assertEqual(len(evaluation.line_ids), 2)

    def test_onchange_loads_criteria(self):
        """Changing the kind in the form reloads the criteria lines."""
        evaluation = self.env["itss.skill.evaluation"].new({"employee_id": self.engineer.id, "kind": "knowledge"})
        evaluation._onchange_load_criteria()
        self.assertEqual(evaluation.line_ids.criterion_id, self.crit_network | self.crit_os)
        evaluation.kind = "capability"
        evaluation._onchange_load_criteria()
        self.assertEqual(evaluation.line_ids.criterion_id, self.crit_fault)

    def test_weighted_score_and_level(self):
        """Weighted percentage Σ(score/max × weight)/Σweight and the documented level thresholds."""
        evaluation = self.make_evaluation(scores={"Network basics": 9, "OS basics": 10})
        self.assertEqual(evaluation.total_score, 19)
        self.assertEqual(evaluation.max_total_score, 30)
        # (0.9 × 3 + 0.5 × 1) / 4 = 80 %
        self.assertAlmostEqual(evaluation.weighted_percentage, 80.0)
        self.assertEqual(evaluation.level, "4")
        self.assertEqual([level_from_percentage(p) for p in (100, 90, 89.9, 75, 60, 40, 39.9, 0)],
                         ["5", "5", "4", "4", "3", "2", "1", "1"])
        with self.assertRefused(AccessError, "set by its actions"):
            evaluation.with_user(self.hr_manager).level = "3"
        self.assertEqual(evaluation.level, "4", "the level is the computed one")

    def test_score_out_of_range(self):
        """A score below 0 or above the criterion's maximum is refused."""
        evaluation = self.make_evaluation()
        line = evaluation.line_ids.filtered(lambda l: l.criterion_id == self.crit_network)
        for score in (-1, 10.5):
            with self.assertRefused(ValidationError, "between 0 and 10"):
                line.score = score
        line.score = 10
        self.assertEqual(line.score, 10)

    def test_archived_employee(self):
        """An archived employee cannot be evaluated."""
        self.engineer2.action_archive()
        with self.assertRefused(ValidationError, "archived"):
            self.make_evaluation(employee=self.engineer2)

    def test_approve_without_lines(self):
        """Approving an evaluation without lines is refused."""
        evaluation = self.make_evaluation(grade_id=self.senior.id)
        self.assertFalse(evaluation.line_ids)
        evaluation.action_submit()
        with self.assertRefused(UserError, "no scores"):
            evaluation.with_user(self.hr_manager).action_approve()
        self.assertEqual(evaluation.state, "submitted")
        with self.assertRefused(UserError, "has no criteria"):
            evaluation.action_reset_draft()
            evaluation.action_load_criteria()

    def test_workflow_updates_employee_levels(self):
        """Approval by an HR manager or O&M manager sets the employee's latest knowledge/capability level."""
        knowledge = self.make_evaluation(env=self.env(user=self.hr_officer),
                                         scores={"Network basics": 6, "OS basics": 12})
        capability = self.make_evaluation(kind="capability", scores={"Fault handling": 5})
        (knowledge | capability).with_user(self.hr_officer).action_submit()
        with self.assertRefused(AccessError, "can no longer be changed"):
            knowledge.line_ids[0].with_user(self.hr_officer).score = 1
        with self.assertRefused(AccessError, "Only HR managers and O&M managers"):
            knowledge.with_user(self.hr_officer).action_approve()
        with self.assertRefused(AccessError, "set by its actions"):
            knowledge.with_user(self.hr_officer).state = "approved"
        knowledge.with_user(self.hr_manager).action_approve()
        capability.with_user(self.om_manager).action_approve()
        self.assertEqual(knowledge.approved_by_id, self.hr_manager)
        self.assertEqual(self.engineer.itss_knowledge_level, "3")
        self.assertEqual(self.engineer.itss_capability_level, "2")
        newer = self.make_evaluation(scores={"Network basics": 10, "OS basics": 20}, date="2025-12-01")
        newer.action_submit()
        newer.action_refuse()
        self.assertEqual(self.engineer.itss_knowledge_level, "3", "a refused evaluation does not count")
        newer.action_reset_draft()
        newer.action_submit()
        newer.with_user(self.om_manager).action_approve()
        self.assertEqual(self.engineer.itss_knowledge_level, "5")
        with self.assertRefused(UserError, "Only a submitted evaluation"):
            newer.action_approve()

    def test_promotion_proposal(self):
        """Level ≥ 4 with a next grade proposes it, schedules an activity for HR managers; the button promotes."""
        evaluation = self.make_evaluation(scores={"Network basics": 10, "OS basics": 18})
        evaluation.action_submit()
        evaluation.with_user(self.om_manager).action_approve()
        self.assertEqual(evaluation.level, "5")
        self.assertEqual(evaluation.proposed_grade_id, self.intermediate)
        activity_users = evaluation.activity_ids.user_id
        self.assertIn(self.hr_manager, activity_users)
        self.assertNotIn(self.hr_officer, activity_users)
        with self.assertRefused(AccessError, "Only HR managers decide"):
            evaluation.with_user(self.om_manager).action_apply_promotion()
        evaluation.with_user(self.hr_manager).action_apply_promotion()
        self.assertEqual(self.engineer.itss_grade_id, self.intermediate)
        self.assertTrue(evaluation.promotion_applied)
        self.assertFalse(evaluation.activity_ids)
        with self.assertRefused(UserError, "already applied"):
            evaluation.with_user(self.hr_manager).action_apply_promotion()

    def test_no_promotion_below_level_4_or_top_grade(self):
        """Level 3 proposes nothing, nor does a senior engineer (no next grade)."""
        low = self.make_evaluation(scores={"Network basics": 6, "OS basics": 14})
        low.action_submit()
        low.action_approve()
        self.assertEqual(low.level, "3")
        self.assertFalse(low.proposed_grade_id)
        with self.assertRefused(UserError, "proposes no promotion"):
            low.with_user(self.hr_manager).action_apply_promotion()
        self.env["itss.evaluation.criterion"].create({"name": "Architecture", "grade_id": self.senior.id,
                                                      "kind": "knowledge"})
        top = self.make_evaluation(grade_id=self.senior.id)
        top.line_ids.score = 10
        top.action_submit()
        top.action_approve()
        self.assertEqual(top.level, "5")
        self.assertFalse(top.proposed_grade_id)

    def test_criterion_bad_input_and_roles(self):
        """Criteria need a positive maximum score and weight and are managed by HR managers only."""
        Criterion = self.env["itss.evaluation.criterion"]
        with self.assertRefused(ValidationError, "maximum score"):
            Criterion.create({"name": "X", "grade_id": self.junior.id, "kind": "knowledge", "max_score": 0})
        with self.assertRefused(ValidationError, "weight"):
            Criterion.create({"name": "X", "grade_id": self.junior.id, "kind": "knowledge", "weight": -1})
        with self.assertRaises(AccessError):
            Criterion.with_user(self.hr_officer).create({"name": "X", "grade_id": self.junior.id})
        self.crit_os.with_user(self.hr_manager).weight = 2
        self.assertEqual(self.crit_os.with_user(self.engineer_user).name, "OS basics")
