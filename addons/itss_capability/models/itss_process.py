# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class ItssProcess(models.Model):
    """One of the eight ITSS O&M processes (service level, incident, change...)."""

    _name = "itss.process"
    _description = "ITSS Process"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Stable code used by other modules and reports.")
    sequence = fields.Integer(default=10)
    clause = fields.Char(help="Clause of GB/T 28827.1 that describes this process.")
    element_id = fields.Many2one(
        "itss.element", required=True, ondelete="restrict", index=True
    )
    description = fields.Html(translate=True)
    has_metrics = fields.Boolean(
        string="Has Process Metrics",
        default=True,
        help="The standard defines process metrics (过程度量) for this process.",
    )
    kpi_ids = fields.One2many("itss.kpi", "process_id", string="KPIs")
    kpi_count = fields.Integer(compute="_compute_kpi_count", string="KPI Count")
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "An ITSS process with this code already exists.")

    def _compute_kpi_count(self):
        counts = dict(
            self.env["itss.kpi"]._read_group(
                [("process_id", "in", self.ids)], ["process_id"], ["__count"]
            )
        )
        for process in self:
            process.kpi_count = counts.get(process, 0)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_catalog(self):
        if self.env["ir.model.data"].sudo().search_count(
            [("model", "=", self._name), ("res_id", "in", self.ids), ("module", "=", "itss_capability")],
            limit=1,
        ):
            raise UserError(
                self.env._("The eight ITSS processes are part of the standard and cannot be deleted.")
            )

    def action_view_kpis(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("itss_capability.itss_kpi_action")
        action["domain"] = [("process_id", "=", self.id)]
        action["context"] = {"default_process_id": self.id}
        return action
