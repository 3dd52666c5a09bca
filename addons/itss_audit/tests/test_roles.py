# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.itss_capability.tests.common import ItssBaseCase


@tagged("post_install", "-at_install")
class TestAuditRoles(ItssBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users("au", "qa", "executive", "engineer")

    def test_qa_runs_audits_and_prepares_reviews(self):
        """A QA auditor plans internal audits and prepares management reviews."""
        audit = self.env["mgmtsystem.audit"].with_user(self.qa).create({"name": "2026 internal audit"})
        self.assertTrue(audit.exists())
        review = self.env["mgmtsystem.review"].with_user(self.qa).create({
            "name": "2026 management review", "date": "2026-12-15 09:00:00",
        })
        self.assertEqual(review.with_user(self.executive).name, "2026 management review")

    def test_executive_reads_reviews_only(self):
        """Executives read management reviews but cannot create or change them."""
        review = self.env["mgmtsystem.review"].create({"name": "Review", "date": "2026-12-15 09:00:00"})
        self.assertEqual(review.with_user(self.executive).name, "Review")
        with self.assertRaises(AccessError):
            review.with_user(self.executive).name = "Changed"

    def test_engineer_has_no_audit_access(self):
        """O&M engineers do not see internal audit records."""
        with self.assertRaises(AccessError):
            self.env["mgmtsystem.audit"].with_user(self.engineer).search([])
