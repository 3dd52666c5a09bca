# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class MgmtsystemAction(models.Model):
    """OCA's action, seen from the suite's one improvement register (itss.improvement)."""

    _inherit = "mgmtsystem.action"

    itss_improvement_ids = fields.One2many("itss.improvement", "action_id", string="Improvement Measure")
    itss_verified = fields.Boolean(string="Effectiveness Verified", compute="_compute_itss_verified", store=True)

    @api.depends("itss_improvement_ids.state")
    def _compute_itss_verified(self):
        for action in self:
            improvements = action.itss_improvement_ids
            action.itss_verified = bool(improvements) and all(i.state == "verified" for i in improvements)
