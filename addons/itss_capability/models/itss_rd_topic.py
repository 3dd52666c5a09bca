# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

TOPIC_STATES = [
    ("proposed", "Proposed"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
]


class ItssRdTopic(models.Model):
    """A yearly R&D topic (技术研发课题): market analysis, management decision, plan work item, outcome."""

    _name = "itss.rd.topic"
    _description = "R&D Topic"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Topic", required=True, tracking=True)
    proposer_id = fields.Many2one("res.users", default=lambda self: self.env.user, tracking=True)
    year = fields.Integer(required=True, tracking=True, default=lambda self: fields.Date.context_today(self).year)
    market_analysis = fields.Html()
    expected_outcome = fields.Text()
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    budget = fields.Monetary(currency_field="currency_id", tracking=True)
    state = fields.Selection(TOPIC_STATES, default="proposed", required=True, readonly=True, tracking=True,
                             copy=False)
    decision_date = fields.Date(readonly=True, copy=False, tracking=True)
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    department_id = fields.Many2one("hr.department", string="Assigned Department", tracking=True, check_company=True)
    owner_id = fields.Many2one("res.users", tracking=True)
    work_item_id = fields.Many2one("itss.plan.work.item", string="Plan Work Item", readonly=True, copy=False,
                                   check_company=True, ondelete="set null")
    outcome = fields.Html()

    @api.constrains("year")
    def _check_year(self):
        for topic in self:
            if not 2000 <= topic.year <= 2100:
                raise ValidationError(self.env._("The year %(year)s of topic %(topic)s is not a valid year.",
                                           year=topic.year, topic=topic.name))

    def _decide(self, state):
        topics = self._itss_action(
            ["itss_capability.group_itss_executive"], access="read",
            message=self.env._("Only the executive group decides on R&D topics."))
        for topic in topics:
            if topic.state != "proposed":
                raise UserError(self.env._("Only a proposed topic can be decided: %(topic)s.", topic=topic.name))
        topics.write({
            "state": state,
            "decision_date": self[:1].company_id._itss_today(),
            "decided_by_id": self.env.user.id,
        })
        return True

    def action_approve(self):
        """Executives approve the topic: it can then enter the annual capability plan."""
        return self._decide("approved")

    def action_reject(self):
        return self._decide("rejected")

    def action_create_work_item(self):
        """Create the technology work item of the topic in the capability plan of its year."""
        self.ensure_one()
        if self.state not in ("approved", "in_progress"):
            raise UserError(self.env._(
                "Topic %(topic)s is not approved: it cannot enter the capability plan.", topic=self.name))
        if self.work_item_id:
            raise UserError(self.env._(
                "Topic %(topic)s is already in the plan: %(item)s.", topic=self.name, item=self.work_item_id.name))
        plan = self.env["itss.capability.plan"].search(
            [("year", "=", self.year), ("company_id", "=", self.company_id.id)], limit=1)
        if not plan:
            raise UserError(self.env._(
                "There is no capability plan for %(year)s: create it before adding topic %(topic)s.",
                year=self.year, topic=self.name))
        self._itss_action().work_item_id = self.env["itss.plan.work.item"].create({
            "plan_id": plan.id,
            "name": self.name,
            "element_id": self.env.ref("itss_capability.itss_element_technology").id,
            "department_id": self.department_id.id,
            "owner_id": self.owner_id.id,
            "deliverable": (self.expected_outcome or "")[:200] or False,
            "description": self.market_analysis,
        })
        return {
            "type": "ir.actions.act_window",
            "res_model": "itss.plan.work.item",
            "res_id": self.work_item_id.id,
            "view_mode": "form",
        }

    def action_start(self):
        for topic in self:
            if topic.state != "approved":
                raise UserError(self.env._("Only an approved topic can start: %(topic)s.", topic=topic.name))
        self._itss_action().write({"state": "in_progress"})
        return True

    def action_done(self):
        for topic in self:
            if topic.state != "in_progress":
                raise UserError(self.env._("Only a topic in progress can be closed: %(topic)s.", topic=topic.name))
            if not topic.outcome or not topic.outcome.striptags().strip():
                raise UserError(self.env._("Describe the outcome of topic %(topic)s first.", topic=topic.name))
        self._itss_action().write({"state": "done"})
        return True
