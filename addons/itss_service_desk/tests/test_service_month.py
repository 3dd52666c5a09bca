# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError

from .test_sla import MON, SlaCase

SEPT = date(2041, 9, 1)


class TestServiceMonth(SlaCase):
    """Monthly process KPIs and SLA self-assessment, frozen when the month is closed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kpi = cls.env.ref("itss_capability.itss_kpi_sla_rate")
        cls.env["itss.kpi.value"].search([("date_from", "=", SEPT)]).sudo().unlink()

    def value(self, xmlid, project=None):
        kpi = self.env.ref(xmlid)
        return self.env["itss.kpi.value"].search([
            ("kpi_id", "=", kpi.id), ("date_from", "=", SEPT),
            ("project_id", "=", project.id if project else False),
        ])

    def build_month(self):
        """Four P3 tickets reported on Monday 23 Sep 2041 at 09:00: resolutions 2 met, 2 missed."""
        with freeze_time(MON):
            tickets = [self.p3_ticket() for _i in range(4)]
        for index, ticket in enumerate(tickets):
            with freeze_time(datetime(2041, 9, 23, 10)):
                ticket.with_user(self.engineer).message_post(
                    body="On it", message_type="comment", subtype_xmlid="mail.mt_comment")
            self.move(ticket, datetime(2041, 9, 23, 16) if index < 2 else datetime(2041, 9, 25, 10),
                      self.stage_done)
        tickets[0].dispatch_ids = [
            (0, 0, {"user_id": self.engineer.id, "returned": True, "return_reason": "Wrong area"}),
            (0, 0, {"user_id": self.engineer2.id}),
        ]
        self.env["itss.return.visit"].create([
            {"ticket_id": tickets[0].id, "date": date(2041, 9, 26), "satisfied": True},
            {"ticket_id": tickets[2].id, "date": date(2041, 9, 26), "satisfied": False},
        ])
        month = self.env["itss.service.month"].with_user(self.manager).create({"date_from": date(2041, 9, 17)})
        return tickets, month

    def test_month_figures(self):
        """Computing September gives the project's SLA rate, response, resolution, dispatch and visit figures."""
        _tickets, month = self.build_month()
        self.assertEqual(month.date_from, SEPT, "any day picks its month")
        month.with_user(self.manager).action_compute()
        self.assertEqual(self.value("itss_capability.itss_kpi_sla_rate", self.project).value, 75.0,
                         "8 targets finished (4 responses met, 2 of 4 resolutions met): 6 / 8")
        self.assertEqual(self.value("itss_service_desk.itss_kpi_resp_ontime", self.project).value, 100.0)
        self.assertEqual(self.value("itss_capability.itss_kpi_inc_resolved", self.project).value, 100.0)
        self.assertEqual(self.value("itss_capability.itss_kpi_dispatch_first", self.project).value, 50.0)
        self.assertEqual(self.value("itss_service_desk.itss_kpi_rv_satisfaction", self.project).value, 50.0)
        assessment = month.assessment_ids
        self.assertEqual((assessment.project_id, assessment.total_count, assessment.missed_count),
                         (self.project, 8, 2))
        self.assertFalse(assessment.met)
        resolution = assessment.line_ids.filtered(lambda line: line.target == "resolution")
        self.assertEqual((resolution.priority, resolution.achieved_rate), ("P3", 50.0))
        self.assertEqual(len(assessment.miss_ids), 2)

    def test_recompute_keeps_unchanged_rows(self):
        """Recomputing an open month keeps the unchanged missed targets and lines (same ids), swaps only the rest."""
        tickets, month = self.build_month()
        month.with_user(self.manager).action_compute()
        assessment = month.assessment_ids
        misses, lines = assessment.miss_ids, assessment.line_ids
        month.with_user(self.manager).action_compute()
        self.assertEqual((assessment.miss_ids, assessment.line_ids), (misses, lines),
                         "nothing changed, nothing rebuilt")
        gone = misses.filtered(lambda miss: miss.ticket_id == tickets[2])
        with freeze_time(MON):
            late = self.p3_ticket()
        self.move(late, datetime(2041, 9, 25, 10), self.stage_done)
        tickets[2].sudo().unlink()
        month.with_user(self.manager).action_compute()
        self.assertFalse(gone.exists(), "the miss of the deleted ticket is removed")
        self.assertIn(misses - gone, assessment.miss_ids, "the other miss is the same row")
        added = assessment.miss_ids - misses
        self.assertEqual(added.ticket_id, late, "only the new ticket's misses are created")
        self.assertEqual(added.company_id, month.company_id)
        self.assertEqual((assessment.total_count, assessment.missed_count), (6 + len(added), 1 + len(added)),
                         "three tickets of before (one late) and the late new one")

    def test_closed_month_is_frozen(self):
        """After closing, later ticket edits and recomputation never change the month's figures."""
        tickets, month = self.build_month()
        month.with_user(self.manager).action_close()
        value = self.value("itss_capability.itss_kpi_sla_rate", self.project)
        self.assertTrue(value.locked)
        self.assertEqual(month.state, "closed")
        with freeze_time(datetime(2041, 10, 2, 9)):
            tickets[3].write({"itss_reported_at": datetime(2041, 9, 23, 9, 30)})
        self.env["itss.kpi"].browse(self.kpi.id)._compute_provider_values(SEPT, date(2041, 9, 30))
        self.assertEqual(value.value, 75.0)
        with self.assertRefused(UserError, "closed"):
            value.with_user(self.manager).write({"value": 99})
        with self.assertRefused(UserError, "closed"):
            month.with_user(self.manager).action_compute()
        with self.assertRefused(UserError, "set by its actions"):
            month.assessment_ids.with_user(self.manager).write({"achieved_rate": 100})
        month.assessment_ids.with_user(self.manager).write({"conclusion": "<p>Two late fixes: spare part stock.</p>"})
        month.with_user(self.manager).action_reopen()
        self.assertFalse(value.locked)

    def test_only_managers_close(self):
        """Engineers cannot close a month; a second record for the same month is refused."""
        _tickets, month = self.build_month()
        with self.assertRefused(UserError, "Only O&M managers"):
            month.with_user(self.engineer).action_close()
        with self.assertRefused(UserError, "already exists"):
            self.env["itss.service.month"].create({"date_from": SEPT})

    def test_change_and_release_shares(self):
        """Change success/failed/cancelled/emergency shares and release rates come from the closed records."""
        Change = self.env["itss.change.request"].sudo()
        common = {"reason": "Patch", "project_id": self.project.id, "state": "closed",
                  "closed_at": datetime(2041, 9, 10), "approval_date": datetime(2041, 9, 1)}
        Change.create([
            {**common, "name": "ok 1", "result": "successful"},
            {**common, "name": "ok 2", "result": "successful"},
            {**common, "name": "failed", "result": "failed"},
            {**common, "name": "cancelled", "result": "cancelled", "approval_date": False},
        ])
        Release = self.env["itss.release"].sudo()
        Release.create([
            {"name": "R1", "project_id": self.project.id, "state": "deployed", "rollback_plan": "<p>restore</p>",
             "planned_date": date(2041, 9, 12), "deployed_date": date(2041, 9, 12)},
            {"name": "R2", "project_id": self.project.id, "state": "rolled_back", "rollback_plan": "<p>restore</p>",
             "planned_date": date(2041, 9, 12), "deployed_date": date(2041, 9, 15)},
        ])
        month = self.env["itss.service.month"].create({"date_from": SEPT})
        month.action_compute()
        self.assertAlmostEqual(self.value("itss_capability.itss_kpi_chg_success", self.project).value, 66.67)
        self.assertEqual(self.value("itss_service_desk.itss_kpi_chg_cancelled", self.project).value, 25.0)
        self.assertEqual(self.value("itss_service_desk.itss_kpi_chg_failed", self.project).value, 25.0)
        self.assertEqual(self.value("itss_capability.itss_kpi_rel_success", self.project).value, 50.0)
        self.assertEqual(self.value("itss_capability.itss_kpi_rel_ontime", self.project).value, 50.0)
