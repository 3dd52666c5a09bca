# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ItssCapabilityPlanXlsx(models.AbstractModel):
    """XLSX export of a capability plan: objectives, work items and improvement measures."""

    _name = "report.itss_capability.plan_xlsx"
    _inherit = "itss.xlsx.report"
    _description = "Capability Plan XLSX Export"

    def generate_xlsx_report(self, workbook, data, plans):
        formats = self._formats(workbook)
        objective_rows, item_rows, improvement_rows = [], [], []
        for plan in plans:
            for objective in plan.objective_ids:
                objective_rows.append([
                    objective.name, plan.year, objective.measure or objective.kpi_id.name or "", objective.unit,
                    objective.target, objective.actual if objective.has_actual else None,
                    self._selection_label(objective, "status"),
                ])
            for item in plan.work_item_ids:
                item_rows.append([
                    item.name, plan.year, item.element_id.name, item.process_id.name, item.department_id.name,
                    item.owner_id.name, item.date_start, item.date_end, item.deliverable, item.progress,
                    self._selection_label(item, "state"), item.execution_count,
                ])
            for improvement in plan.improvement_ids:
                improvement_rows.append([
                    improvement.name, plan.year, self._selection_label(improvement, "source"),
                    improvement.owner_id.name, improvement.due_date, self._selection_label(improvement, "state"),
                    improvement.is_effective and self.env._("Yes") or "",
                ])
        env = self.env
        self._sheet(workbook, env._("Objectives"), [
            env._("Objective"), env._("Year"), env._("Measure"), env._("Unit"), env._("Target"),
            env._("Actual"), env._("Status"),
        ], objective_rows, formats)
        self._sheet(workbook, env._("Work Items"), [
            env._("Work Item"), env._("Year"), env._("Element"), env._("Process"), env._("Department"),
            env._("Owner"), env._("Start"), env._("End"), env._("Deliverable"), env._("Progress (%)"),
            env._("Status"), env._("Execution Records"),
        ], item_rows, formats)
        self._sheet(workbook, env._("Improvements"), [
            env._("Improvement Measure"), env._("Year"), env._("Source"), env._("Owner"), env._("Due"),
            env._("Status"), env._("Effective"),
        ], improvement_rows, formats)
