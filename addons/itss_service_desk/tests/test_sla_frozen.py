# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .test_sla import MON, SlaCase

SEPT = date(2041, 9, 1)
CLOCK_FIELDS = ("state", "deadline", "reached_at", "breached", "hours", "warning_date")


@tagged("post_install", "-at_install")
class TestSlaFrozen(SlaCase):
    """Finished targets, closed self-assessments, closed-month reports and the pause history are evidence."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["itss.kpi.value"].search([("date_from", "=", SEPT)]).sudo().unlink()
        cls.category = cls.env["helpdesk.ticket.category"].create({"name": "Printers"})
        cls.tag = cls.env["helpdesk.ticket.tag"].create({"name": "frozen-tag"})

    def snapshot(self, rows):
        return {row.id: tuple(row[fname] for fname in CLOCK_FIELDS) for row in rows}

    def late_ticket(self):
        """A P3 ticket reported Monday 09:00, closed Tuesday 10:00: resolution missed, response met."""
        with freeze_time(MON):
            ticket = self.p3_ticket()
        self.move(ticket, datetime(2041, 9, 24, 10), self.stage_done)
        return ticket

    def test_finished_targets_unchanged_by_edits(self):
        """Category, priority, tags and reported-at edits of a closed ticket leave its finished targets as they were."""
        ticket = self.late_ticket()
        rows = ticket.ticket_sla_ids
        self.assertEqual(self.row(ticket, self.p3_resolution).state, "expired")
        before = self.snapshot(rows)
        with freeze_time(datetime(2041, 9, 26, 9)):
            ticket.with_user(self.engineer).write({"category_id": self.category.id})
            ticket.with_user(self.engineer).write({"itss_priority_override": "P2", "itss_priority_reason": "x"})
            ticket.with_user(self.engineer).write({"itss_reported_at": datetime(2041, 9, 23, 8)})
            ticket.with_user(self.engineer).write({"tag_ids": [(4, self.tag.id)]})
            self.env.flush_all()
        self.assertEqual(ticket.ticket_sla_ids, rows, "no target added to or dropped from a closed ticket")
        self.assertEqual(self.snapshot(rows), before)
        resolution = self.row(ticket, self.p3_resolution)
        self.assertEqual((resolution.state, resolution.breached), ("expired", True))

    def test_finished_targets_not_replaced_by_upstream_actions(self):
        """helpdesk_mgmt_sla's public set_sla and refresh_sla cannot drop a finished target, even for a manager."""
        ticket = self.late_ticket()
        rows = ticket.ticket_sla_ids
        before = self.snapshot(rows)
        for method in ("set_sla", "refresh_sla"):
            with self.subTest(method=method):
                self.p3_response.tag_ids = self.tag
                with self.assertRefused(UserError, "stays as it was found"):
                    getattr(ticket.with_user(self.manager), method)()
                self.p3_response.tag_ids = False
        self.assertEqual(ticket.ticket_sla_ids, rows)
        self.assertEqual(self.snapshot(rows), before)

    def test_running_targets_still_follow(self):
        """Only running targets are recomputed: a reported-at change moves an open ticket's deadline."""
        with freeze_time(datetime(2041, 9, 23, 14)):
            ticket = self.p3_ticket()
            ticket.with_user(self.engineer).write({"itss_reported_at": MON})
            ticket.flush_recordset()
        self.assertEqual(self.row(ticket, self.p3_resolution).deadline, datetime(2041, 9, 23, 17))

    def closed_month(self):
        tickets = [self.late_ticket()]
        with freeze_time(MON):
            tickets.append(self.p3_ticket())
        self.move(tickets[1], datetime(2041, 9, 23, 10), self.stage_done)
        month = self.env["itss.service.month"].with_user(self.manager).create({"date_from": SEPT})
        month.with_user(self.manager).action_close()
        return tickets, month

    def test_closed_assessment_keeps_its_copy(self):
        """A closed month's self-assessment keeps what it found after a priority change deletes the SLA rows."""
        tickets, month = self.closed_month()
        assessment = month.assessment_ids
        miss = assessment.miss_ids
        self.assertEqual(len(miss), 2, "the late ticket missed its response and its resolution")
        miss = miss.filtered(lambda m: m.target == "resolution")
        found = (miss.ticket_id, miss.name, miss.target, miss.priority, miss.deadline, miss.reached_at, miss.state)
        self.assertEqual(found[:4], (tickets[0], "P3 resolution 8h", "resolution", "P3"))
        self.assertEqual((miss.deadline, miss.state), (datetime(2041, 9, 23, 17), "expired"))
        counts = (assessment.total_count, assessment.missed_count, assessment.line_ids.mapped("missed_count"))
        tickets[0].with_user(self.engineer).write({"itss_priority_override": "P2", "itss_priority_reason": "x"})
        tickets[0].sudo().ticket_sla_ids.unlink()  # the live rows may go: the copy stays
        self.env.invalidate_all()
        self.assertEqual(
            (miss.ticket_id, miss.name, miss.target, miss.priority, miss.deadline, miss.reached_at, miss.state), found)
        self.assertEqual(
            (assessment.total_count, assessment.missed_count, assessment.line_ids.mapped("missed_count")), counts)
        with self.assertRefused(AccessError, "not allowed to delete"):
            miss.with_user(self.manager).unlink()
        with self.assertRefused(AccessError, "frozen"):
            assessment.with_user(self.manager).unlink()

    def test_closed_month_report_reads_frozen_value(self):
        """Regenerating the report of a closed month reads the month's locked KPI value, not a new computation."""
        _tickets, month = self.closed_month()
        frozen = self.env["itss.kpi.value"].search([
            ("kpi_id", "=", self.env.ref("itss_capability.itss_kpi_sla_rate").id), ("date_from", "=", SEPT),
            ("project_id", "=", self.project.id)])
        self.assertTrue(frozen.locked)
        report = self.env["itss.service.report"].with_user(self.engineer).create(
            {"project_id": self.project.id, "date_from": SEPT})
        self.assertIs(report.action_generate(), True)
        self.assertEqual(report.sla_rate, frozen.value)
        frozen.sudo().value = 12.34  # a live recomputation could never give this
        report.with_user(self.engineer).action_generate()
        self.assertEqual(report.sla_rate, 12.34)
        self.assertEqual(month.state, "closed")

    def test_pause_history_read_only(self):
        """No role, managers included, writes, creates or deletes stage periods through the API."""
        with freeze_time(MON):
            ticket = self.p3_ticket()
        period = ticket.itss_stage_period_ids
        for user in (self.engineer, self.manager, self.executive):
            with self.assertRaises(AccessError):
                period.with_user(user).write({"date_start": datetime(2041, 9, 23, 8)})
            with self.assertRaises(AccessError):
                period.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.env["itss.ticket.stage.period"].with_user(user).create({
                    "ticket_id": ticket.id, "stage_id": self.stage_waiting.id, "date_start": MON})
            with self.assertRaises(AccessError):
                ticket.with_user(user).write({"itss_stage_period_ids": [(2, period.id)]})

    def test_pause_correction_logged_and_recomputed(self):
        """A manager's correction with a reason moves the pause, is logged on the ticket and moves the deadline."""
        with freeze_time(MON):
            ticket = self.p3_ticket()
        self.move(ticket, datetime(2041, 9, 23, 10), self.stage_waiting)
        self.move(ticket, datetime(2041, 9, 23, 12), self.stage_progress)
        row = self.row(ticket, self.p3_resolution)
        self.assertEqual(row.deadline, datetime(2041, 9, 24, 11))
        pause = ticket.itss_stage_period_ids.filtered(lambda p: p.stage_id == self.stage_waiting)
        with self.assertRefused(UserError, "reason"):
            pause.with_user(self.manager).action_correct(pause.date_start, datetime(2041, 9, 23, 11), " ")
        with self.assertRefused(AccessError, "Only O&M managers"):
            pause.with_user(self.engineer).action_correct(pause.date_start, datetime(2041, 9, 23, 11), "typo")
        wizard = self.env["itss.ticket.stage.period.correct"].with_user(self.manager).with_context(
            default_period_id=pause.id).create({"date_end": datetime(2041, 9, 23, 11),
                                                 "reason": "Customer answered at 11:00"})
        self.assertEqual(wizard.date_start, pause.date_start)
        wizard.action_apply()
        self.assertEqual(pause.date_end, datetime(2041, 9, 23, 11))
        self.assertEqual(row.deadline, datetime(2041, 9, 24, 10))
        log = ticket.message_ids.filtered(lambda m: "Customer answered at 11:00" in (m.body or ""))
        self.assertEqual(log.author_id, self.manager.partner_id)

    def test_bad_dates_refused(self):
        """A report time in year 1 or 9999 is refused with a clear message, never an overflow."""
        for moment in (datetime(1, 1, 1, 0, 0), datetime(9999, 12, 31, 12, 0)):
            with self.assertRefused(ValidationError, "outside the supported range"):
                self.p3_ticket(itss_reported_at=moment, env=self.env(user=self.engineer))
            with self.assertRefused(ValidationError, "outside the supported range"):
                self.env["itss.security.event"].with_user(self.engineer).create(
                    {"name": "x", "reported_at": moment})
        with freeze_time(MON):
            ticket = self.p3_ticket()
        with self.assertRefused(ValidationError, "outside the supported range"):
            ticket.with_user(self.engineer).write({"itss_reported_at": datetime(9999, 1, 1)})
