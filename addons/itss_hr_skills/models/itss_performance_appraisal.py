# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

from .itss_appraisal_template import PERIOD_TYPES

GRADE_LETTERS = [("A", "A (excellent)"), ("B", "B (good)"), ("C", "C (acceptable)"), ("D", "D (insufficient)")]
# Overall rating → letter: ≥ 90 → A, ≥ 75 → B, ≥ 60 → C, otherwise D.
LETTER_THRESHOLDS = [(90.0, "A"), (75.0, "B"), (60.0, "C")]
# What an employee without HR rights may change on their own appraisal (the lines check that only
# their own comment changes).
EMPLOYEE_FIELDS = {"employee_comment", "line_ids"}
# What a submitted appraisal no longer takes (its scores are fixed until HR resets it to draft;
# the lines refuse score changes themselves, comments stay open).
SUBMITTED_LOCKED_FIELDS = frozenset({
    "employee_id", "department_id", "manager_id", "template_id", "period_type", "period_start", "company_id",
})
HR_GROUPS = ("hr.group_hr_user",)


def grade_letter(rating):
    """The grade letter (A/B/C/D) of an overall rating (0–100)."""
    for threshold, letter in LETTER_THRESHOLDS:
        if rating >= threshold:
            return letter
    return "D"


def period_bounds(period_type, day):
    """First and last day of the month or year of ``period_type`` containing ``day``."""
    start = day.replace(day=1) if period_type == "month" else day.replace(month=1, day=1)
    return start, start + relativedelta(months=1 if period_type == "month" else 12, days=-1)


