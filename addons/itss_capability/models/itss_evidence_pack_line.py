# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssEvidencePackLine(models.Model):
    """A row of an evidence pack's index, frozen when the pack was generated."""

    _name = "itss.evidence.pack.line"
    _description = "ITSS Evidence Pack Index Row"
    _inherit = ["itss.guard.mixin"]
    _order = "pack_id, number, id"
    _itss_parent_field = "pack_id"

    pack_id = fields.Many2one("itss.evidence.pack", required=True, readonly=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="pack_id.company_id", store=True)
    number = fields.Integer(string="No.", readonly=True)
    clause = fields.Char(readonly=True)
    name = fields.Char(string="Evidence Item", readonly=True)
    status = fields.Selection(
        [("present", "Present"), ("partial", "Partial"), ("missing", "Missing")], readonly=True)
    ratio = fields.Float(string="Completeness (%)", readonly=True, digits=(16, 0))
    score = fields.Float(string="Weighted Score", readonly=True, digits=(16, 2))
    department = fields.Char(string="Responsible Department", readonly=True)
    folder = fields.Char(readonly=True)
    file_count = fields.Integer(string="Files", readonly=True)
    files = fields.Text(string="Files in the Pack", readonly=True)
