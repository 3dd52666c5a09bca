# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssWorkPlan(models.Model):
    """The work plan of an on-site service (驻场工作计划) for a month or a quarter: inspections,
    maintenance and trainings for the client's staff, approved by the O&M manager, execution tracked."""

    _name = "itss.work.plan"
    _description = "On-site Work Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.project.site.mixin", "itss.guard.mixin"]
    _order = "date_from desc, id desc"

    name = fields.Char(required=True, tracking=True)
    project_id = fields.Many2one(tracking=True)
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    item_ids = fields.One2many("itss.work.plan.item", "plan_id", string="Planned Work")
    state = fields.Selection([("draft", "Draft"), ("approved", "Approved"), ("closed", "Closed")],
                             default="draft", required=True, readonly=True, tracking=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Date(readonly=True, copy=False)
    done_rate = fields.Float(string="Executed (%)", compute="_compute_done_rate", store=True, aggregator="avg")
    overdue_count = fields.Integer(compute="_compute_overdue_count", string="Overdue")

    @api.depends("item_ids.state")
    def _compute_done_rate(self):
        for plan in self:
            items = plan.item_ids.filtered(lambda i: i.state != "cancelled")
            plan.done_rate = round(100.0 * len(items.filtered(lambda i: i.state == "done")) / len(items), 2) \
                if items else 0.0

    def _compute_overdue_count(self):
        for plan in self:
            plan.overdue_count = len(plan.item_ids.filtered("is_overdue"))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for plan in self:
            if plan.date_to < plan.date_from:
                raise ValidationError(self.env._("The work plan %(plan)s ends before it starts.", plan=plan.name))

    def _itss_locked_fnames(self):
        if self.state == "closed":
            return ALL_FIELDS
        if self.state == "approved":
            return frozenset({"project_id", "date_from", "date_to"})
        return frozenset()

    def _itss_manager_action(self):
        return self._itss_action(["itss_capability.group_itss_manager"], message=self.env._(
            "Only O&M managers approve or close work plans."))

    def action_approve(self):
        plans = self._itss_manager_action()
        for plan in plans:
            if plan.state != "draft" or not plan.item_ids:
                raise UserError(self.env._("Only a draft work plan with planned work can be approved: %(plan)s.",
                                           plan=plan.name))
        plans.write({"state": "approved", "approved_by_id": self.env.user.id,
                     "approved_date": fields.Date.context_today(self)})
        return True

    def action_close(self):
        plans = self._itss_manager_action()
        for plan in plans:
            if plan.state != "approved" or plan.item_ids.filtered(lambda i: i.state == "planned"):
                raise UserError(self.env._(
                    "The work plan %(plan)s still has planned work: record it as done or cancel it first.",
                    plan=plan.name))
        plans.write({"state": "closed"})
        return True

    @api.model
    def _itss_demo_plan(self, project_id, user_id, equipment_ids):
        """Demo data: last month and this month's on-site plan, one inspection done (a UPS finding
        became a ticket), one inspection overdue, a maintenance and a client training ahead."""
        project = self.env["itss.service.project"].browse(project_id)
        today = project.company_id._itss_today()
        month = today.replace(day=1)
        start = (month - timedelta(days=1)).replace(day=1)
        end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        equipment = self.env["maintenance.equipment"].browse(equipment_ids)
        plan = self.create({
            "name": f"{project.name} 驻场工作计划 {start:%Y-%m} – {end:%Y-%m}", "project_id": project.id,
            "date_from": start, "date_to": end, "item_ids": [
                fields.Command.create({"kind": "inspection", "name": "机房及核心设备月度巡检",
                                       "planned_date": start + timedelta(days=9), "user_id": user_id,
                                       "equipment_ids": [fields.Command.set(equipment.ids)]}),
                fields.Command.create({"kind": "inspection", "name": "存储与数据库专项巡检",
                                       "planned_date": max(start, today - timedelta(days=3)), "user_id": user_id,
                                       "equipment_ids": [fields.Command.set(equipment[:2].ids)]}),
                fields.Command.create({"kind": "maintenance", "name": "核心交换机配置备份与固件评估",
                                       "planned_date": min(end, today + timedelta(days=7)), "user_id": user_id}),
                fields.Command.create({"kind": "training", "name": "信息科新员工 HIS 服务器日常检查培训",
                                       "planned_date": min(end, today + timedelta(days=20)), "user_id": user_id}),
            ]})
        plan.action_approve()
        first = plan.item_ids.sorted("planned_date")[0]
        inspection = self.env["itss.inspection"].create({
            "project_id": project.id, "plan_item_id": first.id, "user_id": user_id, "date": first.planned_date,
            "equipment_ids": [fields.Command.set(equipment.ids)]})
        inspection.action_load_checklist()
        for index, line in enumerate(inspection.line_ids):
            line.write({"result": "abnormal", "note": "UPS 2 号电池组告警，后备时间不足 10 分钟"} if index == 1
                       else {"result": "ok"})
        inspection.action_done()
        first.action_done()
        return True
