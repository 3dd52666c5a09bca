# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ChangeCase


@tagged("post_install", "-at_install")
class TestChangeRequest(ChangeCase):
    def schedule(self, change):
        change.write({"implementer_id": self.engineer.id, "planned_start": "2026-03-01 20:00:00",
                      "planned_end": "2026-03-01 23:00:00"})
        change.action_schedule()

    def test_number_and_name(self):
        """A change request gets a number from the sequence and shows it in its display name."""
        change = self.make_change()
        self.assertTrue(change.number.startswith("CHG"))
        self.assertIn(change.number, change.display_name)

    def test_submit_asks_each_approver(self):
        """Submitting a normal change creates one approval activity per change approver."""
        change = self.make_change()
        change.action_submit()
        self.assertEqual(change.state, "submitted")
        activity_type = self.env.ref("itss_service_desk.mail_activity_type_change_approval")
        activities = change.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertIn(self.approver, activities.user_id)
        self.assertIn(self.approver2, activities.user_id)
        self.assertEqual(len(activities), len(activities.user_id))
        change.with_user(self.approver).action_approve()
        self.assertEqual(change.state, "approved")
        self.assertEqual(change.approver_id, self.approver)
        self.assertTrue(change.approval_date and change.approved)
        self.assertFalse(change.activity_ids.filtered(lambda a: a.activity_type_id == activity_type))

    def test_standard_change_pre_approved(self):
        """A standard change is approved on submission, without an approver."""
        change = self.make_change(change_type="standard")
        change.action_submit()
        self.assertEqual(change.state, "approved")
        self.assertTrue(change.approved)
        self.assertFalse(change.approver_id)
        self.assertFalse(change.activity_ids)

    def test_only_approvers_approve(self):
        """Only change approvers approve or reject; nobody approves a change by writing its state."""
        change = self.make_change()
        change.action_submit()
        for user in (self.engineer, self.manager):
            with self.assertRefused(AccessError, "change approver"):
                change.with_user(user).action_approve()
            with self.assertRefused(AccessError, "change approver"):
                change.with_user(user).action_reject()
        with self.assertRefused(AccessError, "set by its actions"):
            change.with_user(self.engineer).write({"state": "approved"})
        with self.assertRefused(AccessError, "set by its actions"):
            change.with_user(self.manager).write({"approval_date": "2026-01-01 00:00:00"})
        self.assertEqual(change.state, "submitted")

    def test_no_self_approval(self):
        """An approver cannot approve their own change request."""
        change = self.make_change(user=self.approver)
        change.action_submit()
        activity_type = self.env.ref("itss_service_desk.mail_activity_type_change_approval")
        self.assertNotIn(self.approver,
                         change.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).user_id)
        with self.assertRefused(UserError, "cannot approve their own"):
            change.with_user(self.approver).action_approve()
        change.with_user(self.approver2).action_approve()
        self.assertEqual(change.approver_id, self.approver2)

    def test_reject_needs_comment(self):
        """A rejection needs a comment; a rejected change goes back to draft and is resubmitted."""
        change = self.make_change()
        change.action_submit()
        with self.assertRefused(UserError, "why change"):
            change.with_user(self.approver).action_reject()
        change.with_user(self.approver).approval_comment = "No rollback possible"
        change.with_user(self.approver).action_reject()
        self.assertEqual(change.state, "rejected")
        self.assertFalse(change.approved)
        with self.assertRefused(UserError, "not approved"):
            change.action_implement()
        change.action_draft()
        self.assertFalse(change.approval_date)
        change.action_submit()
        self.assertEqual(change.state, "submitted")

    def test_unapproved_never_implemented(self):
        """An unapproved change can never be implemented, by button or by writing its state."""
        change = self.make_change()
        with self.assertRefused(UserError, "never be implemented"):
            change.action_implement()
        change.action_submit()
        with self.assertRefused(UserError, "never be implemented"):
            change.action_implement()
        for state in ("scheduled", "implementing", "review"):
            with self.assertRefused(AccessError, "set by its actions"):
                change.write({"state": state})
            with self.assertRefused(ValidationError, "never be implemented"):
                change.sudo().write({"state": state})
        with self.assertRefused(ValidationError, "never be implemented"):
            change.sudo().write({"state": "closed", "result": "successful"})

    def test_planned_dates(self):
        """A planned end before the planned start is refused; scheduling needs dates and implementer."""
        with self.assertRefused(ValidationError, "planned end is before"):
            self.make_change(planned_start="2026-03-02 10:00:00", planned_end="2026-03-01 10:00:00")
        change = self.make_change(change_type="standard")
        change.action_submit()
        with self.assertRefused(UserError, "planned start and end"):
            change.action_schedule()

    def test_full_lifecycle_and_result(self):
        """A normal change is approved, scheduled, implemented, reviewed and closed with a result."""
        change = self.make_change()
        change.action_submit()
        change.with_user(self.approver).action_approve()
        self.schedule(change)
        change.action_implement()
        self.assertEqual(change.state, "implementing")
        change.action_review()
        with self.assertRefused(UserError, "record the result"):
            change.action_close()
        with self.assertRefused(ValidationError, "needs a result"):
            change.sudo().write({"state": "closed"})
        change.result = "successful"
        change.action_close()
        self.assertEqual(change.state, "closed")
        with self.assertRefused(UserError, "cannot be"):
            change.action_cancel()

    def test_emergency_needs_review(self):
        """An emergency change is closed only after its post-implementation review."""
        change = self.make_change(change_type="emergency", risk_level="high")
        change.action_submit()
        change.with_user(self.approver).action_approve()
        self.schedule(change)
        change.action_implement()
        change.action_review()
        change.result = "rolled_back"
        with self.assertRefused(ValidationError, "post-implementation review"):
            change.action_close()
        change.review = "<p>Rolled back after 10 minutes; root cause found.</p>"
        change.action_close()
        self.assertEqual(change.state, "closed")

    def test_cancel(self):
        """An unapproved change can be cancelled: closed with the result cancelled, no review needed."""
        change = self.make_change(change_type="emergency")
        change.action_submit()
        change.action_cancel()
        self.assertEqual((change.state, change.result), ("closed", "cancelled"))
        self.assertFalse(change.activity_ids)

    def test_roles(self):
        """O&M users request changes, managers delete them, QA and executives only read them."""
        change = self.make_change()
        change.with_user(self.engineer).write({"risk_level": "medium"})
        for user in (self.qa, self.executive):
            self.assertEqual(change.with_user(user).name, "Upgrade HIS database")
            with self.assertRaises(AccessError):
                change.with_user(user).write({"name": "x"})
            with self.assertRaises(AccessError):
                self.make_change(user=user)
        with self.assertRaises(AccessError):
            change.with_user(self.engineer).unlink()
        self.assertTrue(self.approver.has_group("itss_capability.group_itss_user"))
        change.with_user(self.manager).unlink()
        self.assertFalse(change.exists())

    def test_multi_company(self):
        """Changes of another company stay hidden and cannot use this company's service project."""
        other = self.env["res.company"].create({"name": "Other O&M company"})
        with self.assertRefused(UserError, "(?i)compan"):
            self.env["itss.change.request"].create({
                "name": "Cross-company", "reason": "x", "company_id": other.id, "project_id": self.project.id,
            })
        hidden = self.env["itss.change.request"].create({"name": "Other change", "reason": "x",
                                                         "company_id": other.id})
        self.assertFalse(self.env["itss.change.request"].with_user(self.engineer).search([("id", "=", hidden.id)]))
