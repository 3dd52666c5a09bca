# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL

from odoo.addons.queue_job.job import STATES

# Job states in which a job still has to run (queue_job's identity key only covers the first three).
ACTIVE_JOB_STATES = ("wait_dependencies", "pending", "enqueued", "started")


class ItssJobMixin(models.AbstractModel):
    """Long work of a record run as OCA queue_job jobs, shared by every Odoo worker of every host.

    One mechanism for the suite's background work (month close, service reports, evidence packs):

    * ``_itss_enqueue()`` delays a job method of the record as the calling user, after the caller's
      action checked its rights; the job method checks them again when it runs (the job runs as
      that user). An identity key per record and kind of work means a second request while one is
      waiting or running adds no job.
    * The record shows its last job (``job_state``, ``job_name``, ``job_error``); the job method
      calls ``_itss_job_done()`` at its end, which notifies the requester in the chatter; a failed
      job (after queue_job's own retries of serialization conflicts) posts its error on the record
      and gives the requester, or ``_itss_job_failure_users()``, an activity.
    """

    _name = "itss.job.mixin"
    _description = "ITSS Background Job Record"

    job_uuid = fields.Char(string="Last Job", readonly=True, copy=False, groups="base.group_system")
    job_state = fields.Selection(
        [(state, label) for state, label in STATES], string="Background Job",
        compute="_compute_job", compute_sudo=True,
    )
    job_name = fields.Char(string="Background Job Task", compute="_compute_job", compute_sudo=True)
    job_error = fields.Char(string="Background Job Error", compute="_compute_job", compute_sudo=True)

    @api.depends("job_uuid")
    def _compute_job(self):
        jobs = self.env["queue.job"].sudo().search([("uuid", "in", [uuid for uuid in self.mapped("job_uuid") if uuid])])
        by_uuid = {job.uuid: job for job in jobs}
        for record in self:
            job = by_uuid.get(record.job_uuid)
            record.job_state = job.state if job else False
            record.job_name = job.name if job else False
            record.job_error = job.exc_message if job and job.state == "failed" else False

    @api.model
    def _itss_active_jobs(self, identity_keys):
        """The jobs with one of these identity keys that are waiting or running."""
        return self.env["queue.job"].sudo().search([
            ("identity_key", "in", list(identity_keys)), ("state", "in", ACTIVE_JOB_STATES)])

    def _itss_enqueue(self, method_name, identity_key, description, priority=10, args=(), track=True,
                      **delay_options):
        """Delay ``method_name`` of ``self`` (one record, in the caller's environment) as a job.

        Returns the new job, or the waiting or running one with the same identity key (then no job
        is added). ``delay_options`` go to ``with_delay`` (``max_retries``, ``channel``). ``track``
        shows the job on the record (``job_state``); writing it on the record also makes two workers
        enqueueing at once conflict, and Odoo retries the second, which then finds the first one's job.
        """
        self.ensure_one()
        existing = self._itss_active_jobs([identity_key])[:1]
        if existing:
            return existing
        if track:
            self.env.cr.execute(SQL(
                "SELECT id FROM %s WHERE id = %s FOR NO KEY UPDATE", SQL.identifier(self._table), self.id))
        job = getattr(
            self.with_delay(priority=priority, identity_key=identity_key, description=description,
                            **delay_options), method_name
        )(*args)
        if track and job.uuid:
            self.sudo().write({"job_uuid": job.uuid})
        return job

    def _itss_job_requester(self):
        """The user who asked for the running job (None when a cron or the superuser did)."""
        return None if self.env.uid == SUPERUSER_ID else self.env.user

    def _itss_job_done(self, message):
        """Tell the record's followers and the requester that the job finished (in the job's transaction)."""
        requester = self._itss_job_requester()
        for record in self.sudo():
            record.message_post(
                body=message, message_type="notification", subtype_xmlid="mail.mt_note",
                author_id=self.env.ref("base.partner_root").id,
                partner_ids=requester.partner_id.ids if requester else [],
            )

    def _itss_job_failure_users(self):
        """Who must hear of a failed job that no user asked for (a cron's job). Models override it."""
        return self.env["res.users"]

    def _itss_job_failed(self, job):
        """Called by queue.job when ``job`` (on ``self``) failed for good: show it where users look."""
        requester = job.user_id if job.user_id.id != SUPERUSER_ID else self.env["res.users"]
        body = Markup("%s<br/>%s") % (
            self.env._("The background job “%(job)s” failed:", job=job.name), job.exc_message or job.exc_name or "",
        )
        for record in self.sudo().exists():
            users = requester or record._itss_job_failure_users()
            record.message_post(
                body=body, message_type="notification", subtype_xmlid="mail.mt_note",
                author_id=self.env.ref("base.partner_root").id, partner_ids=users.partner_id.ids,
            )
            if hasattr(record, "activity_schedule"):
                for user in users:
                    record.activity_schedule(
                        "mail.mail_activity_data_todo", user_id=user.id,
                        summary=self.env._("Background job failed: %(job)s", job=job.name),
                        note=job.exc_message or "",
                    )
