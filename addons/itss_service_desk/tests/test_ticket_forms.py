# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import Form, tagged

from .common import ServiceDeskCase


@tagged("post_install", "-at_install")
class TestTicketForms(ServiceDeskCase):
    def test_ticket_form_itss_page(self):
        """The ticket form's ITSS page classifies the ticket and shows its priority."""
        with Form(self.env["helpdesk.ticket"].with_user(self.engineer)) as form:
            form.name = "Bank core switch down"
            form.description = "<p>All branches offline.</p>"
            form.service_project_id = self.project
            form.itss_kind = "incident"
            form.itss_channel = "monitoring"
            form.itss_impact = "1"
            form.itss_urgency = "1"
            self.assertEqual(form.itss_priority, "P1")
            self.assertTrue(form.is_major_incident)
        ticket = form.record
        self.assertEqual(ticket.itss_priority, "P1")
        self.assertTrue(ticket.is_major_incident)

    def test_dispatch_dialog(self):
        """The Dispatch button's dialog creates the dispatch and assigns the engineer."""
        ticket = self.make_ticket()
        action = ticket.with_user(self.engineer).action_itss_dispatch()
        Dispatch = self.env[action["res_model"]].with_user(self.engineer).with_context(**action["context"])
        with Form(Dispatch) as form:
            form.user_id = self.engineer2
        self.assertEqual(form.record.ticket_id, ticket)
        self.assertEqual(ticket.user_id, self.engineer2)
        self.assertEqual(form.record.dispatched_by_id, self.engineer)
        with Form(form.record.with_user(self.engineer2)) as return_form:
            return_form.return_reason = "Needs a storage specialist"
        form.record.with_user(self.engineer2).action_return()
        self.assertEqual(ticket.returned_dispatch_count, 1)
