# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .itss_guard_mixin import ALL_FIELDS

PLAN_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("execution", "In Execution"),
    ("check", "Under Check"),
    ("improvement", "Improvement"),
    ("closed", "Closed"),
]
# Fields of the plan's approved content: changing them after approval needs a new revision.
LOCKED_FIELDS = {
    "name", "year", "document_number", "confidentiality", "controlled_status", "author_id",
    "reviewer_id", "current_state", "customer_needs", "competitors", "objective_ids", "work_item_ids",
}


class ItssCapabilityPlan(models.Model):
    """The Annual O&M Service Capability Management Plan (年度运维服务能力管理计划) and its PDCA year."""

    _name = "itss.capability.plan"
    _description = "Annual O&M Service Capability Management Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        required=True, tracking=True,
        default=lambda self: self.env._("Annual O&M Service Capability Management Plan"),
    )
    year = fields.Integer(required=True, tracking=True, default=lambda self: fields.Date.context_today(self).year)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    active = fields.Boolean(default=True)
    state = fields.Selection(PLAN_STATES, default="draft", required=True, readonly=True, tracking=True, copy=False)
    is_locked = fields.Boolean(
        string="Locked", copy=False, readonly=True,
        help="Approved content is locked; a new revision unlocks it until the next approval.",
    )
    # controlled-document header
    document_number = fields.Char(default="ITSS-06-02", tracking=True)
    version = fields.Char(default="1.0", readonly=True, copy=False, tracking=True)
    confidentiality = fields.Selection(
        [("public", "Public"), ("internal", "Internal"), ("confidential", "Confidential"), ("secret", "Secret")],
        default="internal", required=True,
    )
    controlled_status = fields.Selection(
        [("controlled", "Controlled"), ("uncontrolled", "Uncontrolled")], default="controlled", required=True
    )
    author_id = fields.Many2one("res.users", default=lambda self: self.env.user, tracking=True)
    reviewer_id = fields.Many2one("res.users", tracking=True)
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False, tracking=True)
    approval_date = fields.Date(readonly=True, copy=False)
    publication_date = fields.Date(readonly=True, tracking=True, copy=False)
    revision_ids = fields.One2many("itss.capability.plan.revision", "plan_id", string="Revision History")
    # 1 business analysis
    current_state = fields.Html()
    customer_needs = fields.Html()
    competitors = fields.Html()
    objective_ids = fields.One2many("itss.plan.objective", "plan_id", string="Business Objectives")
    work_item_ids = fields.One2many("itss.plan.work.item", "plan_id", string="Four-element Work Items")
    qa_check_ids = fields.One2many("itss.qa.check", "plan_id", string="QA Checks")
    improvement_ids = fields.One2many("itss.improvement", "plan_id", string="Improvement Measures")
    investigation_ids = fields.One2many("itss.indicator.investigation", "plan_id", string="Indicator Investigations")
    annual_review_ids = fields.One2many("itss.annual.review", "plan_id", string="Annual Review Meetings")
    previous_plan_id = fields.Many2one("itss.capability.plan", copy=False, readonly=True)
    next_plan_id = fields.Many2one("itss.capability.plan", copy=False, readonly=True)
    # figures (grouped reads)
    work_item_count = fields.Integer(compute="_compute_figures")
    work_item_done_count = fields.Integer(compute="_compute_figures")
    work_item_overdue_count = fields.Integer(compute="_compute_figures")
    progress = fields.Float(compute="_compute_figures", help="Average progress of the work items (%).")
    objective_missed_count = fields.Integer(compute="_compute_figures")
    improvement_open_count = fields.Integer(compute="_compute_figures")
    dashboard_html = fields.Html(
        string="Dashboard", compute="_compute_dashboard_html", sanitize=False,
        help="Progress per element and department, overdue items, objectives and open improvements.",
    )

    _year_company_active_unique = models.UniqueIndex(
        "(company_id, year) WHERE active",
        "A company has one active capability plan per year.",
    )

    def _compute_figures(self):
        WorkItem = self.env["itss.plan.work.item"]
        domain = [("plan_id", "in", self.ids)]
        totals = {plan: (count, avg) for plan, count, avg in WorkItem._read_group(
            domain, ["plan_id"], ["__count", "progress:avg"])}
        done = dict(WorkItem._read_group(domain + [("state", "=", "done")], ["plan_id"], ["__count"]))
        overdue = dict(WorkItem._read_group(domain + [("is_overdue", "=", True)], ["plan_id"], ["__count"]))
        missed = dict(self.env["itss.plan.objective"]._read_group(
            domain + [("status", "=", "missed")], ["plan_id"], ["__count"]))
        open_improvements = dict(self.env["itss.improvement"]._read_group(
            domain + [("state", "in", ("open", "in_progress"))], ["plan_id"], ["__count"]))
        for plan in self:
            count, avg = totals.get(plan, (0, 0.0))
            plan.work_item_count = count
            plan.progress = avg or 0.0
            plan.work_item_done_count = done.get(plan, 0)
            plan.work_item_overdue_count = overdue.get(plan, 0)
            plan.objective_missed_count = missed.get(plan, 0)
            plan.improvement_open_count = open_improvements.get(plan, 0)

    def _compute_dashboard_html(self):
        for plan in self:
            if not plan.id:
                plan.dashboard_html = False
                continue
            plan.dashboard_html = self.env["ir.qweb"]._render(
                "itss_capability.plan_execution_figures", {"data": plan._get_execution_report_data()}
            )

    @api.depends("name", "year", "version")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = f"{plan.year} {plan.name} V{plan.version}"

    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(self.env._("The plan year %(year)s is not a valid year.", year=plan.year))

    def _check_unique_active_year(self, vals_list):
        for vals in vals_list:
            company = vals.get("company_id") or self.env.company.id
            if vals.get("active", True) and vals.get("year") and self.sudo().search_count([
                ("company_id", "=", company), ("year", "=", vals["year"]), ("id", "not in", self.ids),
            ], limit=1):
                raise ValidationError(self.env._(
                    "The company already has an active capability plan for %(year)s: archive it "
                    "or revise it instead of creating a second one.", year=vals["year"]))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_unique_active_year(vals_list)
        plans = super().create(vals_list)
        self.env["itss.capability.plan.revision"].create([
            {"plan_id": plan.id, "version": plan.version, "change": self.env._("First issue"),
             "user_id": self.env.user.id}
            for plan in plans if not plan.revision_ids
        ])
        return plans

    def write(self, vals):
        if "year" in vals or vals.get("active"):
            for plan in self:
                plan._check_unique_active_year([{
                    "year": vals.get("year", plan.year), "company_id": plan.company_id.id,
                    "active": vals.get("active", plan.active),
                }])
        return super().write(vals)

    def _itss_locked_fnames(self):
        if self.state == "closed":
            return ALL_FIELDS
        return frozenset(LOCKED_FIELDS) if self.is_locked else frozenset()

    def _itss_locked_message(self, field_label):
        if self.is_locked and self.state != "closed":
            return self.env._(
                "Plan %(plan)s is approved and locked: create a new revision before changing it.",
                plan=self.display_name)
        return super()._itss_locked_message(field_label)

    def _check_unlocked(self):
        """Refuse a change of the plan's content (its objectives and work items) while it is locked."""
        for plan in self:
            if plan.is_locked or plan.state == "closed":
                raise UserError(plan._itss_locked_message(""))

    # workflow -------------------------------------------------------------------------------
    def _set_state(self, allowed, new_state, vals=None):
        for plan in self:
            if plan.state not in allowed:
                raise UserError(self.env._(
                    "Plan %(plan)s cannot go from “%(from)s” to “%(to)s”.", plan=plan.display_name,
                    **{"from": dict(PLAN_STATES)[plan.state], "to": dict(PLAN_STATES)[new_state]}))
        self.write(dict(vals or {}, state=new_state))
        return True

    def _itss_plan_action(self):
        """The O&M manager's steps of the plan (submit, publish, check, improve, close)."""
        return self._itss_action(
            ["itss_capability.group_itss_manager"],
            message=self.env._("Only O&M managers move the capability plan through its steps."))

    def _itss_executive_action(self):
        return self._itss_action(
            ["itss_capability.group_itss_executive"], access="read",
            message=self.env._("Only the executive group approves the capability plan."))

    def action_submit(self):
        for plan in self:
            if not plan.objective_ids or not plan.work_item_ids:
                raise UserError(self.env._(
                    "Plan %(plan)s needs business objectives and four-element work items before it is submitted.",
                    plan=plan.display_name))
        return self._itss_plan_action()._set_state(("draft",), "submitted")

    def action_approve(self):
        return self._itss_executive_action()._set_state(("submitted",), "approved", {
            "approver_id": self.env.user.id,
            "approval_date": self[:1].company_id._itss_today(),
            "is_locked": True,
        })

    def action_reject(self):
        return self._itss_executive_action()._set_state(("submitted",), "draft")

    def action_start_execution(self):
        return self._itss_plan_action()._set_state(("approved",), "execution", {
            "publication_date": self[:1].company_id._itss_today(),
        })

    def action_start_check(self):
        return self._itss_plan_action()._set_state(("execution",), "check")

    def action_start_improvement(self):
        return self._itss_plan_action()._set_state(("check",), "improvement")

    def action_close(self):
        for plan in self:
            missing = plan.objective_ids.filtered(lambda o: o.status == "missed" and not o.investigation_ids)
            if missing:
                raise UserError(self.env._(
                    "Before closing the plan, write an indicator investigation & analysis report for "
                    "every objective not met: %(objectives)s.",
                    objectives=", ".join(missing.mapped("name"))))
        return self._itss_plan_action()._set_state(("improvement",), "closed")

    def action_new_revision(self):
        """Open the wizard that records a revision and unlocks the approved content."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Revision"),
            "res_model": "itss.capability.plan.revision",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_prepare_next_year(self):
        """Draft next year's plan: same structure, unmet objectives and open improvements carried over."""
        self.ensure_one()
        if self.next_plan_id:
            raise UserError(self.env._(
                "Next year's plan already exists: %(plan)s.", plan=self.next_plan_id.display_name))
        next_plan = self._itss_plan_action().create({
            "name": self.name,
            "year": self.year + 1,
            "company_id": self.company_id.id,
            "document_number": self.document_number,
            "confidentiality": self.confidentiality,
            "controlled_status": self.controlled_status,
            "author_id": self.env.user.id,
            "reviewer_id": self.reviewer_id.id,
            "current_state": self.current_state,
            "customer_needs": self.customer_needs,
            "competitors": self.competitors,
            "previous_plan_id": self.id,
            "objective_ids": [Command.create(objective._next_year_values())
                              for objective in self.objective_ids.filtered(lambda o: o.status != "met")],
            "work_item_ids": [Command.create(item._next_year_values()) for item in self.work_item_ids],
        })
        self.sudo().next_plan_id = next_plan
        next_plan = next_plan.with_env(self.env)
        carried = self.improvement_ids.filtered(lambda i: i.state in ("open", "in_progress"))
        carried.write({"plan_id": next_plan.id})
        next_plan.message_post(body=self.env._(
            "Drafted from %(plan)s: %(objectives)s unmet objectives and %(improvements)s open "
            "improvement measures carried over.", plan=self.display_name,
            objectives=len(next_plan.objective_ids), improvements=len(carried)))
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": next_plan.id,
            "view_mode": "form",
        }

    def _get_execution_report_data(self):
        """Figures of the plan execution result report (计划执行结果报告) and of the dashboard.

        Grouped reads only: the cost does not grow with the number of work items or records.
        """
        self.ensure_one()
        WorkItem = self.env["itss.plan.work.item"]
        today = self.company_id._itss_today()
        domain = [("plan_id", "=", self.id)]
        overdue_domain = domain + [("is_overdue", "=", True)]

        def rows(groupby):
            totals = WorkItem._read_group(domain, [groupby], ["__count", "progress:avg"])
            done = dict(WorkItem._read_group(domain + [("state", "=", "done")], [groupby], ["__count"]))
            late = dict(WorkItem._read_group(overdue_domain, [groupby], ["__count"]))
            return [{
                "record": record,
                "name": record.display_name if record else self.env._("Unassigned"),
                "count": count,
                "done": done.get(record, 0),
                "overdue": late.get(record, 0),
                "progress": round(progress or 0.0, 1),
            } for record, count, progress in totals]

        executions = dict(self.env["itss.plan.execution"]._read_group(
            [("plan_id", "=", self.id)], ["element_id"], ["__count"]))
        by_element = rows("element_id")
        for row in by_element:
            row["executions"] = executions.get(row["record"], 0)
        objectives = self.objective_ids
        return {
            "by_element": by_element,
            "by_department": rows("department_id"),
            "overdue_items": WorkItem.search(overdue_domain, order="date_end, id", limit=50),
            "overdue_count": WorkItem.search_count(overdue_domain),
            "objectives": objectives,
            "objectives_met": len(objectives.filtered(lambda o: o.status == "met")),
            "objectives_missed": len(objectives.filtered(lambda o: o.status == "missed")),
            "open_improvements": self.improvement_ids.filtered(lambda i: i.state in ("open", "in_progress")),
            "today": today,
        }

    def action_view_work_items(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("itss_capability.itss_plan_work_item_action")
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action
