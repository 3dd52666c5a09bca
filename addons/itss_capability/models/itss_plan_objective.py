# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from .itss_guard_mixin import ALL_FIELDS

# What may still be recorded on an objective of an approved (locked) plan: its actual result.
RESULT_FIELDS = {"actual_manual", "note"}


class ItssPlanObjective(models.Model):
    """A business objective of the year (经营目标), measured by hand or by a KPI."""

    _name = "itss.plan.objective"
    _description = "Capability Plan Objective"
    _order = "plan_id, sequence, id"
    _inherit = ["itss.guard.mixin"]

    plan_id = fields.Many2one("itss.capability.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    year = fields.Integer(related="plan_id.year", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Objective", required=True)
    measure = fields.Char(help="How the objective is measured, e.g. annual O&M revenue.")
    unit = fields.Char()
    target = fields.Float(digits=(16, 2), required=True)
    direction = fields.Selection(
        [("higher", "Higher is better"), ("lower", "Lower is better")], default="higher", required=True
    )
    kpi_id = fields.Many2one(
        "itss.kpi", string="KPI", help="When set, the actual value is the year's average of this KPI's values."
    )
    actual_manual = fields.Float(string="Actual (entered)", digits=(16, 2))
    actual = fields.Float(compute="_compute_actual", store=True, digits=(16, 2))
    has_actual = fields.Boolean(compute="_compute_actual", store=True)
    status = fields.Selection(
        [("pending", "Not measured"), ("met", "Met"), ("missed", "Not met")],
        compute="_compute_status", store=True,
    )
    investigation_ids = fields.One2many("itss.indicator.investigation", "objective_id", string="Investigations")
    note = fields.Text()

    @api.depends("kpi_id", "kpi_id.value_ids.value", "kpi_id.value_ids.date_from", "actual_manual", "plan_id.year")
    def _compute_actual(self):
        with_kpi = self.filtered("kpi_id")
        averages = {}
        if with_kpi:
            years = set(with_kpi.mapped("plan_id.year"))
            groups = self.env["itss.kpi.value"]._read_group(
                [
                    ("kpi_id", "in", with_kpi.kpi_id.ids),
                    ("date_from", ">=", f"{min(years)}-01-01"),
                    ("date_from", "<=", f"{max(years)}-12-31"),
                ],
                ["kpi_id", "company_id", "date_from:year"],
                ["value:avg"],
            )
            averages = {(kpi.id, company.id, year.year): avg for kpi, company, year, avg in groups}
        for objective in self:
            if objective.kpi_id:
                key = (objective.kpi_id.id, objective.plan_id.company_id.id, objective.plan_id.year)
                objective.has_actual = key in averages
                objective.actual = averages.get(key, 0.0)
            else:
                objective.has_actual = bool(objective.actual_manual)
                objective.actual = objective.actual_manual

    @api.depends("actual", "has_actual", "target", "direction")
    def _compute_status(self):
        for objective in self:
            if not objective.has_actual:
                objective.status = "pending"
            elif objective.direction == "higher":
                objective.status = "met" if objective.actual >= objective.target else "missed"
            else:
                objective.status = "met" if objective.actual <= objective.target else "missed"

    def _itss_locked_fnames(self):
        plan = self.plan_id
        if plan.state == "closed":
            return ALL_FIELDS
        return frozenset(self._fields) - RESULT_FIELDS if plan.is_locked else frozenset()

    def _itss_locked_message(self, field_label):
        if self.plan_id.state == "closed":
            return super()._itss_locked_message(field_label)
        return self.plan_id._itss_locked_message(field_label)

    @api.model_create_multi
    def create(self, vals_list):
        objectives = super().create(vals_list)
        objectives.plan_id._check_unlocked()
        return objectives

    def unlink(self):
        self.plan_id._check_unlocked()
        return super().unlink()

    def _next_year_values(self):
        return {
            "sequence": self.sequence, "name": self.name, "measure": self.measure, "unit": self.unit,
            "target": self.target, "direction": self.direction, "kpi_id": self.kpi_id.id,
            "note": self.env._("Carried over: not met in %(year)s (actual %(actual)s).",
                               year=self.plan_id.year, actual=round(self.actual, 2)),
        }

    def action_new_investigation(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "itss.indicator.investigation",
            "view_mode": "form",
            "context": {"default_objective_id": self.id, "default_plan_id": self.plan_id.id},
        }
