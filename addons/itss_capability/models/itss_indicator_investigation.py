# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class ItssIndicatorInvestigation(models.Model):
    """Indicator investigation & analysis report (指标调查分析报告) for an objective not met."""

    _name = "itss.indicator.investigation"
    _description = "Indicator Investigation and Analysis Report"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False, required=True)
    plan_id = fields.Many2one("itss.capability.plan", required=True, ondelete="cascade", index=True, check_company=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    objective_id = fields.Many2one("itss.plan.objective", ondelete="cascade",
                                   domain="[('plan_id', '=', plan_id)]")
    kpi_id = fields.Many2one("itss.kpi", string="KPI")
    date = fields.Date(required=True, default=fields.Date.context_today)
    author_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    facts = fields.Html(required=True, help="What happened: target, actual, when and where it deviated.")
    root_cause = fields.Html(required=True)
    measures = fields.Html(required=True, help="Corrective and preventive measures.")
    improvement_ids = fields.Many2many("itss.improvement", string="Improvement Measures")

    @api.depends("objective_id", "kpi_id")
    def _compute_name(self):
        for report in self:
            subject = report.objective_id.name or report.kpi_id.name
            if subject:
                report.name = self.env._("Investigation: %(subject)s", subject=subject)

    @api.onchange("objective_id")
    def _onchange_objective_id(self):
        if self.objective_id:
            self.kpi_id = self.objective_id.kpi_id
