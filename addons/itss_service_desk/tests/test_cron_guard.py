# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tools import SQL

from .test_sla import MON, SlaCase


class TestCronGuard(SlaCase):
    """Two workers never run the SLA watch at once; a second run escalates nothing twice."""

    def test_watch_refused_while_another_worker_runs_it(self):
        """While another worker holds the SLA watch, a second start is refused and escalates nothing."""
        with freeze_time(MON):
            ticket = self.make_ticket(itss_impact="3", itss_urgency="3")
            ticket.flush_recordset()
        cron = self.env.ref("itss_service_desk.ir_cron_itss_sla_watch")
        with self.registry.cursor() as other_worker:
            other_worker.execute(SQL("SELECT id FROM ir_cron WHERE id = %s FOR NO KEY UPDATE", cron.id))
            with freeze_time(datetime(2041, 9, 23, 17, 1)), self.assertRaises(UserError):
                cron.method_direct_trigger()
        self.assertFalse(ticket.activity_ids)
        self.assertEqual(set(ticket.ticket_sla_ids.mapped("escalation_level")), {"0"})

    def test_watch_twice_escalates_once(self):
        """A second run of the watch after both thresholds adds no activity and no note."""
        with freeze_time(MON):
            ticket = self.make_ticket(itss_impact="3", itss_urgency="3")
            ticket.flush_recordset()
        Clock = self.env["helpdesk.ticket.sla"]
        with freeze_time(datetime(2041, 9, 23, 17, 1)):
            Clock._cron_itss_sla_watch()
            escalated = (ticket.activity_ids, ticket.message_ids)
            Clock._cron_itss_sla_watch()
        self.assertEqual(self.row(ticket, self.p3_resolution).escalation_level, "2")
        self.assertEqual(ticket.activity_ids.user_id, self.leader | self.manager)
        self.assertEqual((ticket.activity_ids, ticket.message_ids), escalated)
