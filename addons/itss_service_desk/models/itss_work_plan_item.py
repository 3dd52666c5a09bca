# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssWorkPlanItem(models.Model):
    """A planned piece of on-site work: an inspection, a maintenance or a training for client staff."""

    _name = "itss.work.plan.item"
    _description = "Planned On-site Work"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "plan_id"
    _order = "planned_date, id"
    _check_company_auto = True

    plan_id = fields.Many2one("itss.work.plan", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    project_id = fields.Many2one(related="plan_id.project_id", store=True, index=True)
    kind = fields.Selection([("inspection", "Inspection"), ("maintenance", "Maintenance"),
                             ("training", "Client Training"), ("other", "Other")], required=True, default="inspection")
    name = fields.Char(required=True)
    planned_date = fields.Date(required=True)
    user_id = fields.Many2one("res.users", string="Engineer", index=True)
    equipment_ids = fields.Many2many("maintenance.equipment", "itss_work_plan_item_equipment_rel", "item_id",
                                     "equipment_id", string="Configuration Items", check_company=True)
    state = fields.Selection([("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
                             default="planned", required=True, readonly=True, copy=False, index=True)
    done_date = fields.Date(readonly=True, copy=False)
    result = fields.Text()
    inspection_ids = fields.One2many("itss.inspection", "plan_item_id", string="Inspections")
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue", string="Overdue")

    def _compute_is_overdue(self):
        for item in self:
            today = (item.company_id or self.env.company)._itss_today()
            item.is_overdue = item.state == "planned" and item.planned_date < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = [("state", "=", "planned"), ("planned_date", "<", self.env.company._itss_today())]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    @api.constrains("planned_date", "plan_id")
    def _check_in_plan(self):
        for item in self:
            if not item.plan_id.date_from <= item.planned_date <= item.plan_id.date_to:
                raise ValidationError(self.env._(
                    "“%(item)s” is planned on %(day)s, outside its work plan (%(start)s – %(end)s).",
                    item=item.name, day=item.planned_date, start=item.plan_id.date_from, end=item.plan_id.date_to))

    def _itss_locked_fnames(self):
        if self.state != "planned":
            return ALL_FIELDS
        return super()._itss_locked_fnames()

    def _itss_item_action(self):
        items = self._itss_action(["itss_capability.group_itss_user"])
        for item in items:
            if item.state != "planned":
                raise UserError(self.env._("“%(item)s” is no longer planned.", item=item.name))
            if item.plan_id.state != "approved":
                raise UserError(self.env._("The work plan of “%(item)s” is not approved.", item=item.name))
        return items

    def action_done(self):
        items = self._itss_item_action()
        for item in items:
            if item.kind == "inspection" and not item.inspection_ids.filtered(lambda i: i.state == "done"):
                raise UserError(self.env._("Finish the inspection of “%(item)s” first.", item=item.name))
            if item.kind != "inspection" and not (item.result or "").strip():
                raise UserError(self.env._("Record the result of “%(item)s” first.", item=item.name))
        items.write({"state": "done", "done_date": self.env.company._itss_today()})
        return True

    def action_cancel(self):
        items = self._itss_action(["itss_capability.group_itss_manager"], message=self.env._(
            "Only O&M managers cancel planned work."))
        if items.filtered(lambda i: i.state != "planned"):
            raise UserError(self.env._("Only planned work can be cancelled."))
        items.write({"state": "cancelled"})
        return True

    def action_start_inspection(self):
        """Open a new inspection of the item's configuration items, its checklist loaded."""
        self.ensure_one()
        items = self._itss_item_action()
        inspection = self.env["itss.inspection"].create({
            "project_id": items.project_id.id, "plan_item_id": items.id, "user_id": self.env.user.id,
            "date": self.env.company._itss_today(), "equipment_ids": [fields.Command.set(items.equipment_ids.ids)],
        })
        inspection.action_load_checklist()
        return {"type": "ir.actions.act_window", "res_model": "itss.inspection", "res_id": inspection.id,
                "view_mode": "form", "target": "current"}
