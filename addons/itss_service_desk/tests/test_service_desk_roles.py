# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ServiceDeskCase


@tagged("post_install", "-at_install")
class TestServiceDeskProcessRoles(ServiceDeskCase):
    def test_engineer_dispatches_and_handles(self):
        """An engineer logs, dispatches, returns, visits on site and records the return visit."""
        env = self.env(user=self.engineer)
        ticket = self.make_ticket(env=env, itss_impact="2", itss_urgency="2")
        self.assertEqual(ticket.itss_priority, "P2")
        dispatch = env["itss.ticket.dispatch"].create({"ticket_id": ticket.id, "user_id": self.engineer2.id})
        dispatch.action_return("Wrong site")
        dispatch = env["itss.ticket.dispatch"].create({"ticket_id": ticket.id, "user_id": self.engineer.id})
        env["itss.onsite.visit"].create({
            "ticket_id": ticket.id, "actual_arrival": dispatch.dispatched_at + timedelta(minutes=40),
        })
        ticket.write({"stage_id": self.stage_done.id, "itss_resolution_code": "hardware_replaced"})
        env["itss.return.visit"].create({"ticket_id": ticket.id, "score": "5"})
        self.assertEqual((ticket.dispatch_count, ticket.returned_dispatch_count), (2, 1))

    def test_executive_reads_only(self):
        """The executive reads tickets, dispatches and visits but cannot change them."""
        ticket = self.make_ticket()
        dispatch = self.env["itss.ticket.dispatch"].create({"ticket_id": ticket.id, "user_id": self.engineer.id})
        env = self.env(user=self.executive)
        self.assertEqual(env["itss.ticket.dispatch"].browse(dispatch.id).user_id, self.engineer)
        self.assertEqual(env["helpdesk.ticket"].browse(ticket.id).itss_priority, ticket.itss_priority)
        self.assertTrue(env["itss.priority.matrix"].search_count([]))
        with self.assertRaises(AccessError):
            env["itss.ticket.dispatch"].create({"ticket_id": ticket.id, "user_id": self.engineer.id})
        with self.assertRaises(AccessError):
            env["itss.priority.matrix"].browse(
                env["itss.priority.matrix"].search([], limit=1).id).write({"priority": "P4"})

    def test_only_manager_deletes_matrix(self):
        """Engineers cannot delete priority matrix cells; managers can."""
        cell = self.env["itss.priority.matrix"].search([("company_id", "=", self.company.id)], limit=1)
        with self.assertRaises(AccessError):
            cell.with_user(self.engineer).unlink()
        cell.with_user(self.manager).unlink()
        self.assertFalse(cell.exists())
