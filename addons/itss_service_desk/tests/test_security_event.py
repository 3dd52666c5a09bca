# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ChangeCase


@tagged("post_install", "-at_install")
class TestSecurityEvent(ChangeCase):
    def make_event(self, user=None, **vals):
        return self.env["itss.security.event"].with_user(user or self.engineer).create({
            "name": "Ransomware on a nurse workstation", "classification": "malware",
            "reported_at": "2026-02-01 08:00:00", "project_id": self.project.id, **vals,
        })

    def test_deadline_from_severity(self):
        """The handling deadline follows the severity and stays editable."""
        expected = {"critical": datetime(2026, 2, 1, 12), "high": datetime(2026, 2, 2, 8),
                    "medium": datetime(2026, 2, 4, 8), "low": datetime(2026, 2, 8, 8)}
        for severity, deadline in expected.items():
            self.assertEqual(self.make_event(severity=severity).deadline, deadline)
        event = self.make_event(severity="low", deadline="2026-02-01 20:00:00")
        self.assertEqual(event.deadline, datetime(2026, 2, 1, 20))
        with self.assertRefused(ValidationError, "deadline is before"):
            self.make_event(deadline="2026-01-31 00:00:00")

    def test_handled_on_time(self):
        """An event handled by its deadline is on time; later is not; actions and report are required."""
        event = self.make_event(severity="critical")
        event.action_start()
        self.assertEqual(event.handler_id, self.engineer)
        with self.assertRefused(UserError, "actions taken"):
            event.action_handled()
        event.write({"actions_taken": "<p>Isolated the PC</p>"})
        event.sudo().handled_at = "2026-02-01 11:00:00"  # protected field: as superuser
        event.action_handled()
        self.assertTrue(event.handled_on_time)
        event.sudo().handled_at = "2026-02-01 13:00:00"
        self.assertFalse(event.handled_on_time)
        with self.assertRefused(ValidationError, "before it was reported"):
            event.sudo().handled_at = "2026-01-01 13:00:00"
        with self.assertRefused(UserError, "event report"):
            event.action_close()
        event.report = "<p>Report</p>"
        event.action_close()
        self.assertEqual(event.state, "closed")

    def test_roles(self):
        """O&M users record security events; QA and executives only read them."""
        event = self.make_event()
        for user in (self.qa, self.executive):
            self.assertTrue(event.with_user(user).deadline)
            with self.assertRaises(AccessError):
                event.with_user(user).write({"name": "x"})
            with self.assertRaises(AccessError):
                self.make_event(user=user)
