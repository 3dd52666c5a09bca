# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ItssCapabilityPlanXlsx(models.AbstractModel):
    """XLSX export of a capability plan: objectives, work items and improvement measures."""

    _name = "report.itss_capability.plan_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Capability Plan XLSX Export"

    def _selection_label(self, record, field_name):
        return dict(record._fields[field_name]._description_selection(self.env)).get(record[field_name], "")

    def _sheet(self, workbook, title, headers, rows, formats):
        sheet = workbook.add_worksheet(title[:31])
        sheet.freeze_panes(1, 0)
        for col, header in enumerate(headers):
            sheet.write(0, col, header, formats["header"])
            sheet.set_column(col, col, 14 if col else 36)
        for row_index, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                sheet.write(row_index, col, "" if value is None or value is False else value,
                            formats.get(type(value).__name__))
        return sheet

    def generate_xlsx_report(self, workbook, data, plans):
        formats = {
            "header": workbook.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "float": workbook.add_format({"num_format": "0.00"}),
        }
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
