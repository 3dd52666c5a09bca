# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssKpi(models.Model):
    """KPI provider of the people element: completion of the performance appraisals."""

    _inherit = "itss.kpi"

    provider = fields.Selection(
        selection_add=[("appraisal_completion", "Share of the period's appraisals acknowledged or closed (People)")],
        ondelete={"appraisal_completion": "set null"},
    )

    def _itss_kpi_provider_appraisal_completion(self, date_from, date_to):
        """Share (%) of the appraisals whose period ends between the two dates that reached
        acknowledged or closed, organization level."""
        company = self.company_id or self.env.company
        groups = dict(self.env["itss.performance.appraisal"].sudo()._read_group(
            [("company_id", "=", company.id), ("period_end", ">=", date_from), ("period_end", "<=", date_to)],
            ["state"], ["__count"]))
        total = sum(groups.values())
        if not total:
            return {}
        done = groups.get("acknowledged", 0) + groups.get("closed", 0)
        return {False: round(100.0 * done / total, 2)}
