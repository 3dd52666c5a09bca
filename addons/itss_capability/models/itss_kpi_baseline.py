# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssKpiBaseline(models.Model):
    """Baseline (基线) of a KPI series: statistics over its latest N periods.

    One record per KPI, company and service project or catalog service (both empty = organization level).
    Maintained by ``itss.kpi.value``; users only read it.
    """

    _name = "itss.kpi.baseline"
    _description = "ITSS KPI Baseline"
    _order = "kpi_id, project_id, service_id"
    _check_company_auto = True

    kpi_id = fields.Many2one("itss.kpi", string="KPI", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    project_id = fields.Many2one("itss.service.project", string="Service Project", ondelete="cascade")
    service_id = fields.Many2one("itss.catalog.service", string="Catalog Service", ondelete="cascade")
    process_id = fields.Many2one(related="kpi_id.process_id", store=True)
    level = fields.Selection(related="kpi_id.level", store=True)
    target = fields.Float(related="kpi_id.target")
    period_count = fields.Integer(string="Periods", help="Number of values the baseline is computed over.")
    date_last = fields.Date(string="Latest Period")
    mean = fields.Float(digits=(16, 4), aggregator="avg")
    stddev = fields.Float(string="Standard Deviation (σ)", digits=(16, 4), aggregator="avg")
    lcl = fields.Float(string="Lower Control Limit", digits=(16, 4), aggregator="avg")
    ucl = fields.Float(string="Upper Control Limit", digits=(16, 4), aggregator="avg")
    is_valid = fields.Boolean(
        string="Enough Data", help="At least two periods: a standard deviation can be computed."
    )

    _series_unique = models.UniqueIndex("(kpi_id, company_id, COALESCE(project_id, 0), COALESCE(service_id, 0))")

    def _series_key(self):
        return (self.kpi_id.id, self.company_id.id, self.project_id.id or False, self.service_id.id or False)

    def _store(self, vals_list):
        """Create or update the baselines described by ``vals_list`` (one dict per series)."""
        if not vals_list:
            return self
        existing = {
            b._series_key(): b
            for b in self.search([("kpi_id", "in", list({v["kpi_id"] for v in vals_list}))])
        }
        to_create = []
        for vals in vals_list:
            limits = vals.pop("limits") or {}
            vals.update({
                "is_valid": bool(limits),
                "mean": limits.get("mean", 0.0),
                "stddev": limits.get("stddev", 0.0),
                "lcl": limits.get("lcl", 0.0),
                "ucl": limits.get("ucl", 0.0),
            })
            key = (vals["kpi_id"], vals["company_id"], vals["project_id"] or False, vals.get("service_id") or False)
            if key in existing:
                existing[key].write(vals)
            else:
                to_create.append(vals)
        return self.create(to_create)

    def _drop(self, keys):
        """Delete the baselines of the series ``keys`` ((kpi, company, project, service) ids) left empty."""
        if not keys:
            return
        baselines = self.search([("kpi_id", "in", list({key[0] for key in keys}))])
        baselines.filtered(lambda b: b._series_key() in keys).unlink()
