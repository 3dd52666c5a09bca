# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssProcessCheckLine(models.Model):
    """One question of a daily process check: OK, deviation or not applicable."""

    _name = "itss.process.check.line"
    _description = "QA Daily Process Check Line"
    _inherit = ["itss.guard.mixin"]
    _order = "check_id, sequence, id"
    _itss_parent_field = "check_id"

    check_id = fields.Many2one("itss.process.check", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="check_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Question", required=True)
    result = fields.Selection([("ok", "OK"), ("deviation", "Deviation"), ("na", "Not applicable")])
    note = fields.Text()
    improvement_id = fields.Many2one("itss.improvement", readonly=True, copy=False)

    def _itss_locked_fnames(self):
        if self.check_id.state != "draft":
            return ALL_FIELDS
        return super()._itss_locked_fnames()
