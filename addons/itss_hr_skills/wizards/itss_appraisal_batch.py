# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.itss_performance_appraisal import period_bounds


class ItssAppraisalBatch(models.TransientModel):
    """Generates the month's or year's appraisals of a department's active employees from a template."""

    _name = "itss.appraisal.batch"
    _description = "Generate Performance Appraisals"

    department_id = fields.Many2one("hr.department", required=True)
    template_id = fields.Many2one("itss.appraisal.template", required=True)
    period_type = fields.Selection(related="template_id.period_type")
    date = fields.Date(string="Day in the Period", required=True,
                       default=lambda self: self.env.company._itss_today(),
                       help="Any day of the appraised month or year.")
    period_start = fields.Date(compute="_compute_period")
    period_end = fields.Date(compute="_compute_period")

    @api.depends("date", "period_type")
    def _compute_period(self):
        for batch in self:
            if batch.date and batch.period_type:
                batch.period_start, batch.period_end = period_bounds(batch.period_type, batch.date)
            else:
                batch.period_start = batch.period_end = False

    @api.constrains("date")
    def _check_date(self):
        for batch in self:
            if not 2000 <= batch.date.year <= 2100:
                raise ValidationError(self.env._("The appraisal period must lie between the years 2000 and 2100."))

    def action_generate(self):
        """Create the missing appraisals; employees who already have one for the period are skipped."""
        self.ensure_one()
        self.template_id._check_weight_total()
        start = self.period_start
        employees = self.env["hr.employee"].search([
            ("department_id", "=", self.department_id.id),
            ("company_id", "in", self.env.companies.ids),
        ])
        if not employees:
            raise UserError(self.env._(
                "Department %(department)s has no active employees.", department=self.department_id.name))
        Appraisal = self.env["itss.performance.appraisal"]
        already = {employee.id for employee, in Appraisal._read_group(
            [("employee_id", "in", employees.ids), ("period_type", "=", self.period_type),
             ("period_start", "=", start)], ["employee_id"])}
        todo = employees.filtered(lambda employee: employee.id not in already)
        appraisals = Appraisal.create([{
            "employee_id": employee.id,
            "company_id": employee.company_id.id,
            "template_id": self.template_id.id,
            "period_type": self.period_type,
            "period_start": start,
        } for employee in todo])
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Generated Appraisals"),
            "res_model": "itss.performance.appraisal",
            "view_mode": "list,form",
            "domain": [("id", "in", appraisals.ids)],
        }
