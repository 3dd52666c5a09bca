# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.itss_capability.tests.common import ItssCase


@tagged("post_install", "-at_install")
class TestKnowledge(ItssCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manual = cls.env.ref("itss_service_desk.knowledge_category_diagnosis_manual")
        cls.article = cls.env["itss.knowledge.article"].create({
            "name": "Storage array path failover",
            "category_id": cls.manual.id,
            "content": "<p>Check the multipath status.</p>",
            "user_id": cls.engineer.id,
        })
        cls.problem = cls.env["itss.problem"].create({
            "name": "Nightly backup overruns", "project_id": cls.project.id,
            "root_cause": "Backup window too small", "workaround": "Run incremental backups",
        })

    def test_categories_exist(self):
        """The typical fault diagnosis manual and emergency plan categories are shipped."""
        self.assertTrue(self.env.ref("itss_service_desk.knowledge_category_emergency_plan").exists())
        self.assertIn(self.article, self.env["itss.knowledge.article"].search([("category_id", "=", self.manual.id)]))
        self.assertGreaterEqual(self.manual.article_count, 1)

    def test_approval_by_manager(self):
        """Engineers submit; only an O&M manager approves, which publishes and sets the review date."""
        article = self.article.with_user(self.engineer)
        article.action_submit()
        with self.assertRefused(UserError, "Only an O&M manager"):
            article.action_approve()
        self.article.with_user(self.manager).action_approve()
        self.assertEqual(self.article.state, "published")
        self.assertEqual(self.article.approved_by_id, self.manager)
        self.assertTrue(self.article.review_date)

    def test_published_article_locked(self):
        """Engineers cannot change a published article without a new approval; back to draft unlocks it."""
        self.article.action_submit()
        self.article.with_user(self.manager).action_approve()
        article = self.article.with_user(self.engineer)
        with self.assertRefused(UserError, "put it back to draft"):
            article.write({"content": "<p>Changed</p>"})
        article.review_date = date(2030, 1, 1)
        article.action_reset_draft()
        article.write({"content": "<p>Changed</p>"})
        self.assertEqual(self.article.state, "draft")
        self.assertFalse(self.article.approved_by_id)

    def test_submit_refusals(self):
        """Submitting twice or without content is refused; a draft cannot be used."""
        empty = self.article.copy({"content": False})
        with self.assertRefused(UserError, "no content"):
            empty.action_submit()
        with self.assertRefused(UserError, "not published"):
            self.article.action_use()
        self.article.action_submit()
        with self.assertRefused(UserError, "Only draft"):
            self.article.action_submit()

    def test_usage_count(self):
        """Using a published article to solve a ticket counts the use."""
        self.article.action_submit()
        self.article.with_user(self.manager).action_approve()
        self.article.with_user(self.engineer).action_use()
        self.article.with_user(self.engineer).action_use()
        self.assertEqual(self.article.usage_count, 2)
        with self.assertRaises(AccessError):
            self.article.with_user(self.executive).action_use()

    def test_review_reminder(self):
        """Due articles get one review to-do activity for their author."""
        self.article.action_submit()
        self.article.with_user(self.manager).action_approve()
        self.article.review_date = date(2020, 1, 1)
        Article = self.env["itss.knowledge.article"]
        self.assertIn(self.article, Article._cron_review_reminder())
        Article._cron_review_reminder()
        self.assertEqual(len(self.article.activity_ids), 1)
        self.assertEqual(self.article.activity_ids.user_id, self.engineer)

    def test_publish_known_error(self):
        """A known error is published in one click; a manager's click publishes at once."""
        with self.assertRefused(UserError, "not a known error"):
            self.problem.action_publish_knowledge()
        self.problem.action_known_error()
        action = self.problem.with_user(self.manager).action_publish_knowledge()
        article = self.env["itss.knowledge.article"].browse(action["res_id"])
        self.assertEqual(article.problem_id, self.problem)
        self.assertEqual(article.state, "published")
        self.assertIn("Run incremental backups", article.content)
        self.assertEqual(self.problem.action_publish_knowledge()["res_id"], article.id)
        self.assertEqual(self.problem.article_count, 1)
        self.assertEqual(self.problem.action_view_articles()["domain"], [("problem_id", "=", self.problem.id)])

    def test_publish_by_engineer_waits_for_approval(self):
        """An engineer's one-click publish sends the article to approval; no workaround is refused."""
        self.problem.action_known_error()
        action = self.problem.with_user(self.engineer).action_publish_knowledge()
        self.assertEqual(self.env["itss.knowledge.article"].browse(action["res_id"]).state, "to_approve")
        self.problem.workaround = False
        self.problem.article_ids.unlink()
        with self.assertRefused(UserError, "no workaround"):
            self.problem.action_publish_knowledge()

    def test_roles(self):
        """QA and executives read articles but cannot edit them; engineers cannot manage categories."""
        self.assertEqual(self.article.with_user(self.qa).name, "Storage array path failover")
        with self.assertRaises(AccessError):
            self.article.with_user(self.executive).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["itss.knowledge.category"].with_user(self.engineer).create({"name": "x"})