class ItssPerformanceAppraisal(models.Model):
    """A monthly or yearly performance appraisal (月度/年度考核) of an employee.

    Overall rating = Σ(score × weight) / 100 with weights summing to 100 %. Grade letters:
    ≥ 90 → A, ≥ 75 → B, ≥ 60 → C, otherwise D. Workflow: draft → submitted → acknowledged by the
    employee → closed.
    """

    _name = "itss.performance.appraisal"
    _description = "Performance Appraisal"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "period_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, tracking=True,
                                  check_company=True)
    department_id = fields.Many2one("hr.department", compute="_compute_from_employee",
                                    store=True, readonly=False, index=True)
    manager_id = fields.Many2one("res.users", compute="_compute_from_employee", store=True,
                                 readonly=False, tracking=True, help="The user of the employee's manager.")
    template_id = fields.Many2one("itss.appraisal.template",
                                  domain="[('period_type', '=', period_type)]")
    period_type = fields.Selection(PERIOD_TYPES, required=True, default="month", tracking=True)
    period_start = fields.Date(required=True, index=True, tracking=True,
                               default=lambda self: self.env.company._itss_today().replace(day=1),
                               help="First day of the appraised month or year.")
    period_end = fields.Date(compute="_compute_period_end", store=True)
    line_ids = fields.One2many("itss.performance.appraisal.line", "appraisal_id", string="Criteria", copy=True)
    overall_rating = fields.Float(compute="_compute_rating", store=True, aggregator="avg",
                                  help="Σ(score × weight) / 100, weights summing to 100 %.")
    grade_letter = fields.Selection(
        GRADE_LETTERS, compute="_compute_rating", store=True,
        help="≥ 90 → A, ≥ 75 → B, ≥ 60 → C, otherwise D.",
    )
    sanction_points = fields.Float(
        string="Rewards and Penalties", readonly=True, copy=False,
        help="Points of the approved rewards (+) and penalties (−) of the period, added to the rating.")
    manager_comment = fields.Text(string="Appraiser Comments")
    employee_comment = fields.Text(string="Employee Comments")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("acknowledged", "Acknowledged"), ("closed", "Closed")],
        default="draft", required=True, readonly=True, tracking=True, copy=False, index=True,
    )
    acknowledged_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    acknowledged_date = fields.Datetime(string="Acknowledged On", readonly=True, copy=False)
    is_own_appraisal = fields.Boolean(compute="_compute_is_own_appraisal")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)

    @api.depends("employee_id", "period_type", "period_start")
    def _compute_name(self):
        for appraisal in self:
            if not appraisal.period_start:
                appraisal.name = appraisal.employee_id.name or ""
                continue
            period = (appraisal.period_start.strftime("%Y-%m") if appraisal.period_type == "month"
                      else str(appraisal.period_start.year))
            appraisal.name = f"{appraisal.employee_id.name or ''} {period}"

    @api.depends("employee_id")
    def _compute_from_employee(self):
        for appraisal in self:
            employee = appraisal.employee_id.sudo()
            appraisal.department_id = employee.department_id
            appraisal.manager_id = employee.parent_id.user_id

    @api.depends("period_type", "period_start")
    def _compute_period_end(self):
        for appraisal in self:
            appraisal.period_end = (period_bounds(appraisal.period_type, appraisal.period_start)[1]
                                    if appraisal.period_start else False)

    @api.depends("line_ids.score", "line_ids.weight", "sanction_points")
    def _compute_rating(self):
        for appraisal in self:
            weights = sum(appraisal.line_ids.mapped("weight"))
            weighted = sum(line.score * line.weight for line in appraisal.line_ids)
            rating = round(weighted / weights, 2) if weights else 0.0
            if appraisal.sanction_points:
                rating = min(100.0, max(0.0, rating + appraisal.sanction_points))
            appraisal.overall_rating = rating
            appraisal.grade_letter = grade_letter(rating) if appraisal.line_ids else False

    @api.depends("employee_id")
    @api.depends_context("uid")
    def _compute_is_own_appraisal(self):
        for appraisal in self:
            appraisal.is_own_appraisal = appraisal.employee_id.sudo().user_id == self.env.user

    @api.constrains("period_type", "period_start")
    def _check_period(self):
        for appraisal in self:
            if not 2000 <= appraisal.period_start.year <= 2100:
                raise ValidationError(self.env._(
                    "Appraisal %(appraisal)s: the period must lie between the years 2000 and 2100.",
                    appraisal=appraisal.name))
            if appraisal.period_start != period_bounds(appraisal.period_type, appraisal.period_start)[0]:
                raise ValidationError(self.env._(
                    "Appraisal %(appraisal)s: a monthly period starts on the first day of the month, "
                    "a yearly period on January 1st.", appraisal=appraisal.name))

    @api.constrains("employee_id", "period_type", "period_start")
    def _check_unique_period(self):
        groups = self._read_group(
            [("employee_id", "in", self.employee_id.ids), ("period_type", "in", self.mapped("period_type")),
             ("period_start", "in", self.mapped("period_start"))],
            ["employee_id", "period_type", "period_start:day"], ["__count"])
        periods = dict(self._fields["period_type"]._description_selection(self.env))
        for employee, period_type, period_start, count in groups:
            if count > 1:
                raise ValidationError(self.env._(
                    "%(employee)s already has a %(period)s appraisal starting on %(start)s.",
                    employee=employee.name, period=periods[period_type].lower(), start=period_start))

    @api.constrains("line_ids")
    def _check_weights(self):
        self.filtered("line_ids")._check_weight_total()

    def _check_weight_total(self):
        for appraisal in self:
            total = sum(appraisal.line_ids.mapped("weight"))
            if abs(total - 100.0) > 0.01:
                raise ValidationError(self.env._(
                    "The weights of appraisal %(appraisal)s sum to %(total)s %%: they must sum to 100 %%.",
                    appraisal=appraisal.name, total=round(total, 2)))

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if self.template_id and self.state == "draft":
            self.line_ids = self.template_id._appraisal_line_commands()

    @api.model_create_multi
    def create(self, vals_list):
        Template = self.env["itss.appraisal.template"]
        for vals in vals_list:
            if vals.get("template_id") and "line_ids" not in vals:
                vals["line_ids"] = Template.browse(vals["template_id"])._appraisal_line_commands()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and not self.env.user.has_group("hr.group_hr_user"):
            if set(vals) - EMPLOYEE_FIELDS:
                raise AccessError(self.env._("On your appraisal you can only write your own comments."))
            if any(appraisal.state != "submitted" for appraisal in self):
                raise UserError(self.env._(
                    "You can comment on your appraisal only while it awaits your acknowledgement."))
        return super().write(vals)

    def _itss_locked_fnames(self):
        if self.state in ("acknowledged", "closed"):
            return ALL_FIELDS
        if self.state == "submitted":
            return SUBMITTED_LOCKED_FIELDS
        return frozenset()

    def _itss_locked_message(self, field_label):
        if self.state == "submitted":
            return self.env._(
                "Appraisal %(appraisal)s is submitted: “%(field)s” can no longer be changed; HR resets it "
                "to draft to correct it.", appraisal=self.display_name, field=field_label)
        return self.env._(
            "Appraisal %(appraisal)s is acknowledged: it is a record and can no longer be changed.",
            appraisal=self.display_name)

    def action_fill_onsite(self):
        """Score the client-feedback criteria and count the approved rewards and penalties of the period."""
        appraisals = self._check_hr()
        appraisals._check_state(("draft",), self.env._("filled from on-site records"))
        appraisals._itss_refresh_onsite()
        return True

    def _itss_refresh_onsite(self):
        """Draft appraisals take the period's client feedback (1–5 → 20–100) and approved rewards/penalties."""
        Feedback = self.env["itss.onsite.feedback"].sudo()
        Sanction = self.env["itss.onsite.sanction"].sudo()
        for appraisal in self.sudo().filtered(lambda a: a.state == "draft"):
            averages = Feedback._itss_average_scores(appraisal.employee_id, appraisal.period_start,
                                                      appraisal.period_end)
            average = averages.get(appraisal.employee_id)
            lines = appraisal.line_ids.filtered(lambda line: line.itss_source == "client_feedback")
            if average and lines:
                lines.write({"score": round(average * 20, 2)})
            points = sum(Sanction.search([
                ("employee_id", "=", appraisal.employee_id.id), ("state", "=", "approved"),
                ("date", ">=", appraisal.period_start), ("date", "<=", appraisal.period_end),
            ]).mapped("signed_points"))
            appraisal.sanction_points = points

    def _check_hr(self):
        """The appraisal workflow is HR's: returns the appraisals as superuser after the checks."""
        return self._itss_action(HR_GROUPS, message=self.env._(
            "Only HR officers and managers run the appraisal workflow."))

    def _check_state(self, states, action):
        for appraisal in self:
            if appraisal.state not in states:
                raise UserError(self.env._(
                    "Appraisal %(appraisal)s cannot be %(action)s in its current state.",
                    appraisal=appraisal.name, action=action))

    def action_submit(self):
        """Submit the scored appraisal to the employee, who is asked to acknowledge it."""
        appraisals = self._check_hr()
        appraisals._check_state(("draft",), self.env._("submitted"))
        for appraisal in appraisals:
            if not appraisal.line_ids:
                raise UserError(self.env._(
                    "Appraisal %(appraisal)s has no criteria to score.", appraisal=appraisal.name))
            appraisal._check_weight_total()
        appraisals.write({"state": "submitted"})
        for appraisal in appraisals:
            user = appraisal.employee_id.sudo().user_id
            if user:
                appraisal.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=user.id,
                    summary=self.env._("Read and acknowledge your appraisal %(appraisal)s", appraisal=appraisal.name))
        return True

    def action_acknowledge(self):
        """Button of the appraised employee: confirms they read the appraisal (who and when are recorded)."""
        appraisals = self._itss_action(access="read")
        appraisals._check_state(("submitted",), self.env._("acknowledged"))
        for appraisal in appraisals:
            if appraisal.employee_id.user_id != self.env.user:
                raise AccessError(self.env._(
                    "Only %(employee)s can acknowledge appraisal %(appraisal)s.",
                    employee=appraisal.employee_id.name, appraisal=appraisal.name))
        appraisals.write({"state": "acknowledged", "acknowledged_by_id": self.env.uid,
                          "acknowledged_date": fields.Datetime.now()})
        appraisals.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_close(self):
        """HR closes an acknowledged appraisal."""
        appraisals = self._check_hr()
        appraisals._check_state(("acknowledged",), self.env._("closed"))
        appraisals.write({"state": "closed"})
        return True

    def action_reset_draft(self):
        """HR takes a submitted appraisal back to draft to correct its scores."""
        appraisals = self._check_hr()
        appraisals._check_state(("submitted",), self.env._("reset to draft"))
        appraisals.write({"state": "draft"})
        appraisals.activity_unlink(["mail.mail_activity_data_todo"])
        return True
