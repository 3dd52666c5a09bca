# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ItssEvidencePackIndexXlsx(models.AbstractModel):
    """The evidence pack index as XLSX: one row per evidence item, numbered like the assessor's list."""

    _name = "report.itss_capability.evidence_pack_index_xlsx"
    _inherit = "itss.xlsx.report"
    _description = "ITSS Evidence Pack Index XLSX"

    def generate_xlsx_report(self, workbook, data, packs):
        formats = self._formats(workbook)
        formats["str"] = workbook.add_format({"text_wrap": True, "valign": "top"})
        index = self.env["report.itss_capability.report_evidence_pack_index"]
        env = self.env
        for pack in packs:
            rows = [[
                row["number"], row["clause"], row["name"], row["status_label"], row["ratio"],
                row["department"], len(row["files"]), "\n".join(row["files"]),
            ] for row in index._itss_index_rows(pack, data)]
            self._sheet(workbook, env._("Index %(year)s", year=pack.year), [
                env._("No."), env._("Clause"), env._("Evidence Item"), env._("Status"),
                env._("Completeness (%)"), env._("Responsible Department"), env._("Files"),
                env._("Files in the Pack"),
            ], rows, formats, wide_column=2)
