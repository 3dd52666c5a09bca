# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssOnsiteAssignment(models.Model):
    """An engineer stationed at a customer (驻场) for a service project over a period."""

    _name = "itss.onsite.assignment"
    _description = "On-site Assignment"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one("hr.employee", string="Engineer", required=True, index=True,
                                  tracking=True, check_company=True)
    project_id = fields.Many2one("itss.service.project", string="Service Project", required=True,
                                 index=True, tracking=True, check_company=True)
    partner_id = fields.Many2one(related="project_id.partner_id", string="Customer", store=True, index=True)
    company_id = fields.Many2one("res.company", required=True, index=True,
                                 default=lambda self: self.env.company)
    contact_id = fields.Many2one(
        "res.partner", string="Customer Contact", tracking=True,
        domain="[('commercial_partner_id', '=', partner_id)]",
        help="The customer's contact for the stationed engineer (甲方联系人): told of absences and "
        "replacements. Empty: the customer itself.")
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", tracking=True, help="Empty while the engineer is still on site.")
    role = fields.Char(tracking=True, help="Role at the customer, e.g. on-site network engineer, team lead.")
    note = fields.Html()
    is_current = fields.Boolean(string="Current", compute="_compute_is_current", search="_search_is_current")
    shift_ids = fields.One2many("itss.onsite.shift", "assignment_id", string="Duty Shifts")
    feedback_ids = fields.One2many("itss.onsite.feedback", "assignment_id", string="Client Feedback")

    @api.depends("date_from", "date_to")
    def _compute_display_name(self):
        for assignment in self:
            assignment.display_name = f"{assignment.employee_id.name or ''} @ {assignment.partner_id.name or ''}"

    def _compute_is_current(self):
        for assignment in self:
            today = assignment.company_id._itss_today()
            assignment.is_current = assignment.date_from <= today and (
                not assignment.date_to or assignment.date_to >= today)

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        today = self.env.company._itss_today()
        domain = ["&", ("date_from", "<=", today), "|", ("date_to", "=", False), ("date_to", ">=", today)]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.constrains("date_from", "date_to", "employee_id")
    def _check_dates_and_overlap(self):
        for assignment in self:
            if not 2000 <= assignment.date_from.year <= 2100 or (
                    assignment.date_to and not 2000 <= assignment.date_to.year <= 2100):
                raise ValidationError(self.env._(
                    "The on-site assignment of %(engineer)s must lie between the years 2000 and 2100.",
                    engineer=assignment.employee_id.name))
            if assignment.date_to and assignment.date_to < assignment.date_from:
                raise ValidationError(self.env._(
                    "The on-site assignment of %(engineer)s ends before it starts.",
                    engineer=assignment.employee_id.name))
        # one search for the whole batch, then compare in memory
        others = self.search([("employee_id", "in", self.employee_id.ids)])
        for assignment in self:
            for other in others:
                if other == assignment or other.employee_id != assignment.employee_id:
                    continue
                if (not other.date_to or other.date_to >= assignment.date_from) and (
                        not assignment.date_to or assignment.date_to >= other.date_from):
                    raise ValidationError(self.env._(
                        "%(engineer)s is already on site at %(customer)s from %(date_from)s to %(date_to)s: "
                        "on-site assignments of one engineer cannot overlap.",
                        engineer=assignment.employee_id.name, customer=other.partner_id.name,
                        date_from=other.date_from, date_to=other.date_to or self.env._("open end")))

    def action_plan_shifts(self):
        """Plan this month's and next month's duty shifts from the project's service hours."""
        assignments = self._itss_action(["itss_capability.group_itss_manager"],
                                        message=self.env._("Only O&M managers plan duty rosters."))
        today = self.env.company._itss_today()
        first = today.replace(day=1)
        self.env["itss.onsite.shift"]._itss_plan_shifts(assignments, first, first + relativedelta(months=2, days=-1))
        return True

    def action_view_shifts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("itss_hr_skills.itss_onsite_shift_action")
        action["domain"] = [("assignment_id", "=", self.id)]
        action["context"] = {"default_assignment_id": self.id}
        return action
