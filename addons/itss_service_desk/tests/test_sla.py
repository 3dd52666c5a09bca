# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user

from .common import ServiceDeskCase

MON = datetime(2041, 9, 23, 9)  # Monday; 2041-09-27 is a Friday, 2041-10-01 (Tuesday) a holiday


class SlaCase(ServiceDeskCase):
    """Fixtures: office-hours project calendar with a holiday, P1/P3 response and resolution targets."""

    @classmethod
    def make_calendar(cls, name, days, hour_from, hour_to):
        """A UTC calendar working ``hour_from``–``hour_to`` on the first ``days`` days of the week."""
        return cls.env["resource.calendar"].create({
            "name": name,
            "tz": "UTC",
            "attendance_ids": [
                Command.create({"name": f"day {day}", "dayofweek": str(day), "hour_from": hour_from,
                                "hour_to": hour_to, "day_period": "morning"})
                for day in range(days)
            ],
        })

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.make_calendar("Hospital service hours 9-17", 5, 9, 17)
        cls.env["resource.calendar.leaves"].create({
            "name": "National Day", "calendar_id": cls.calendar.id,
            "date_from": datetime(2041, 10, 1, 0), "date_to": datetime(2041, 10, 1, 23, 59, 59),
        })
        cls.around_the_clock = cls.make_calendar("24x7", 7, 0, 24)
        cls.project.resource_calendar_id = cls.calendar
        cls.project.manager_id = cls.manager
        cls.leader = new_test_user(cls.env, "sd_t_leader", groups="itss_capability.group_itss_user")
        cls.team.write({"use_sla": True, "resource_calendar_id": cls.around_the_clock.id,
                        "user_id": cls.leader.id})
        cls.stage_waiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        cls.env["helpdesk.sla"].search([]).active = False
        common = {"stage_id": cls.stage_done.id, "ignore_stage_ids": [Command.set(cls.stage_waiting.ids)],
                  "service_project_ids": [Command.set(cls.project.ids)]}
        Sla = cls.env["helpdesk.sla"]
        cls.p3_resolution = Sla.create({**common, "name": "P3 resolution 8h", "itss_priority": "P3", "hours": 8})
        cls.p3_response = Sla.create({**common, "name": "P3 response 2h", "itss_priority": "P3", "hours": 2,
                                      "itss_target": "response"})
        cls.p1_resolution = Sla.create({**common, "name": "P1 resolution 4h", "itss_priority": "P1", "hours": 4})

    def p3_ticket(self, **vals):
        return self.make_ticket(itss_impact="3", itss_urgency="3", **vals)

    def row(self, ticket, sla):
        return ticket.ticket_sla_ids.filtered(lambda r: r.sla_id == sla)

    def move(self, ticket, when, stage):
        with freeze_time(when):
            ticket.write({"stage_id": stage.id})
            ticket.flush_recordset()


