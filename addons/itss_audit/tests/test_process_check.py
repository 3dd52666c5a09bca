# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ItssAuditCase


@tagged("post_install", "-at_install")
class TestProcessCheck(ItssAuditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qa_2 = new_test_user(cls.env, "au_qa_2", groups="itss_capability.group_itss_qa")
        cls.project.manager_id = cls.manager

    def test_check_deviation_review(self):
        """A daily check's deviation becomes an improvement; another QA auditor reviews the check."""
        check = self.env["itss.process.check"].with_user(self.qa).create({
            "process_id": self.env.ref("itss_capability.itss_process_incident").id, "project_id": self.project.id})
        with self.assertRefused(UserError, "empty checklist"):
            check.with_user(self.qa).action_done()
        check.with_user(self.qa).action_generate_lines()
        self.assertGreaterEqual(len(check.line_ids), 4, "three standard questions and the clause's evidence")
        with self.assertRefused(UserError, "Answer every line"):
            check.with_user(self.qa).action_done()
        check.line_ids.with_user(self.qa).write({"result": "ok"})
        check.line_ids[0].with_user(self.qa).write({"result": "deviation", "note": "Two tickets without solution"})
        check.with_user(self.qa).action_done()
        improvement = check.line_ids[0].improvement_id
        self.assertEqual((improvement.source, improvement.owner_id, improvement.source_ref),
                         ("daily_check", self.manager, check))
        with self.assertRefused(AccessError, "closed|can no longer"):
            check.line_ids[1].with_user(self.qa).result = "deviation"
        check.with_user(self.qa).review_conclusion = "Sample of 5 tickets confirms the check"
        with self.assertRefused(UserError, "another QA auditor"):
            check.with_user(self.qa).action_review()
        with self.assertRefused(AccessError, "QA"):
            check.with_user(self.manager).action_review()
        check.with_user(self.qa_2).action_review()
        self.assertEqual((check.state, check.reviewer_id), ("reviewed", self.qa_2))
        with self.assertRefused(AccessError, "closed"):
            check.with_user(self.qa).conclusion = "Rewritten"

    def test_engineer_and_other_company(self):
        """Engineers have no daily checks; another company's QA sees none of ours."""
        check = self.env["itss.process.check"].with_user(self.manager).create({
            "process_id": self.env.ref("itss_capability.itss_process_change").id})
        with self.assertRaises(AccessError):
            self.env["itss.process.check"].with_user(self.engineer).search([])
        other = self.env["res.company"].create({"name": "Other check company"})
        outsider = new_test_user(self.env, "au_check_outsider", company_id=other.id,
                                 company_ids=[(6, 0, other.ids)], groups="itss_capability.group_itss_qa")
        self.assertFalse(self.env["itss.process.check"].with_user(outsider).search([("id", "=", check.id)]))
