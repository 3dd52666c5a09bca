# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PeopleGuardCase


@tagged("post_install", "-at_install")
class TestCompanyRules(PeopleGuardCase):
    """Records and their lines stay in their company: another company's managers neither read nor act."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.appraisal = cls.make_appraisal(cls)
        cls.appraisal.action_submit()
        cls.evaluation = cls.make_evaluation(cls, scores={"Network basics": 9, "OS basics": 10})
        cls.evaluation.action_submit()

    def test_lines_follow_their_parent_company(self):
        """Appraisal and evaluation lines carry their parent's company (stored related)."""
        self.assertEqual(self.appraisal.line_ids.company_id, self.company)
        self.assertEqual(self.evaluation.line_ids.company_id, self.company)

    def test_other_company_manager_reads_no_scores(self):
        """An HR or O&M manager of company 2 reads neither company 1's appraisal scores nor evaluation lines."""
        for user in (self.hr_manager2, self.om_manager2):
            AppraisalLine = self.env["itss.performance.appraisal.line"].with_user(user)
            EvaluationLine = self.env["itss.skill.evaluation.line"].with_user(user)
            self.assertFalse(AppraisalLine.search([("id", "in", self.appraisal.line_ids.ids)]))
            self.assertFalse(EvaluationLine.search([("id", "in", self.evaluation.line_ids.ids)]))
            with self.assertRefused(AccessError, "."):
                self.appraisal.line_ids.with_user(user).read(["score"])
            with self.assertRefused(AccessError, "."):
                self.evaluation.line_ids.with_user(user).read(["score"])
            with self.assertRefused(AccessError, "."):
                self.appraisal.with_user(user).read(["overall_rating"])
            self.assertFalse(AppraisalLine._read_group([], ["appraisal_id"], ["score:avg"]))

    def test_same_company_manager_reads_scores(self):
        """Company 1's HR manager reads the lines the second company's managers cannot."""
        lines = self.appraisal.line_ids.with_user(self.hr_manager)
        self.assertEqual(lines.mapped("score"), [80, 70])
        self.assertEqual(len(self.evaluation.line_ids.with_user(self.hr_manager).read(["score"])), 2)

    def test_other_company_approver_refused(self):
        """An approver of company 2 is refused on company 1's evaluation, appraisal and lines."""
        for user in (self.hr_manager2, self.om_manager2):
            with self.assertRefused(AccessError, "."):
                self.evaluation.with_user(user).action_approve()
            with self.assertRefused(AccessError, "."):
                self.evaluation.with_user(user).action_refuse()
            with self.assertRefused(AccessError, "."):
                self.appraisal.with_user(user).action_reset_draft()
            with self.assertRefused(AccessError, "."):
                self.appraisal.line_ids[:1].with_user(user).comment = "from another company"
        self.assertEqual((self.evaluation.state, self.appraisal.state), ("submitted", "submitted"))
