# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class MgmtsystemAction(models.Model):
    """OCA's action, seen from the suite's one improvement register (itss.improvement)."""

    _inherit = "mgmtsystem.action"

    itss_improvement_ids = fields.One2many("itss.improvement", "action_id", string="Improvement Measure")
    itss_verified = fields.Boolean(string="Effectiveness Verified", compute="_compute_itss_verified", store=True)

    @api.model_create_multi
    def create(self, vals_list):
        """An action opened on a nonconformity in OCA's screens joins the improvement register too."""
        actions = super().create(vals_list)
        for action in actions.filtered(lambda a: a.nonconformity_ids and not a.itss_improvement_ids):
            nonconformity = action.nonconformity_ids[:1]
            self.env["itss.improvement"].sudo().create({
                "name": action.name, "source": "internal_audit" if nonconformity.itss_audit_id else "manual",
                "nonconformity_id": nonconformity.id, "audit_id": nonconformity.itss_audit_id.id,
                "owner_id": action.user_id.id, "due_date": action.date_deadline,
                "company_id": (action.company_id or nonconformity.company_id).id, "action_id": action.id,
            })
        return actions

    @api.depends("itss_improvement_ids.state")
    def _compute_itss_verified(self):
        for action in self:
            improvements = action.itss_improvement_ids
            action.itss_verified = bool(improvements) and all(i.state == "verified" for i in improvements)
