# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssServiceReportTrend(models.Model):
    """One month of one KPI in a service report's trend table, with the baseline it is read against.

    Written only when the report is generated; frozen with the delivered report.
    """

    _name = "itss.service.report.trend"
    _description = "Service Report Trend"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "report_id"
    _order = "report_id, kpi_id, date_from"

    report_id = fields.Many2one("itss.service.report", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    kpi_id = fields.Many2one("itss.kpi", string="KPI", required=True, ondelete="cascade", readonly=True)
    unit = fields.Char(related="kpi_id.unit")
    date_from = fields.Date(string="Month", required=True, readonly=True)
    value = fields.Float(digits=(16, 2), aggregator="avg", readonly=True)
    baseline = fields.Float(string="Baseline Mean", digits=(16, 2), aggregator="avg", readonly=True)
