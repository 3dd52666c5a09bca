# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ItssAllocationXlsx(models.AbstractModel):
    """XLSX of the 标准要求及职能分配表: one row per clause, one column per department."""

    _name = "report.itss_audit.allocation_xlsx"
    _inherit = "itss.xlsx.report"
    _description = "Function Allocation Table XLSX Export"

    def generate_xlsx_report(self, workbook, data, clauses):
        matrix = clauses._itss_allocation_matrix()
        env = self.env
        rows = [[row["clause"].code, row["clause"].name, *row["cells"],
                 env._("Yes") if row["gap"] else ""] for row in matrix["rows"]]
        headers = [env._("Clause"), env._("Requirement"), *matrix["departments"].mapped("name"),
                   env._("No Lead Department")]
        self._sheet(workbook, env._("Function Allocation"), headers, rows, self._formats(workbook), wide_column=1)
