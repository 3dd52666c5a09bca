# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class ItssCustomerVisit(models.Model):
    """A customer visit (客户拜访) by the O&M leadership: satisfaction, needs, opportunities, minutes.

    Every customer with a service project in service should be visited at least once a year.
    """

    _name = "itss.customer.visit"
    _description = "Customer Visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True,
                       default=lambda self: self.env._("Annual customer visit"))
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True, tracking=True,
                                 check_company=True)
    project_id = fields.Many2one("itss.service.project", string="Service Project", index=True, tracking=True,
                                 check_company=True, domain="[('partner_id', '=?', partner_id)]")
    date = fields.Date(required=True, index=True, tracking=True, default=fields.Date.context_today)
    year = fields.Integer(compute="_compute_year", store=True, index=True)
    visitor_ids = fields.Many2many("res.users", "itss_customer_visit_visitor_rel", "visit_id", "user_id",
                                   string="Visitors", default=lambda self: self.env.user)
    contact_ids = fields.Many2many("res.partner", "itss_customer_visit_contact_rel", "visit_id", "partner_id",
                                   string="Customer Contacts")
    satisfaction = fields.Integer(aggregator="avg", tracking=True,
                                  help="Customer satisfaction score from 1 (very dissatisfied) to 5 (very satisfied).")
    needs = fields.Text(string="Needs Found", help="Latent needs the customer expressed.")
    opportunities = fields.Text(string="Business Opportunities")
    suggestions = fields.Text(string="Improvement Suggestions",
                              help="Service-improvement suggestions; they can be turned into an improvement measure.")
    minutes = fields.Html(string="Meeting Minutes")
    state = fields.Selection([("draft", "Planned"), ("done", "Done")], default="draft", required=True, readonly=True,
                             tracking=True, copy=False)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    improvement_ids = fields.One2many("itss.improvement", "customer_visit_id", string="Improvement Measures")
    improvement_count = fields.Integer(compute="_compute_improvement_count")

    @api.depends("date")
    def _compute_year(self):
        for visit in self:
            visit.year = visit.date.year if visit.date else 0

    def _compute_improvement_count(self):
        counts = dict(self.env["itss.improvement"]._read_group(
            [("customer_visit_id", "in", self.ids)], ["customer_visit_id"], ["__count"]))
        for visit in self:
            visit.improvement_count = counts.get(visit, 0)

    @api.constrains("satisfaction", "state")
    def _check_satisfaction(self):
        for visit in self:
            if visit.satisfaction and not 1 <= visit.satisfaction <= 5:
                raise ValidationError(self.env._(
                    "The satisfaction score of visit %(visit)s must be between 1 and 5.", visit=visit.name))
            if visit.state == "done" and not visit.satisfaction:
                raise ValidationError(self.env._(
                    "Record the customer's satisfaction score (1–5) before closing visit %(visit)s.",
                    visit=visit.name))

    @api.constrains("partner_id", "project_id")
    def _check_project_customer(self):
        for visit in self:
            if visit.project_id and visit.project_id.partner_id != visit.partner_id:
                raise ValidationError(self.env._(
                    "Visit %(visit)s: the service project %(project)s belongs to another customer.",
                    visit=visit.name, project=visit.project_id.name))

    @api.onchange("project_id")
    def _onchange_project_id(self):
        if self.project_id:
            self.partner_id = self.project_id.partner_id

    def action_done(self):
        for visit in self:
            if visit.state != "draft":
                raise UserError(self.env._("Visit %(visit)s is already done.", visit=visit.name))
        self._itss_action().write({"state": "done"})
        return True

    def action_draft(self):
        self._itss_action().write({"state": "draft"})
        return True

    def action_create_improvement(self):
        """Button: turn the suggestions of a done visit into an improvement measure (改进措施)."""
        self.ensure_one()
        if self.state != "done":
            raise UserError(self.env._(
                "Only a done visit can raise an improvement measure: %(visit)s.", visit=self.name))
        if not (self.suggestions or "").strip():
            raise UserError(self.env._(
                "Visit %(visit)s has no improvement suggestions to turn into a measure.", visit=self.name))
        if self.improvement_ids:
            raise UserError(self.env._(
                "The suggestions of visit %(visit)s are already an improvement measure.", visit=self.name))
        return self.env["itss.improvement"]._raise_and_open(self.date, {
            "name": self.env._("Customer visit suggestions: %(customer)s", customer=self.partner_id.name),
            "description": self.suggestions,
            "source": "customer_visit",
            "customer_visit_id": self.id,
            "owner_id": (self.project_id.manager_id or self.env.user).id,
            "company_id": self.company_id.id,
        })

    def action_view_improvements(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Improvement Measures"),
            "res_model": "itss.improvement",
            "view_mode": "list,form",
            "domain": [("customer_visit_id", "=", self.id)],
        }

    @api.model
    def _visited_customers(self, company, date_from, date_to, partners=None):
        """Ids of the customers (res.partner) of ``company`` with a done visit between the two dates."""
        domain = [("state", "=", "done"), ("company_id", "=", company.id),
                  ("date", ">=", date_from), ("date", "<=", date_to)]
        if partners is not None:
            domain.append(("partner_id", "in", partners.ids))
        return {partner.id for partner, in self._read_group(domain, ["partner_id"])}

    @api.model
    def _cron_remind_unvisited_customers(self):
        """Daily from November 1st: one activity per in-service project whose customer has no visit this year."""
        today = self.env.company._itss_today()
        if today.month < 11:
            return
        todo = self.env.ref("mail.mail_activity_data_todo")
        projects = self.env["itss.service.project"].search([
            ("state", "=", "active"), ("visit_reminder_year", "!=", today.year),
        ])
        year_start, year_end = date(today.year, 1, 1), date(today.year, 12, 31)
        visited = {
            (partner.id, company.id)
            for partner, company in self._read_group(
                [("state", "=", "done"), ("date", ">=", year_start), ("date", "<=", year_end),
                 ("partner_id", "in", projects.partner_id.ids)],
                ["partner_id", "company_id"])
        }
        to_remind = projects.filtered(lambda p: (p.partner_id.id, p.company_id.id) not in visited)
        for project in to_remind:
            project.activity_schedule(
                activity_type_id=todo.id,
                user_id=(project.manager_id or self.env.user).id,
                date_deadline=year_end,
                summary=self.env._("Customer not yet visited this year"),
                note=self.env._("%(customer)s has had no customer visit in %(year)s: plan one before year end.",
                                customer=project.partner_id.name, year=today.year),
            )
        to_remind.write({"visit_reminder_year": today.year})
