# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models


class ItssEvidencePackIndex(models.AbstractModel):
    """Values of the evidence pack index (PDF): rows given by the job, or the pack's frozen lines."""

    _name = "report.itss_capability.report_evidence_pack_index"
    _description = "ITSS Evidence Pack Index"

    @api.model
    def _itss_index_rows(self, pack, data):
        """One dict per evidence item: number, clause, name, status label, completeness, department, files."""
        Line = self.env["itss.evidence.pack.line"]
        labels = dict(Line._fields["status"]._description_selection(self.env))
        if data and data.get("rows") is not None:
            return [{
                "number": row["number"], "clause": row["clause"], "name": row["name"],
                "status": row["status"], "status_label": labels.get(row["status"], ""),
                "ratio": round(100.0 * row["ratio"]), "department": row["department"], "folder": row["folder"],
                "files": [name.removeprefix(row["folder"]) for name in row["files"]],
            } for row in data["rows"]]
        return [{
            "number": line.number, "clause": line.clause, "name": line.name, "status": line.status,
            "status_label": labels.get(line.status, ""), "ratio": round(line.ratio),
            "department": line.department or "", "folder": line.folder,
            "files": (line.files or "").splitlines(),
        } for line in pack.line_ids]

    @api.model
    def _get_report_values(self, docids, data=None):
        packs = self.env["itss.evidence.pack"].browse(docids)
        return {
            "doc_ids": docids, "doc_model": "itss.evidence.pack", "docs": packs,
            "index_rows": {pack.id: self._itss_index_rows(pack, data) for pack in packs},
        }
