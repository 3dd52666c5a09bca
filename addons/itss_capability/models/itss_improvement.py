# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

SOURCES = [
    ("qa_check", "QA check"),
    ("internal_audit", "Internal audit"),
    ("management_review", "Management review"),
    ("customer_visit", "Customer visit"),
    ("kpi_breach", "KPI breach"),
    ("annual_review", "Annual review meeting"),
    ("readiness", "Readiness gap"),
    ("manual", "Manual"),
]


class ItssImprovement(models.Model):
    """An improvement measure (改进措施) with its source, owner, due date and effectiveness check."""

    _name = "itss.improvement"
    _description = "Improvement Measure"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "due_date, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    description = fields.Text()
    plan_id = fields.Many2one("itss.capability.plan", index=True, check_company=True, tracking=True,
                              help="The plan whose year the measure is tracked in; carried to next year while open.")
    origin_plan_id = fields.Many2one("itss.capability.plan", string="Raised In", compute="_compute_origin_plan_id",
                                     store=True, check_company=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    source = fields.Selection(SOURCES, required=True, default="manual", tracking=True)
    qa_check_id = fields.Many2one("itss.qa.check", string="QA Check", check_company=True)
    annual_review_id = fields.Many2one("itss.annual.review", check_company=True)
    kpi_value_id = fields.Many2one("itss.kpi.value", string="KPI Value", check_company=True)
    customer_visit_id = fields.Many2one("itss.customer.visit", index="btree_not_null",
                                        check_company=True, ondelete="set null")
    element_id = fields.Many2one("itss.element")
    owner_id = fields.Many2one("res.users", tracking=True, default=lambda self: self.env.user)
    department_id = fields.Many2one("hr.department", check_company=True)
    due_date = fields.Date(tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("in_progress", "In Progress"), ("done", "Implemented"),
         ("verified", "Verified"), ("cancelled", "Cancelled")],
        default="open", required=True, readonly=True, tracking=True,
    )
    action_taken = fields.Text()
    verification = fields.Text(string="Effectiveness Verification")
    is_effective = fields.Boolean(tracking=True)
    verified_by_id = fields.Many2one("res.users", readonly=True)
    verified_date = fields.Date(readonly=True)

    @api.depends("plan_id")
    def _compute_origin_plan_id(self):
        """The plan the measure was raised in; it stays when the measure moves to next year's plan."""
        for improvement in self:
            if not improvement.origin_plan_id:
                improvement.origin_plan_id = improvement.plan_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("plan_id") and not vals.get("company_id"):
                vals["company_id"] = self.env["itss.capability.plan"].browse(vals["plan_id"]).company_id.id
        improvements = super().create(vals_list)
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        for improvement in improvements.filtered(lambda i: i.owner_id and todo):
            improvement.activity_schedule(
                activity_type_id=todo.id, user_id=improvement.owner_id.id,
                date_deadline=improvement.due_date or improvement.company_id._itss_today(),
                summary=self.env._("Improvement measure: %(name)s", name=improvement.name),
            )
        return improvements

    @api.model
    def _raise_and_open(self, day, vals):
        """Create an improvement measure tracked in the company's plan of ``day``'s year, and open it."""
        company_id = vals.get("company_id") or self.env.company.id
        plan = self.env["itss.capability.plan"].search(
            [("year", "=", day.year), ("company_id", "=", company_id)], limit=1)
        improvement = self.create(dict(vals, plan_id=plan.id, company_id=company_id))
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": improvement.id,
            "view_mode": "form",
        }

    def _itss_set_state(self, allowed, state):
        improvements = self._itss_action()
        for improvement in improvements:
            if improvement.state not in allowed:
                raise UserError(self.env._(
                    "Improvement measure %(name)s cannot go from “%(from)s” to “%(to)s”.", name=improvement.name,
                    **{"from": dict(self._fields["state"]._description_selection(self.env))[improvement.state],
                       "to": dict(self._fields["state"]._description_selection(self.env))[state]}))
        improvements.write({"state": state})
        return True

    def action_start(self):
        return self._itss_set_state(("open",), "in_progress")

    def action_done(self):
        for improvement in self:
            if not improvement.action_taken:
                raise UserError(self.env._("Describe the action taken on %(name)s first.", name=improvement.name))
        return self._itss_set_state(("open", "in_progress"), "done")

    def action_verify(self):
        """QA auditors or O&M managers verify the effectiveness of an implemented measure."""
        improvements = self._itss_action(
            ["itss_capability.group_itss_qa", "itss_capability.group_itss_manager"], access="read",
            message=self.env._("Only QA auditors or O&M managers verify the effectiveness of a measure."))
        for improvement in improvements:
            if improvement.state != "done":
                raise UserError(self.env._("Only an implemented measure can be verified: %(name)s.",
                                           name=improvement.name))
            if not improvement.verification:
                raise UserError(self.env._("Write the effectiveness verification of %(name)s first.",
                                           name=improvement.name))
        improvements.write({
            "state": "verified", "verified_by_id": self.env.user.id,
            "verified_date": self[:1].company_id._itss_today(),
        })
        improvements.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_cancel(self):
        return self._itss_set_state(("open", "in_progress", "done"), "cancelled")
