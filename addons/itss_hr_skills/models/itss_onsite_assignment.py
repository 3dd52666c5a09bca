# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# How many months the feedback trend of the on-site overview shows.
TREND_MONTHS = 6


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

    # The on-site overview (dashboard) of the O&M manager: one card per current assignment.
    today_state = fields.Selection(
        [("planned", "Expected"), ("present", "On Site"), ("done", "Left"), ("absent", "Absent"),
         ("off", "No Shift")], string="Today", compute="_compute_overview")
    today_hours = fields.Char(string="Today's Hours", compute="_compute_overview")
    today_replacement_id = fields.Many2one("hr.employee", string="Replaced Today by", compute="_compute_overview")
    month_attendance_rate = fields.Float(
        string="Attendance This Month (%)", compute="_compute_overview",
        help="Finished shifts of the month signed in and out, out of the finished shifts (absences count against).")
    month_late_count = fields.Integer(string="Late This Month", compute="_compute_overview")
    month_absent_count = fields.Integer(string="Absences This Month", compute="_compute_overview")
    open_safety_count = fields.Integer(
        string="Open Safety Items", compute="_compute_overview",
        help="Safety briefings and incidents of the site not closed yet.")
    overdue_plan_count = fields.Integer(
        string="Overdue Planned Work", compute="_compute_overview",
        help="Planned work of the site's approved work plans past its date (service desk module).")
    feedback_trend = fields.Html(string="Client Feedback Trend", compute="_compute_overview", sanitize=False)

    def _compute_overview(self):
        """All the cards at once: a handful of grouped reads, whatever the number of sites."""
        today = self.env.company._itss_today()
        month = today.replace(day=1)
        Shift = self.env["itss.onsite.shift"].sudo()
        today_shifts = {shift.assignment_id: shift for shift in Shift.search(
            [("assignment_id", "in", self.ids), ("date", "=", today)], order="planned_start")}
        month_counts = defaultdict(dict)
        for assignment, state, late, count in Shift._read_group(
                [("assignment_id", "in", self.ids), ("date", ">=", month), ("date", "<=", today),
                 ("state", "in", ("done", "absent"))], ["assignment_id", "state", "late"], ["__count"]):
            month_counts[assignment][(state, late)] = count
        open_events = dict(self.env["itss.onsite.event"].sudo()._read_group(
            [("project_id", "in", self.project_id.ids), ("state", "=", "open"),
             ("kind", "in", ("safety_briefing", "safety_incident"))], ["project_id"], ["__count"]))
        PlanItem = self.env.get("itss.work.plan.item")
        overdue = {}
        if PlanItem is not None:
            overdue = dict(PlanItem.sudo()._read_group(
                [("project_id", "in", self.project_id.ids), ("state", "=", "planned"), ("planned_date", "<", today),
                 ("plan_id.state", "=", "approved")], ["project_id"], ["__count"]))
        first_month = month - relativedelta(months=TREND_MONTHS - 1)
        scores = defaultdict(dict)
        for assignment, period, average in self.env["itss.onsite.feedback"].sudo()._read_group(
                [("assignment_id", "in", self.ids), ("period_start", ">=", first_month)],
                ["assignment_id", "period_start:month"], ["score:avg"]):
            scores[assignment][fields.Date.to_date(period)] = average
        months = [first_month + relativedelta(months=index) for index in range(TREND_MONTHS)]
        for assignment in self:
            shift = today_shifts.get(assignment._origin)
            assignment.today_state = shift.state if shift else "off"
            assignment.today_hours = shift.local_hours if shift else False
            assignment.today_replacement_id = shift.replacement_id if shift else False
            counts = month_counts[assignment._origin]
            finished = sum(counts.values())
            present = sum(count for (state, _late), count in counts.items() if state == "done")
            assignment.month_attendance_rate = round(100.0 * present / finished, 1) if finished else 0.0
            assignment.month_late_count = sum(count for (state, late), count in counts.items()
                                              if state == "done" and late)
            assignment.month_absent_count = finished - present
            assignment.open_safety_count = open_events.get(assignment.project_id, 0)
            assignment.overdue_plan_count = overdue.get(assignment.project_id, 0)
            assignment.feedback_trend = self._itss_trend_bars(months, scores[assignment._origin])

    @staticmethod
    def _itss_trend_bars(months, scores):
        """A small bar chart (1–5 scale) of the average feedback score of each month."""
        bars = Markup("").join(
            Markup('<div class="d-flex flex-column align-items-center me-1" title="%s: %s">'
                   '<div class="d-flex align-items-end" style="height: 40px;">'
                   '<div class="bg-%s" style="width: 14px; height: %spx;"></div></div>'
                   '<small class="text-muted">%s</small></div>') % (
                f"{month:%Y-%m}", f"{scores[month]:.1f}" if month in scores else "-",
                "success" if scores.get(month, 0) >= 4 else "warning" if scores.get(month, 0) >= 3 else "danger",
                round(8 * scores.get(month, 0)), f"{month:%m}")
            for month in months)
        return Markup('<div class="d-flex">%s</div>') % bars

    def action_view_feedback_trend(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("itss_hr_skills.itss_onsite_feedback_action")
        graph = self.env.ref("itss_hr_skills.itss_onsite_feedback_view_graph")
        action.update({"domain": [("assignment_id", "=", self.id)], "views": [(graph.id, "graph"), (False, "list")],
                       "context": {"default_assignment_id": self.id}})
        return action

    def action_view_safety_items(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("itss_hr_skills.itss_onsite_event_action")
        action.update({"domain": [("project_id", "=", self.project_id.id), ("state", "=", "open")],
                       "context": {"default_project_id": self.project_id.id}})
        return action

    def action_view_overdue_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("itss_service_desk.itss_work_plan_item_action_overdue")
        action["domain"] = [("project_id", "=", self.project_id.id)]
        return action

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
