# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ItssAuditFindingsXlsx(models.AbstractModel):
    """XLSX of the audits' findings and their corrective actions."""

    _name = "report.itss_audit.findings_xlsx"
    _inherit = "itss.xlsx.report"
    _description = "Audit Findings and Actions XLSX Export"

    def generate_xlsx_report(self, workbook, data, audits):
        env = self.env
        formats = self._formats(workbook)
        finding_rows, action_rows = [], []
        for audit in audits:
            for nc in audit.nonconformity_ids:
                finding_rows.append([
                    audit.reference, audit.name, nc.ref, nc.itss_clause_id.display_name or "",
                    nc.itss_department_id.name or "", self._selection_label(nc, "itss_kind"), nc.description,
                    nc.stage_id.name or "",
                ])
                for improvement in nc.itss_improvement_ids:
                    action_rows.append([
                        nc.ref, improvement.name, improvement.owner_id.name or "", improvement.due_date,
                        improvement.action_taken or "", self._selection_label(improvement, "state"),
                        improvement.verified_by_id.name or "", improvement.verified_date,
                    ])
        self._sheet(workbook, env._("Findings"), [
            env._("Audit"), env._("Audit Name"), env._("Finding"), env._("Clause"), env._("Department"),
            env._("Finding Type"), env._("Description"), env._("Stage"),
        ], finding_rows, formats, wide_column=6)
        self._sheet(workbook, env._("Corrective Actions"), [
            env._("Finding"), env._("Corrective Action"), env._("Owner"), env._("Due"), env._("Action Taken"),
            env._("State"), env._("Verified By"), env._("Verified On"),
        ], action_rows, formats, wide_column=1)
