# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.modules.registry import Registry

from .test_sla import SlaCase


class TestSlaCacheStamp(SlaCase):
    """The SLA and priority caches follow their sources without clearing Odoo's caches."""

    def ticket_at(self, when):
        with freeze_time(when):
            ticket = self.p3_ticket()
            ticket.flush_recordset()
        return ticket

    def test_new_holiday_moves_deadline_without_cache_clearing(self):
        """A public holiday entered later moves the next deadline and clears no registry cache."""
        self.assertEqual(
            self.row(self.ticket_at(datetime(2041, 10, 14, 15)), self.p3_resolution).deadline,
            datetime(2041, 10, 15, 15),
        )
        with patch.object(Registry, "clear_cache", side_effect=AssertionError("registry cache cleared")):
            self.env["resource.calendar.leaves"].create({
                "name": "Extra holiday", "calendar_id": self.calendar.id,
                "date_from": datetime(2041, 10, 15, 0), "date_to": datetime(2041, 10, 15, 23, 59, 59),
            })
            after = self.ticket_at(datetime(2041, 10, 14, 15))
        self.assertEqual(self.row(after, self.p3_resolution).deadline, datetime(2041, 10, 16, 15))

    def test_holiday_moved_and_removed(self):
        """Moving a holiday to another day, then deleting it, is seen by the next tickets."""
        holiday = self.env["resource.calendar.leaves"].create({
            "name": "Extra holiday", "calendar_id": self.calendar.id,
            "date_from": datetime(2041, 10, 15, 0), "date_to": datetime(2041, 10, 15, 23, 59, 59),
        })
        ticket = self.ticket_at(datetime(2041, 10, 14, 15))
        self.assertEqual(self.row(ticket, self.p3_resolution).deadline, datetime(2041, 10, 16, 15))
        holiday.write({"date_from": datetime(2041, 10, 14, 0), "date_to": datetime(2041, 10, 14, 23, 59, 59)})
        ticket = self.ticket_at(datetime(2041, 10, 13, 15))
        self.assertEqual(self.row(ticket, self.p3_resolution).deadline, datetime(2041, 10, 15, 17))
        holiday.unlink()
        ticket = self.ticket_at(datetime(2041, 10, 13, 15))
        self.assertEqual(self.row(ticket, self.p3_resolution).deadline, datetime(2041, 10, 14, 17))

    def test_changed_service_hours_apply(self):
        """Shortened service hours (attendances) are used by the next ticket's deadline."""
        ticket = self.ticket_at(datetime(2041, 9, 23, 9))
        self.assertEqual(self.row(ticket, self.p3_resolution).deadline, datetime(2041, 9, 23, 17))
        self.calendar.attendance_ids.write({"hour_to": 13})
        ticket = self.ticket_at(datetime(2041, 9, 23, 9))
        self.assertEqual(self.row(ticket, self.p3_resolution).deadline, datetime(2041, 9, 24, 13))

    def test_personal_time_off_keeps_the_stamp(self):
        """A person's time off does not change the calendar's working time, so its stamp stays."""
        stamp = self.calendar._itss_cache_stamp("resource.calendar", self.calendar.id)
        resource = self.env["resource.resource"].create({"name": "Engineer Wang", "calendar_id": self.calendar.id})
        self.env["resource.calendar.leaves"].create({
            "name": "Annual leave", "calendar_id": self.calendar.id, "resource_id": resource.id,
            "date_from": datetime(2041, 10, 15, 0), "date_to": datetime(2041, 10, 15, 23, 59, 59),
        })
        self.assertEqual(self.calendar._itss_cache_stamp("resource.calendar", self.calendar.id), stamp)

    def test_stamp_never_reused_after_rollback(self):
        """A stamp taken by a rolled-back change is not handed out again."""
        with self.env.cr.savepoint(flush=False) as savepoint:
            self.calendar.write({"name": "Renamed"})
            rolled_back = self.calendar._itss_cache_stamp("resource.calendar", self.calendar.id)
            savepoint.rollback()
        self.calendar.write({"name": "Renamed again"})
        self.assertNotEqual(self.calendar._itss_cache_stamp("resource.calendar", self.calendar.id), rolled_back)

    def test_matrix_change_without_cache_clearing(self):
        """A new priority in the matrix is used at once, without clearing any registry cache."""
        Matrix = self.env["itss.priority.matrix"]
        self.assertEqual(Matrix._priority_for("3", "3", self.company), "P3")
        cell = Matrix.search([("company_id", "=", self.company.id), ("impact", "=", "3"), ("urgency", "=", "3")])
        with patch.object(Registry, "clear_cache", side_effect=AssertionError("registry cache cleared")):
            cell.priority = "P2"
            self.assertEqual(Matrix._priority_for("3", "3", self.company), "P2")

    def test_new_sla_applies_to_next_ticket(self):
        """An SLA added after tickets were matched applies to the next ticket, no registry cache cleared."""
        self.assertEqual(self.p3_ticket().ticket_sla_ids.sla_id, self.p3_resolution | self.p3_response)
        with patch.object(Registry, "clear_cache", side_effect=AssertionError("registry cache cleared")):
            self.p3_response.active = False
            faster = self.env["helpdesk.sla"].create({
                "name": "P3 response 1h", "itss_priority": "P3", "hours": 1, "itss_target": "response",
                "stage_id": self.stage_done.id, "service_project_ids": [Command.set(self.project.ids)]})
            self.assertEqual(self.p3_ticket().ticket_sla_ids.sla_id, self.p3_resolution | faster)

    def test_removed_tag_or_category_widens_its_sla(self):
        """An SLA left without its only tag or category (deleted) applies to the next tickets at once."""
        for model, fname in (("helpdesk.ticket.tag", "tag_ids"), ("helpdesk.ticket.category", "category_ids")):
            with self.subTest(model=model):
                limit = self.env[model].create({"name": "Database"})
                self.p3_response[fname] = limit
                self.assertEqual(self.p3_ticket().ticket_sla_ids.sla_id, self.p3_resolution)
                limit.unlink()
                self.assertEqual(self.p3_ticket().ticket_sla_ids.sla_id, self.p3_resolution | self.p3_response)

    def test_tickets_created_together_get_their_own_targets(self):
        """Tickets created in one call each get the targets of their own priority (one batched create)."""
        p3, p1 = self.env["helpdesk.ticket"].create([
            {"name": name, "description": "<p>down</p>", "service_project_id": self.project.id,
             "partner_id": self.customer.id, "team_id": self.team.id, "itss_impact": impact, "itss_urgency": impact}
            for name, impact in (("Printer queue stuck", "3"), ("Core switch down", "1"))])
        self.assertEqual(p3.ticket_sla_ids.sla_id, self.p3_resolution | self.p3_response)
        self.assertEqual(p1.ticket_sla_ids.sla_id, self.p1_resolution)

    def test_other_company_sla_not_matched(self):
        """The cached match is searched again with the user's rights: no SLA of a company they cannot read."""
        self.p3_response.company_id = self.env["res.company"].create({"name": "Other O&M Co."})
        self.assertIn(self.p3_response, self.p3_ticket().ticket_sla_ids.sla_id)
        ticket = self.p3_ticket(env=self.env(user=self.engineer))
        self.assertEqual(ticket.sudo().ticket_sla_ids.sla_id, self.p3_resolution)
