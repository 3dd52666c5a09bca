# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from unittest.mock import patch

from odoo.tests import tagged

from .common import ServiceDeskCase


@tagged("post_install", "-at_install")
class TestCustomerSignup(ServiceDeskCase):
    """E-mails about a customer's tickets carry its portal link without writing the customer each time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("auth_signup.invitation_scope", "b2c")
        (cls.engineer | cls.engineer2).notification_type = "email"

    def customer_writes(self, func):
        """Run ``func`` and return the values written on the customer partner meanwhile."""
        Partner = self.registry["res.partner"]
        original, written = Partner.write, []

        def spy(records, vals):
            if self.customer in records:
                written.append(vals)
            return original(records, vals)

        with patch.object(Partner, "write", spy):
            func()
            self.env.flush_all()
        return written

    def test_reassign_writes_customer_once(self):
        """Reassigning e-mails the engineer with the customer's link; the customer is written only the first time."""
        ticket = self.make_ticket().with_context(tracking_disable=False)
        self.assertFalse(self.customer.signup_type)
        first = self.customer_writes(lambda: ticket.write({"user_id": self.engineer.id}))
        self.assertEqual(first, [{"signup_type": "signup"}])
        again = self.customer_writes(lambda: ticket.write({"user_id": self.engineer2.id}))
        self.assertEqual(again, [], "a second e-mail must not lock the customer's row again")
        assigned = self.env["mail.message"].search([
            ("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id),
            ("partner_ids", "in", self.engineer2.partner_id.ids),
        ])
        self.assertTrue(assigned, "the new engineer is still notified")
        token = self.customer._generate_signup_token()
        self.assertEqual(self.env["res.partner"]._get_partner_from_token(token), self.customer,
                         "the customer's signup link stays valid")

    def test_changed_signup_type_written(self):
        """A signup type that changes (a password reset after an invitation) is still written."""
        self.customer.signup_prepare()
        self.assertEqual(self.customer.signup_type, "signup")
        self.customer.signup_prepare(signup_type="reset")
        self.assertEqual(self.customer.signup_type, "reset")
