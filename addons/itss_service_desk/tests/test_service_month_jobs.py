# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError

from odoo.addons.queue_job.job import Job
from odoo.addons.queue_job.tests.common import trap_jobs

from . import test_service_month, test_sla

SEPT = test_service_month.SEPT

OCT_5 = datetime(2041, 10, 5, 9)


class TestServiceMonthJobs(test_sla.SlaCase):
    """Month compute, close and service reports as OCA queue_job jobs: one per company-month or
    project-month, run with the requester's rights, harmless when run twice or late."""

    build_month = test_service_month.TestServiceMonth.build_month
    value = test_service_month.TestServiceMonth.value

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["itss.kpi.value"].search([("date_from", "=", SEPT)]).sudo().unlink()
        cls.Month = cls.env["itss.service.month"]

    def month_jobs(self, month, kind):
        return self.env["queue.job"].sudo().search([("identity_key", "=", month._itss_job_key(kind))])

    def test_cron_one_job_per_company_month(self):
        """The monthly cron enqueues one compute job per company-month; performing it computes the month."""
        companies = self.env["res.company"].search([])
        with trap_jobs() as trap, freeze_time(OCT_5):
            self.Month._cron_prepare_last_month()
            computes = [job for job in trap.enqueued_jobs if job.method_name == "_itss_job_compute"]
            self.assertEqual(len(computes), len(companies))
            month = self.Month.search([("company_id", "=", self.company.id), ("date_from", "=", SEPT)])
            self.assertEqual(len(month), 1)
            trap.assert_enqueued_job(month._itss_job_compute, properties={
                "identity_key": f"itss.service.month:{self.company.id}:2041-09:compute"})
            self.assertFalse(month.computed_at)
            trap.perform_enqueued_jobs()
        self.assertTrue(month.computed_at)
        self.assertIn("computed in the background", month.message_ids[0].body)

    def test_cron_twice_no_duplicate(self):
        """A second cron run while the month's job waits, or runs, adds no job; the stored job computes."""
        with freeze_time(OCT_5):
            self.Month._cron_prepare_last_month()
            month = self.Month.search([("company_id", "=", self.company.id), ("date_from", "=", SEPT)])
            job = self.month_jobs(month, "compute")
            self.assertEqual((len(job), job.state, job.channel), (1, "pending", "root.itss"))
            self.assertEqual(month.job_state, "pending")
            self.Month._cron_prepare_last_month()
            self.assertEqual(self.month_jobs(month, "compute"), job)
            job.sudo().write({"state": "started"})
            self.Month._cron_prepare_last_month()
            self.assertEqual(self.month_jobs(month, "compute"), job)
            Job.load(self.env, job.uuid).perform()
        self.assertTrue(month.computed_at)

    def test_manager_closes_in_background(self):
        """A manager's background close freezes the month, queues its reports and tells the manager."""
        _tickets, month = self.build_month()
        month = month.with_user(self.manager)
        with trap_jobs() as trap:
            month.action_close_background()
            trap.assert_jobs_count(1, only=month._itss_job_close)
            self.assertEqual(month.state, "open")
            trap.perform_enqueued_jobs()
            self.assertEqual((month.state, month.closed_by_id), ("closed", self.manager))
            self.assertTrue(self.value("itss_capability.itss_kpi_sla_rate", self.project).locked)
            self.assertEqual(trap.jobs_count(only=month._itss_job_service_report),
                             len(month._itss_report_projects()))
        note = month.message_ids.filtered(lambda m: "closed in the background" in m.body)
        self.assertEqual(note.partner_ids, self.manager.partner_id)

    def test_only_managers_enqueue(self):
        """An engineer can neither enqueue a month job nor run a job method directly."""
        _tickets, month = self.build_month()
        as_engineer = month.with_user(self.engineer)
        with trap_jobs() as trap:
            for action in (as_engineer.action_compute_background, as_engineer.action_close_background,
                           as_engineer.action_generate_reports_background):
                with self.assertRefused(AccessError, "Only O&M managers"):
                    action()
            trap.assert_jobs_count(0)
        with self.assertRefused(AccessError, "Only O&M managers"):
            as_engineer._itss_job_close()
        self.assertEqual(month.state, "open")

    def test_job_runs_with_requester_rights(self):
        """A manager's job whose requester lost the manager group meanwhile fails and closes nothing."""
        _tickets, month = self.build_month()
        with trap_jobs() as trap:
            month.with_user(self.manager).action_close_background()
            self.manager.write({"group_ids": [Command.unlink(self.env.ref("itss_capability.group_itss_manager").id)]})
            with self.assertRaises(AccessError):
                trap.perform_enqueued_jobs()
        self.assertEqual(self.Month.browse(month.id).state, "open")

    def test_month_closed_meanwhile(self):
        """A compute or close job for a month closed meanwhile changes nothing and says so."""
        _tickets, month = self.build_month()
        month = month.with_user(self.manager)
        with trap_jobs() as trap:
            month.action_compute_background()
            month.action_close()
            values = self.value("itss_capability.itss_kpi_sla_rate", self.project)
            frozen = (month.computed_at, month.closed_at, values.value)
            trap.perform_enqueued_jobs()
        self.assertEqual((month.state, month.computed_at, month.closed_at, values.value), ("closed", *frozen))
        self.assertTrue(month.message_ids.filtered(lambda m: "closed meanwhile" in m.body))
        with self.assertRefused(UserError, "already closed"):
            month.action_close_background()
        self.Month.browse(month.id)._itss_job_close()
        self.assertEqual((month.state, month.closed_at), ("closed", frozen[1]))

    def test_running_job_blocks_direct_actions(self):
        """While a job works on the month, the direct buttons answer with a clear message."""
        _tickets, month = self.build_month()
        month = month.with_user(self.manager)
        month.action_compute_background()
        self.month_jobs(month, "compute").sudo().write({"state": "started"})
        self.assertEqual(month.job_state, "started")
        with self.assertRefused(UserError, "wait until it has finished"):
            month.action_close()
        with self.assertRefused(UserError, "wait until it has finished"):
            month.action_close_background()

    def test_failed_job_told_to_manager(self):
        """A failed job posts its error on the month and gives its requester an activity."""
        _tickets, month = self.build_month()
        month.with_user(self.manager).action_compute_background()
        job = self.month_jobs(month, "compute")
        job.sudo().write({"state": "failed", "exc_message": "disk full", "exc_name": "OSError"})
        self.assertEqual((month.job_state, month.job_error), ("failed", "disk full"))
        self.assertIn("disk full", month.message_ids[0].body)
        self.assertEqual(month.activity_ids.user_id, self.manager)

    def test_reports_one_job_per_project_idempotent(self):
        """The month's service reports: one job per project and month; run twice, one report each,
        a delivered report untouched."""
        _tickets, month = self.build_month()
        month = month.with_user(self.manager)
        month.action_compute()
        projects = month._itss_report_projects()
        self.assertIn(self.project, projects)
        with trap_jobs() as trap:
            month.action_generate_reports_background()
            trap.assert_jobs_count(len(projects), only=month._itss_job_service_report)
            trap.assert_jobs_count(1, only=month._itss_job_service_reports_done)
            for project in projects:
                trap.assert_enqueued_job(month._itss_job_service_report, args=(project.id,), properties={
                    "identity_key": f"itss.service.report:{project.id}:2041-09"})
            trap.perform_enqueued_jobs()
        Report = self.env["itss.service.report"]
        reports = Report.search([("project_id", "in", projects.ids), ("date_from", "=", SEPT)])
        self.assertEqual(reports.project_id, projects)
        self.assertEqual(set(reports.mapped("state")), {"generated"})
        ours = reports.filtered(lambda r: r.project_id == self.project)
        self.assertEqual(ours.ticket_count, 4)
        ours.with_user(self.manager).action_mark_delivered()
        delivered = (ours.delivered_at, ours.generated_at)
        with trap_jobs() as trap:
            month.action_generate_reports_background()
            trap.perform_enqueued_jobs()
        self.assertEqual(Report.search([("project_id", "in", projects.ids), ("date_from", "=", SEPT)]), reports)
        self.assertEqual((ours.state, ours.delivered_at, ours.generated_at), ("delivered", *delivered))
        self.assertIn("service reports of 2041-09 were generated", month.message_ids[0].body)

    def test_reports_no_second_job_while_waiting(self):
        """Asking again while the project's report job waits adds no job for that project."""
        _tickets, month = self.build_month()
        month = month.with_user(self.manager)
        month.action_generate_reports_background()
        QueueJob = self.env["queue.job"].sudo()
        key = month._itss_report_job_key(self.project)
        self.assertEqual(QueueJob.search_count([("identity_key", "=", key)]), 1)
        self.assertEqual(month.report_job_count, len(month._itss_report_projects()))
        month.action_generate_reports_background()
        self.assertEqual(QueueJob.search_count([("identity_key", "=", key)]), 1)
        self.assertEqual(month.date_from, date(2041, 9, 1))
