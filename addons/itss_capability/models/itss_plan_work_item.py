# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .itss_guard_mixin import ALL_FIELDS

# What an owner may update on an approved (locked) plan: execution, not content.
EXECUTION_FIELDS = {
    "state", "progress", "execution_ids", "message_main_attachment_id", "activity_ids",
    "overdue_alerted", "message_follower_ids",
}


class ItssPlanWorkItem(models.Model):
    """A four-element work item of the plan, assigned to a department (部门实施计划)."""

    _name = "itss.plan.work.item"
    _description = "Capability Plan Work Item"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "plan_id, element_id, sequence, id"
    _check_company_auto = True

    plan_id = fields.Many2one("itss.capability.plan", required=True, ondelete="cascade", index=True, check_company=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    year = fields.Integer(related="plan_id.year", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Work Item", required=True, tracking=True)
    element_id = fields.Many2one("itss.element", required=True, ondelete="restrict", index=True, tracking=True)
    process_id = fields.Many2one("itss.process", ondelete="restrict", tracking=True)
    description = fields.Html()
    department_id = fields.Many2one("hr.department", string="Responsible Department", index=True, tracking=True,
                                    check_company=True)
    owner_id = fields.Many2one("res.users", index=True, tracking=True)
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    deliverable = fields.Char(string="Expected Deliverable")
    state = fields.Selection(
        [("todo", "To Do"), ("in_progress", "In Progress"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="todo", required=True, readonly=True, tracking=True,
    )
    progress = fields.Integer(tracking=True, aggregator="avg", help="Progress in percent (0–100).")
    execution_ids = fields.One2many("itss.plan.execution", "work_item_id", string="Execution Records")
    execution_count = fields.Integer(compute="_compute_execution_count")
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    overdue_alerted = fields.Boolean(readonly=True, copy=False)

    _progress_range = models.Constraint(
        "CHECK(progress >= 0 AND progress <= 100)", "Progress must be between 0 and 100%."
    )

    @api.constrains("progress")
    def _check_progress(self):
        for item in self:
            if not 0 <= item.progress <= 100:
                raise ValidationError(self.env._(
                    "Progress of %(item)s must be between 0 and 100%%.", item=item.name))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for item in self:
            if item.date_start and item.date_end and item.date_end < item.date_start:
                raise ValidationError(self.env._("Work item %(item)s ends before it starts.", item=item.name))

    @api.constrains("process_id", "element_id")
    def _check_process_element(self):
        for item in self:
            if item.process_id and item.process_id.element_id != item.element_id:
                raise ValidationError(self.env._(
                    "Work item %(item)s: a process belongs to the process element.", item=item.name))

    def _compute_execution_count(self):
        counts = dict(self.env["itss.plan.execution"]._read_group(
            [("work_item_id", "in", self.ids)], ["work_item_id"], ["__count"]))
        for item in self:
            item.execution_count = counts.get(item, 0)

    def _compute_is_overdue(self):
        today = self.env.company._itss_today()
        for item in self:
            item.is_overdue = bool(item.date_end and item.date_end < today and item.state not in ("done", "cancelled"))

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = [("date_end", "<", self.env.company._itss_today()), ("state", "not in", ("done", "cancelled"))]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.onchange("process_id")
    def _onchange_process_id(self):
        if self.process_id:
            self.element_id = self.process_id.element_id

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items.plan_id._check_unlocked()
        return items

    def _itss_locked_fnames(self):
        """On a locked plan only the execution of the item moves, not its content."""
        plan = self.plan_id
        if plan.state == "closed":
            return ALL_FIELDS
        return frozenset(self._fields) - EXECUTION_FIELDS if plan.is_locked else frozenset()

    def _itss_locked_message(self, field_label):
        if self.plan_id.state == "closed":
            return super()._itss_locked_message(field_label)
        return self.plan_id._itss_locked_message(field_label)

    def _itss_set_state(self, allowed, state, vals=None):
        """Owners, their department and managers move an item (write access on it is required)."""
        items = self._itss_action()
        labels = dict(self._fields["state"]._description_selection(self.env))
        for item in items:
            if item.state not in allowed:
                raise UserError(self.env._(
                    "Work item %(item)s cannot go from “%(from)s” to “%(to)s”.", item=item.name,
                    **{"from": labels[item.state], "to": labels[state]}))
        items.write(dict(vals or {}, state=state))
        return True

    def action_start(self):
        return self._itss_set_state(("todo",), "in_progress")

    def action_done(self):
        return self._itss_set_state(("todo", "in_progress"), "done", {"progress": 100})

    def action_cancel(self):
        return self._itss_set_state(("todo", "in_progress"), "cancelled")

    def action_reopen(self):
        return self._itss_set_state(("done", "cancelled"), "in_progress")

    def unlink(self):
        self.plan_id._check_unlocked()
        return super().unlink()

    def _next_year_values(self):
        def shift(day):
            return day + relativedelta(years=1) if day else day

        return {
            "sequence": self.sequence, "name": self.name, "element_id": self.element_id.id,
            "process_id": self.process_id.id, "description": self.description,
            "department_id": self.department_id.id, "owner_id": self.owner_id.id,
            "date_start": shift(self.date_start), "date_end": shift(self.date_end),
            "deliverable": self.deliverable,
        }

    @api.model
    def _cron_alert_overdue(self):
        """Daily: give each overdue work item's owner one activity."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        items = self.search([("is_overdue", "=", True), ("overdue_alerted", "=", False),
                             ("owner_id", "!=", False), ("plan_id.state", "in", ("approved", "execution", "check"))])
        for item in items:
            item.activity_schedule(
                activity_type_id=todo.id, user_id=item.owner_id.id, date_deadline=item.company_id._itss_today(),
                summary=self.env._("Overdue plan work item: %(item)s", item=item.name),
            )
        items.write({"overdue_alerted": True})

    def action_view_executions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Execution Records"),
            "res_model": "itss.plan.execution",
            "view_mode": "list,form",
            "domain": [("work_item_id", "=", self.id)],
            "context": {"default_work_item_id": self.id},
        }
