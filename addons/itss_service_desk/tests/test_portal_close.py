# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged

from odoo.addons.itss_capability.tests.common import ItssPortalCase


@tagged("post_install", "-at_install")
class TestPortalClose(ItssPortalCase):
    """helpdesk_mgmt's /ticket/close and the SLA clocks, as two portal customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hospital, cls.portal = cls.portal_customer(
            "sd_close_hospital", "Close Hospital", "Hospital contact", "c@h.example.com")
        cls.bank, cls.portal2 = cls.portal_customer("sd_close_bank", "Close Bank", "Bank contact", "c@b.example.com")
        team = cls.env["helpdesk.ticket.team"].create({"name": "Close desk", "use_sla": True})
        cls.sla = cls.env["helpdesk.sla"].create({
            "name": "Close 8h", "hours": 8, "team_ids": [(6, 0, team.ids)],
            "stage_id": cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id,
        })
        Ticket = cls.env["helpdesk.ticket"]
        cls.ticket = Ticket.create({"name": "Own printer", "description": "<p>x</p>", "team_id": team.id,
                                    "partner_id": cls.portal.partner_id.id})
        cls.bank_ticket = Ticket.create({"name": "Bank ATM", "description": "<p>x</p>", "team_id": team.id,
                                         "partner_id": cls.bank.id})
        cls.stage_cancelled = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")

    def test_close_other_customers_ticket_refused(self):
        """A portal customer cannot close another customer's ticket by its id."""
        self.authenticate("sd_close_hospital", "sd_close_hospital")
        response = self.url_open(f"/ticket/close?ticket_id={self.bank_ticket.id}&stage_id={self.stage_cancelled.id}",
                                 allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertNotEqual(self.bank_ticket.stage_id, self.stage_cancelled)

    def test_close_own_ticket(self):
        """A portal customer still closes their own ticket."""
        self.authenticate("sd_close_hospital", "sd_close_hospital")
        response = self.url_open(f"/ticket/close?ticket_id={self.ticket.id}&stage_id={self.stage_cancelled.id}",
                                 allow_redirects=False)
        self.assertIn(f"/my/ticket/{self.ticket.id}", response.headers.get("Location", ""))
        self.ticket.invalidate_recordset()
        self.assertEqual(self.ticket.stage_id, self.stage_cancelled)

    def test_portal_reads_only_own_sla_clocks(self):
        """A portal customer reads the SLA clocks of their own tickets only."""
        Clock = self.env["helpdesk.ticket.sla"]
        self.assertTrue(self.ticket.ticket_sla_ids and self.bank_ticket.ticket_sla_ids)
        for user, own, other in ((self.portal, self.ticket, self.bank_ticket),
                                 (self.portal2, self.bank_ticket, self.ticket)):
            visible = Clock.with_user(user).search([("id", "in", (own | other).ticket_sla_ids.ids)])
            self.assertEqual(visible, own.ticket_sla_ids)
            self.assertFalse(Clock.with_user(user).search_count([("ticket_id", "=", other.id)]))
