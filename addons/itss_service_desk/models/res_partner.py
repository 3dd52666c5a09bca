# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def signup_prepare(self, signup_type="signup"):
        """Write the signup type only on the partners where it changes.

        Every e-mail about a ticket (an assignment, a reply) prepares the portal link of the
        ticket's customer, and auth_signup wrote the customer's partner each time even when its
        signup type was already set: concurrent e-mails about tickets of one customer then
        collided on that one row (serialization failures, requests retried for seconds). The
        signup token does not depend on that write, so it stays the same and stays valid.
        """
        changed = self.filtered(lambda partner: partner.sudo().signup_type != signup_type)
        return super(ResPartner, changed).signup_prepare(signup_type=signup_type)
