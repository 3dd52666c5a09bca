# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ChangeCase


@tagged("post_install", "-at_install")
class TestRelease(ChangeCase):
    def make_release(self, user=None, **vals):
        return self.env["itss.release"].with_user(user or self.engineer).create({
            "name": "HIS Q1 release", "version": "5.2.0", "project_id": self.project.id,
            "planned_date": "2026-03-10", "test_plan": "<p>Regression suite</p>", **vals,
        })

    def test_rollback_plan_required(self):
        """A release without a rollback plan does not move past draft."""
        release = self.make_release()
        with self.assertRefused(ValidationError, "without a rollback plan"):
            release.action_plan()
        with self.assertRefused(AccessError, "set by its actions"):
            self.make_release(state="planned")
        with self.assertRefused(ValidationError, "without a rollback plan"):
            self.make_release(user=self.env.ref("base.user_root"), state="planned")
        release.rollback_plan = "<p>Restore the 5.1 image</p>"
        release.action_plan()
        self.assertEqual(release.state, "planned")

    def test_deploy_on_time_and_late(self):
        """Deployment on or before the planned date is on time; later is late; rollback is flagged."""
        release = self.make_release(rollback_plan="<p>Restore</p>")
        release.action_plan()
        release.action_test()
        release.sudo().deployed_date = "2026-03-10"  # recorded beforehand (protected field: as superuser)
        release.action_deploy()
        self.assertEqual(release.state, "deployed")
        self.assertTrue(release.on_time)
        release.sudo().deployed_date = "2026-03-12"
        self.assertFalse(release.on_time)
        release.action_rollback()
        self.assertTrue(release.rolled_back)
        self.assertEqual(self.env["itss.release"].search_count(
            [("id", "=", release.id), ("rolled_back", "=", True), ("on_time", "=", False)]), 1)

    def test_deploy_needs_approved_changes(self):
        """A release cannot be deployed with an unapproved change in it."""
        change = self.make_change()
        release = self.make_release(rollback_plan="<p>Restore</p>", change_ids=[(6, 0, change.ids)])
        release.action_plan()
        release.action_test()
        with self.assertRefused(UserError, "unapproved changes"):
            release.action_deploy()
        change.action_submit()
        change.with_user(self.approver).action_approve()
        release.action_deploy()
        self.assertTrue(release.deployed_date)

    def test_state_flow(self):
        """Actions only apply in their state; testing needs a test plan; cancelled goes back to draft."""
        release = self.make_release(rollback_plan="<p>Restore</p>", test_plan=False)
        with self.assertRefused(UserError, "cannot be"):
            release.action_deploy()
        release.action_plan()
        with self.assertRefused(UserError, "test plan"):
            release.action_test()
        release.action_cancel()
        release.action_draft()
        self.assertEqual(release.state, "draft")

    def test_roles(self):
        """O&M users manage releases; QA and executives only read them."""
        release = self.make_release()
        for user in (self.qa, self.executive):
            self.assertEqual(release.with_user(user).version, "5.2.0")
            with self.assertRaises(AccessError):
                release.with_user(user).write({"version": "x"})
