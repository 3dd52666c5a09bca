# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ServiceDeskCase

SEPT, AUG = date(2041, 9, 1), date(2041, 8, 1)
# 07:30 in Shanghai on 1 September is 23:30 UTC on 31 August.
SHANGHAI_MORNING = datetime(2041, 8, 31, 23, 30)


@tagged("post_install", "-at_install")
class TestPeriodsTz(ServiceDeskCase):
    """Months are cut in the company's time zone (Asia/Shanghai here), never in UTC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.kpi = cls.env.ref("itss_capability.itss_kpi_inc_resolved").sudo().with_company(cls.company)

    def test_ticket_counts_in_local_month(self):
        """A ticket reported at 07:30 Shanghai time on the 1st (23:30 UTC the day before) counts in the 1st's month."""
        ticket = self.make_ticket(itss_reported_at=SHANGHAI_MORNING)
        Ticket = self.env["helpdesk.ticket"]
        self.assertIn(ticket, Ticket.search(self.kpi._itss_tickets_reported(SEPT, date(2041, 9, 30))))
        self.assertNotIn(ticket, Ticket.search(self.kpi._itss_tickets_reported(AUG, date(2041, 8, 31))))

    def test_service_report_month_local(self):
        """The September service report counts the ticket reported early on 1 September, Shanghai time."""
        self.make_ticket(itss_reported_at=SHANGHAI_MORNING)
        report = self.env["itss.service.report"].with_user(self.engineer).create(
            {"project_id": self.project.id, "date_from": SEPT})
        report.action_generate()
        self.assertEqual(report.ticket_count, 1)
        august = self.env["itss.service.report"].with_user(self.engineer).create(
            {"project_id": self.project.id, "date_from": AUG})
        august.action_generate()
        self.assertEqual(august.ticket_count, 0)

    def test_month_defaults_and_delivery_local(self):
        """At 23:30 UTC on 31 August it is already September in Shanghai: last month is August, delivery is 1 Sept."""
        with freeze_time(SHANGHAI_MORNING):
            self.assertEqual(self.company._itss_today(), SEPT)
            month = self.env["itss.service.month"].with_user(self.manager).create({})
            self.assertEqual(month.date_from, AUG)
            report = self.env["itss.service.report"].with_user(self.engineer).create({"project_id": self.project.id})
            self.assertEqual(report.date_from, AUG)
            report.with_user(self.engineer).action_mark_delivered()
            self.assertEqual(report.delivered_at, SEPT)
            self.assertTrue(report.on_time)
