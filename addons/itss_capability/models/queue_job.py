# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class QueueJob(models.Model):
    _inherit = "queue.job"

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "failed":
            self._itss_tell_failure()
        return res

    def _itss_tell_failure(self):
        """Besides the job's own chatter (seen by job queue managers), tell the users of its record."""
        for job in self:
            records = job.sudo().records.exists()
            if records and hasattr(records, "_itss_job_failed"):
                records._itss_job_failed(job)