class TestSlaDeadlines(SlaCase):
    def test_targets_follow_project_and_priority(self):
        """A P3 ticket of the project gets the P3 response and resolution targets only."""
        with freeze_time(MON):
            ticket = self.p3_ticket()
        self.assertEqual(ticket.itss_priority, "P3")
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.p3_resolution | self.p3_response)

    def test_weekend_skipped(self):
        """Friday 15:00 + 8 working hours ends Monday 15:00; the 2 h response ends Friday 17:00."""
        with freeze_time(datetime(2041, 9, 27, 15)):
            ticket = self.p3_ticket()
            ticket.flush_recordset()
        self.assertEqual(self.row(ticket, self.p3_resolution).deadline, datetime(2041, 9, 30, 15))
        self.assertEqual(self.row(ticket, self.p3_response).deadline, datetime(2041, 9, 27, 17))

    def test_holiday_skipped(self):
        """Monday 15:00 + 8 h with Tuesday a public holiday ends Wednesday 15:00."""
        with freeze_time(datetime(2041, 9, 30, 15)):
            ticket = self.p3_ticket()
            ticket.flush_recordset()
        self.assertEqual(self.row(ticket, self.p3_resolution).deadline, datetime(2041, 10, 2, 15))

    def test_new_holiday_applies_to_next_ticket(self):
        """A holiday entered after tickets were computed is used for the next ones (no stale calendar)."""
        with freeze_time(datetime(2041, 10, 14, 15)):
            before = self.p3_ticket()
            before.flush_recordset()
        self.assertEqual(self.row(before, self.p3_resolution).deadline, datetime(2041, 10, 15, 15))
        self.env["resource.calendar.leaves"].create({
            "name": "Extra holiday", "calendar_id": self.calendar.id,
            "date_from": datetime(2041, 10, 15, 0), "date_to": datetime(2041, 10, 15, 23, 59, 59),
        })
        with freeze_time(datetime(2041, 10, 14, 15)):
            after = self.p3_ticket()
            after.flush_recordset()
        self.assertEqual(self.row(after, self.p3_resolution).deadline, datetime(2041, 10, 16, 15))

    def test_pause_not_counted(self):
        """Two hours waiting for the customer move the deadline by two working hours; none while waiting."""
        with freeze_time(MON):
            ticket = self.p3_ticket()
        self.move(ticket, datetime(2041, 9, 23, 10), self.stage_waiting)
        row = self.row(ticket, self.p3_resolution)
        self.assertEqual(row.state, "on_hold")
        self.assertFalse(row.deadline)
        with freeze_time(datetime(2041, 9, 23, 18)):
            self.assertFalse(ticket.sla_expired)
        self.move(ticket, datetime(2041, 9, 23, 12), self.stage_progress)
        self.assertEqual(row.state, "in_progress")
        self.assertEqual(row.deadline, datetime(2041, 9, 24, 11))

    def test_priority_change_recomputes_with_pauses(self):
        """Raising P3 to P1 replaces the targets; the new 4 h clock runs from the report, pause excluded."""
        with freeze_time(MON):
            ticket = self.p3_ticket()
        self.move(ticket, datetime(2041, 9, 23, 10), self.stage_waiting)
        self.move(ticket, datetime(2041, 9, 23, 12), self.stage_progress)
        with freeze_time(datetime(2041, 9, 23, 13)):
            ticket.write({"itss_priority_override": "P1", "itss_priority_reason": "Whole ward down"})
            ticket.flush_recordset()
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.p1_resolution)
        self.assertEqual(ticket.ticket_sla_ids.deadline, datetime(2041, 9, 23, 15))
        self.assertTrue(ticket.message_ids.filtered(
            lambda m: "Service level targets recomputed: P1 resolution 4h" in m.body))

    def test_project_change_uses_new_calendar(self):
        """Moving the ticket to a 24×7 project recounts the same target in that project's hours."""
        other = self.env["itss.service.project"].create({
            "name": "Data centre 24x7", "partner_id": self.customer.id, "state": "active",
            "resource_calendar_id": self.around_the_clock.id,
        })
        self.p3_resolution.service_project_ids |= other
        with freeze_time(datetime(2041, 9, 27, 15)):
            ticket = self.p3_ticket()
            ticket.flush_recordset()
            ticket.service_project_id = other
            ticket.flush_recordset()
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.p3_resolution)
        self.assertEqual(ticket.ticket_sla_ids.deadline, datetime(2041, 9, 27, 23))

    def test_target_change_recomputes_running_clocks(self):
        """Raising a target from 8 to 10 hours moves the deadline of the tickets still running under it."""
        with freeze_time(MON):
            running = self.p3_ticket()
            done = self.p3_ticket()
            running.flush_recordset()
        self.move(done, datetime(2041, 9, 23, 12), self.stage_done)
        self.p3_resolution.hours = 10
        self.env.flush_all()
        self.assertEqual(self.row(running, self.p3_resolution).deadline, datetime(2041, 9, 24, 11))
        self.assertEqual(self.row(done, self.p3_resolution).deadline, datetime(2041, 9, 23, 17),
                         "a met target keeps the deadline it was met against")

    def test_reported_time_is_the_start(self):
        """A phone call logged later counts from when the customer reported it."""
        with freeze_time(datetime(2041, 9, 23, 14)):
            ticket = self.p3_ticket(itss_reported_at=MON)
            ticket.flush_recordset()
        self.assertEqual(self.row(ticket, self.p3_resolution).deadline, datetime(2041, 9, 23, 17))


