# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssInspectionLine(models.Model):
    """One check of one configuration item during an inspection; an abnormal one becomes a ticket."""

    _name = "itss.inspection.line"
    _description = "Inspection Check"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "inspection_id"
    _order = "inspection_id, equipment_id, id"

    inspection_id = fields.Many2one("itss.inspection", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="inspection_id.company_id", store=True, index=True)
    equipment_id = fields.Many2one("maintenance.equipment", string="Configuration Item", required=True)
    check_id = fields.Many2one("itss.ci.type.check", string="Checklist Item")
    name = fields.Char(string="Check", required=True)
    expected = fields.Char(string="Expected Result")
    result = fields.Selection([("ok", "Normal"), ("abnormal", "Abnormal")])
    note = fields.Char(string="Observation")
    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True, copy=False)
