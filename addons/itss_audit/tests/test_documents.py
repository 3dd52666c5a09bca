# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ItssAuditCase


@tagged("post_install", "-at_install")
class TestSystemDocuments(ItssAuditCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env["document.page"].with_user(cls.qa).create({
            "name": "Test service desk rules", "type": "content", "content": "<p>v1</p>",
            "itss_doc_type": "rule", "itss_doc_number": "T-QR-07", "itss_version": "1.0",
            "itss_owner_id": cls.manager.id, "itss_department_ids": [(6, 0, cls.dept_om.ids)],
        })

    def test_version_life(self):
        """In force, reviewed yearly, replaced by a newer version that supersedes it; older versions refused."""
        self.rule.with_user(self.qa).action_itss_put_in_force()
        self.assertEqual((self.rule.itss_state, self.rule.itss_approved_by_id), ("in_force", self.qa))
        self.assertTrue(self.rule.itss_review_due)
        with self.assertRefused(UserError, "review notes"):
            self.rule.with_user(self.qa).action_itss_record_review()
        self.rule.with_user(self.qa).itss_review_note = "Still valid"
        self.rule.with_user(self.qa).action_itss_record_review()
        with self.assertRefused(AccessError, "new version"):
            self.rule.with_user(self.qa).content = "<p>edited in force</p>"
        with self.assertRefused(ValidationError, "not newer than version 1.0"):
            self.env["document.page"].with_user(self.qa).create({
                "name": "Old copy", "type": "content", "itss_doc_type": "rule", "itss_doc_number": "T-QR-07",
                "itss_version": "0.9"})
        action = self.rule.with_user(self.qa).action_itss_new_version()
        new = self.env["document.page"].browse(action["res_id"])
        self.assertEqual((new.itss_version, new.itss_state), ("1.1", "draft"))
        new.with_user(self.qa).action_itss_put_in_force()
        self.assertEqual((self.rule.itss_state, self.rule.itss_superseded_by_id), ("superseded", new))
        with self.assertRefused(AccessError, "closed"):
            self.rule.with_user(self.qa).itss_review_note = "Rewritten"

    def test_engineer_reads_documents_in_force_only(self):
        """Engineers read documents in force, never drafts or superseded versions; only QA approves."""
        Page = self.env["document.page"].with_user(self.engineer)
        self.assertFalse(Page.search([("id", "=", self.rule.id)]))
        with self.assertRefused(AccessError, "QA"):
            self.rule.with_user(self.manager).action_itss_put_in_force()
        with self.assertRefused(AccessError, "set by its actions"):
            self.rule.with_user(self.qa).itss_state = "in_force"
        self.rule.with_user(self.qa).action_itss_put_in_force()
        self.assertEqual(Page.search([("id", "=", self.rule.id)]), self.rule)
        with self.assertRaises(AccessError):
            self.rule.with_user(self.engineer).name = "Changed"

    def test_yearly_review_reminder(self):
        """A document in force whose yearly review is due gives its owner one activity."""
        self.rule.with_user(self.qa).action_itss_put_in_force()
        self.rule.sudo().itss_last_review_date = "2020-03-01"
        self.assertEqual(str(self.rule.itss_review_due), "2021-03-01")
        self.env["document.page"]._cron_remind_reviews()
        self.env["document.page"]._cron_remind_reviews()
        self.assertEqual(len(self.rule.activity_ids), 1)
        self.assertEqual(self.rule.activity_ids.user_id, self.manager)