class TestSlaOutcome(SlaCase):
    def test_first_response_on_time_and_late(self):
        """The first public reply meets the response target before its deadline and breaches it after."""
        with freeze_time(MON):
            fast, slow = self.p3_ticket(), self.p3_ticket()
        with freeze_time(datetime(2041, 9, 23, 10, 30)):
            fast.with_user(self.engineer).message_post(
                body="We are on it.", message_type="comment", subtype_xmlid="mail.mt_comment")
        with freeze_time(datetime(2041, 9, 23, 12)):
            slow.with_user(self.engineer).message_post(
                body="Sorry for the wait.", message_type="comment", subtype_xmlid="mail.mt_comment")
        fast_row, slow_row = self.row(fast, self.p3_response), self.row(slow, self.p3_response)
        self.assertEqual((fast_row.state, fast_row.breached), ("accomplished", False))
        self.assertEqual((slow_row.state, slow_row.breached), ("expired", True))
        self.assertEqual(self.row(fast, self.p3_resolution).state, "in_progress")
        self.assertTrue(slow.itss_sla_breached)

    def test_resolution_met_and_missed(self):
        """Closing before the deadline meets the target; closing after it leaves the ticket breached."""
        with freeze_time(MON):
            early, late = self.p3_ticket(), self.p3_ticket()
        for ticket in early | late:
            ticket.major_incident_report = "<p>n/a</p>"
        self.move(early, datetime(2041, 9, 23, 16), self.stage_done)
        self.move(late, datetime(2041, 9, 24, 10), self.stage_done)
        self.assertEqual(self.row(early, self.p3_resolution).reached_at, datetime(2041, 9, 23, 16))
        self.assertFalse(self.row(early, self.p3_resolution).breached)
        self.assertTrue(self.row(late, self.p3_resolution).breached)
        self.assertTrue(late.itss_sla_breached)
        self.assertEqual(self.row(early, self.p3_response).reached_at, datetime(2041, 9, 23, 16),
                         "closing without a reply counts as the first response")

    def test_escalation_moments(self):
        """At 75 % the team leader gets an activity, at 100 % the project's O&M manager; then breached."""
        Clock = self.env["helpdesk.ticket.sla"]
        with freeze_time(MON):
            ticket = self.p3_ticket()
        self.row(ticket, self.p3_response)._itss_response_reached(datetime(2041, 9, 23, 9, 30))
        row = self.row(ticket, self.p3_resolution)
        self.assertEqual(row.warning_date, datetime(2041, 9, 23, 15))
        with freeze_time(datetime(2041, 9, 23, 14, 59)):
            Clock._cron_itss_sla_watch()
            self.assertFalse(ticket.activity_ids)
            self.assertFalse(ticket.itss_sla_at_risk)
        with freeze_time(datetime(2041, 9, 23, 15, 1)):
            Clock._cron_itss_sla_watch()
            self.assertEqual(ticket.activity_ids.user_id, self.leader)
            self.assertEqual(row.escalation_level, "1")
            self.assertIn(ticket, self.env["helpdesk.ticket"].search([("itss_sla_at_risk", "=", True)]))
            Clock._cron_itss_sla_watch()
            self.assertEqual(len(ticket.activity_ids), 1, "an escalation fires once")
        with freeze_time(datetime(2041, 9, 23, 17, 1)):
            Clock._cron_itss_sla_watch()
            self.assertEqual(ticket.activity_ids.user_id, self.leader | self.manager)
            self.assertEqual((row.state, row.breached, row.escalation_level), ("expired", True, "2"))
            self.assertNotIn(ticket, self.env["helpdesk.ticket"].search([("itss_sla_at_risk", "=", True)]))
            self.assertIn(ticket, self.env["helpdesk.ticket"].search([("itss_sla_breached", "=", True)]))

    def test_agent_creates_ticket_with_clocks(self):
        """An agent (O&M user) creating a ticket gets its SLA clocks without extra rights."""
        with freeze_time(MON):
            ticket = self.p3_ticket(env=self.env(user=self.engineer))
            ticket.flush_recordset()
        self.assertEqual(len(ticket.ticket_sla_ids), 2)
        self.assertEqual(ticket.itss_stage_period_ids.stage_id, ticket.stage_id)

    def test_escalation_percent_rule(self):
        """Escalation percentages outside 1–200 or in the wrong order are refused."""
        with self.assertRefused(ValidationError, "escalation percentages"):
            self.p3_resolution.write({"escalation_leader_percent": 100})
        with self.assertRefused(ValidationError, "escalation percentages"):
            self.p3_resolution.write({"escalation_manager_percent": 500})
