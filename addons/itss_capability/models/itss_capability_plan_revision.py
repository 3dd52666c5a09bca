# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class ItssCapabilityPlanRevision(models.Model):
    """One line of the plan's revision history (修订记录); a new one unlocks an approved plan."""

    _name = "itss.capability.plan.revision"
    _description = "Capability Plan Revision"
    _order = "plan_id, date desc, id desc"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "plan_id"

    plan_id = fields.Many2one("itss.capability.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    version = fields.Char(required=True)
    change = fields.Text(required=True, string="Change Description")
    user_id = fields.Many2one("res.users", string="Revised By", required=True, readonly=True,
                              default=lambda self: self.env.user)
    date = fields.Date(required=True, readonly=True, default=fields.Date.context_today)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        plan = self.env["itss.capability.plan"].browse(values.get("plan_id"))
        if plan and "version" in fields_list and not values.get("version"):
            major, _dot, minor = (plan.version or "1.0").partition(".")
            values["version"] = f"{major}.{int(minor or 0) + 1}" if major.isdigit() else plan.version
        return values

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["itss.capability.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")])
        plans._itss_action(["itss_capability.group_itss_manager"], message=self.env._(
            "Only O&M managers revise the capability plan."))
        revisions = super().create(vals_list)
        for revision in revisions:
            plan = revision.plan_id.sudo()
            if plan.state == "closed":
                raise UserError(self.env._("A closed plan cannot be revised: prepare next year's plan."))
            if plan.is_locked or plan.state in ("submitted", "approved"):
                plan.write({"is_locked": False, "version": revision.version, "state": "draft"
                            if plan.state in ("submitted", "approved") else plan.state})
                plan.message_post(body=self.env._(
                    "Revision %(version)s: %(change)s", version=revision.version, change=revision.change))
        return revisions

    def action_save(self):
        """Wizard button: the record is already saved by the client; close the dialog."""
        return {"type": "ir.actions.act_window_close"}
