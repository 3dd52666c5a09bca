# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import importlib.util

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import ServiceDeskCase


@tagged("post_install", "-at_install")
class TestTicketPriority(ServiceDeskCase):
    def test_classification_fields(self):
        """A ticket carries its ITSS kind, channel, service project and affected configuration items."""
        equipment = self.env["maintenance.equipment"].create({"name": "HIS app server"})
        ticket = self.make_ticket(itss_kind="service_request", itss_channel="monitoring",
                                  equipment_ids=[(6, 0, equipment.ids)])
        self.assertEqual(ticket.itss_kind, "service_request")
        self.assertEqual(ticket.itss_channel, "monitoring")
        self.assertEqual(ticket.service_project_id, self.project)
        self.assertEqual(ticket.equipment_ids, equipment)

    def test_priority_from_matrix(self):
        """Impact × urgency gives the priority through the matrix, and follows changes."""
        ticket = self.make_ticket(itss_impact="1", itss_urgency="1")
        self.assertEqual(ticket.itss_priority, "P1")
        ticket.write({"itss_impact": "4", "itss_urgency": "4"})
        self.assertEqual(ticket.itss_priority, "P4")
        self.assertEqual(self.env["helpdesk.ticket"].search_count(
            [("id", "=", ticket.id), ("itss_priority", "=", "P4")]), 1)

    def test_missing_matrix_cell_refused(self):
        """An impact/urgency pair missing from the matrix is refused."""
        self.env["itss.priority.matrix"].search(
            [("company_id", "=", self.company.id), ("impact", "=", "2"), ("urgency", "=", "3")]
        ).unlink()
        with self.assertRefused(ValidationError, "no priority for impact 2 and urgency 3"):
            self.make_ticket(itss_impact="2", itss_urgency="3")

    def test_duplicate_matrix_cell_refused(self):
        """The matrix holds one priority per impact/urgency pair and company."""
        with self.assertRefused(Exception, "duplicate|already"), self.env.cr.savepoint():
            self.env["itss.priority.matrix"].create({"impact": "1", "urgency": "1", "priority": "P4"})
            self.env.flush_all()

    def test_override_needs_reason(self):
        """An agent may override the priority, but only with a reason."""
        ticket = self.make_ticket(itss_impact="3", itss_urgency="3")
        with self.assertRefused(ValidationError, "reason for overriding"):
            ticket.write({"itss_priority_override": "P2"})
        ticket.write({"itss_priority_override": "P2", "itss_priority_reason": "VIP department"})
        self.assertEqual(ticket.itss_priority, "P2")

    def test_major_incident_flag_and_notification(self):
        """A P1 incident is flagged major and the notification list receives a message."""
        watcher = self.env["res.partner"].create({"name": "CIO", "email": "cio@example.com"})
        ticket = self.make_ticket(itss_impact="1", itss_urgency="1",
                                  major_incident_partner_ids=[(6, 0, watcher.ids)])
        self.assertTrue(ticket.is_major_incident)
        message = ticket.message_ids.filtered(lambda m: "Major incident declared" in (m.body or ""))
        self.assertTrue(message)
        self.assertIn(watcher, message.partner_ids)
        request = self.make_ticket(itss_kind="consultation", itss_impact="1", itss_urgency="1")
        self.assertFalse(request.is_major_incident)
        request.is_major_incident = True
        self.assertTrue(request.message_ids.filtered(lambda m: "Major incident declared" in (m.body or "")))

    def test_major_incident_needs_report_to_close(self):
        """A major incident cannot be closed without its post-incident report."""
        ticket = self.make_ticket(itss_impact="1", itss_urgency="1")
        with self.assertRefused(ValidationError, "post-incident report"):
            ticket.write({"stage_id": self.stage_done.id})
        ticket.write({"major_incident_report": "<p>Root cause: failed disk.</p>", "stage_id": self.stage_done.id})
        self.assertTrue(ticket.closed)

    def test_service_project_of_other_company_refused(self):
        """A ticket cannot refer to another company's service project."""
        other = self.env["res.company"].create({"name": "Other O&M Co"})
        project = self.env["itss.service.project"].create({
            "name": "Other contract", "partner_id": self.customer.id, "company_id": other.id,
        })
        with self.assertRefused(UserError, "compan"):
            self.make_ticket(service_project_id=project.id)

    def test_company_without_matrix(self):
        """In a company without a priority matrix, tickets start without impact, urgency or priority."""
        other = self.env["res.company"].create({"name": "No Matrix Co"})
        ticket = self.env["helpdesk.ticket"].with_company(other).create({
            "name": "Printer jam", "description": "<p>Jam</p>", "company_id": other.id,
        })
        self.assertFalse(ticket.itss_impact)
        self.assertFalse(ticket.itss_priority)
        with self.assertRefused(ValidationError, "no priority for impact 1"):
            ticket.write({"itss_impact": "1", "itss_urgency": "1"})

    def test_helpdesk_priority_follows_itss_priority(self):
        """helpdesk's star priority follows the ITSS priority: P1 = 3 stars … P4 = none."""
        ticket = self.make_ticket(itss_impact="1", itss_urgency="1")
        self.assertEqual((ticket.itss_priority, ticket.priority), ("P1", "3"))
        ticket.write({"itss_impact": "2", "itss_urgency": "1"})
        self.assertEqual((ticket.itss_priority, ticket.priority), ("P2", "2"))
        ticket.write({"itss_impact": "4", "itss_urgency": "4"})
        self.assertEqual((ticket.itss_priority, ticket.priority), ("P4", "0"))
        ticket.write({"itss_priority_override": "P1", "itss_priority_reason": "Hospital director's PC"})
        self.assertEqual(ticket.priority, "3")
        self.assertEqual(self.env["helpdesk.ticket"].search_count(
            [("id", "=", ticket.id), ("priority", "=", "3"), ("itss_priority", "=", "P1")]), 1)

    def test_helpdesk_priority_not_written_directly(self):
        """Nobody sets the stars directly: an agent changes impact, urgency or the override instead."""
        ticket = self.make_ticket(itss_impact="3", itss_urgency="3")
        with self.assertRefused(AccessError, "set by its actions"):
            ticket.with_user(self.engineer).write({"priority": "3"})
        with self.assertRefused(AccessError, "set by its actions"):
            self.make_ticket(env=self.env(user=self.engineer), priority="3")
        self.assertEqual(ticket.priority, "1")

    def test_team_high_priority_count_is_p1(self):
        """The team dashboard's high-priority count and helpdesk's filter count the P1 tickets."""
        self.make_ticket(itss_impact="1", itss_urgency="1")
        self.make_ticket(itss_impact="2", itss_urgency="2")
        self.team.invalidate_recordset()
        self.assertEqual(self.team.todo_ticket_count_high_priority, 1)

    def test_upgrade_aligns_existing_tickets(self):
        """The 19.0.1.1.0 upgrade gives tickets created before it the stars of their ITSS priority."""
        p1 = self.make_ticket(itss_impact="1", itss_urgency="1")
        p4 = self.make_ticket(itss_impact="4", itss_urgency="4")
        self.env.flush_all()
        self.env.cr.execute("UPDATE helpdesk_ticket SET priority = '1' WHERE id IN %s", [(p1.id, p4.id)])
        self.env.invalidate_all()
        self.assertEqual((p1.priority, p4.priority), ("1", "1"))
        spec = importlib.util.spec_from_file_location(
            "itss_post_migrate", file_path("itss_service_desk/migrations/19.0.1.1.0/post-migrate.py"))
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "19.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual((p1.priority, p4.priority), ("3", "0"))
