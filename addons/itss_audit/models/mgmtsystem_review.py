# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

QA = "itss_capability.group_itss_qa"
EXECUTIVE = "itss_capability.group_itss_executive"


class MgmtsystemReview(models.Model):
    """The management review (管评): inputs assembled from the suite's live records, decisions to improvements."""

    _name = "mgmtsystem.review"
    _inherit = ["mgmtsystem.review", "itss.guard.mixin"]
    _itss_guard_readonly = False

    state = fields.Selection(itss_protected=True)
    itss_date_from = fields.Date(string="Review Period From")
    itss_date_to = fields.Date(string="Review Period To")
    itss_chair_id = fields.Many2one("res.users", string="Chaired By", tracking=True,
                                    domain=lambda self: [("group_ids", "in", self.env.ref(EXECUTIVE).ids)])
    itss_inputs = fields.Html(string="Review Inputs", readonly=True, copy=False, sanitize=False,
                              help="Assembled from the suite's records of the period; frozen when collected.")
    itss_inputs_date = fields.Datetime(string="Inputs Collected On", readonly=True, itss_protected=True, copy=False)
    itss_decision_ids = fields.One2many("itss.review.decision", "review_id", string="Decisions")
    itss_improvement_ids = fields.One2many("itss.improvement", "review_id", string="Improvement Measures")
    itss_year = fields.Integer(
        string="Reviewed Year", compute="_compute_itss_year", store=True, index=True, itss_protected=True,
        help="The year the review period ends in, else the year of the review date (company's time zone).")

    @api.depends("itss_date_to", "date", "company_id")
    def _compute_itss_year(self):
        for review in self:
            day = review.itss_date_to or review.company_id._itss_local_date(review.date)
            review.itss_year = day.year if day else 0

    def _itss_locked_fnames(self):
        if self.state == "done":
            return ALL_FIELDS
        return frozenset({"itss_inputs"})

    def action_itss_collect_inputs(self):
        """QA assembles the inputs of the period from KPIs, plan, audits, visits, SLA assessments, improvements."""
        reviews = self._itss_action([QA], message=self.env._("Only QA auditors prepare the management review."))
        for review in reviews:
            if review.state == "done":
                raise UserError(self.env._("Review %(review)s is closed.", review=review.name))
            if not (review.itss_date_from and review.itss_date_to) or review.itss_date_from > review.itss_date_to:
                raise UserError(self.env._("Give the review period (from, to) of %(review)s first.",
                                           review=review.name))
            review.write({"itss_inputs": review._itss_build_inputs(), "itss_inputs_date": fields.Datetime.now()})
        return True

    def _itss_build_inputs(self):
        self.ensure_one()
        company, d1, d2 = self.company_id, self.itss_date_from, self.itss_date_to
        start, end = company._itss_utc_bounds(d1, d2)
        env = self.env
        rows = []

        def row(label, value):
            rows.append(Markup("<tr><th>%s</th><td>%s</td></tr>") % (label, value))

        values = env["itss.kpi.value"]._read_group(
            [("company_id", "=", company.id), ("date_from", ">=", d1), ("date_from", "<=", d2)],
            ["status"], ["__count"])
        counts = {status: count for status, count in values}
        row(env._("KPI values: target met / missed / no target"),
            f"{counts.get('met', 0)} / {counts.get('missed', 0)} / {counts.get('na', 0)}")
        out = env["itss.kpi.value"].search_count([
            ("company_id", "=", company.id), ("date_from", ">=", d1), ("date_from", "<=", d2),
            ("out_of_control", "=", True)])
        row(env._("KPI values outside the baseline control limits"), out)
        plans = env["itss.capability.plan"].search([
            ("company_id", "=", company.id), ("year", ">=", d1.year), ("year", "<=", d2.year)])
        for plan in plans:
            row(env._("Plan %(plan)s: state, progress", plan=plan.display_name),
                f"{dict(plan._fields['state']._description_selection(env))[plan.state]}, {plan.progress:.0f}%")
        audits = env["mgmtsystem.audit"].search([
            ("company_id", "=", company.id), ("state", "=", "done"),
            ("closing_date", ">=", start), ("closing_date", "<", end)])
        row(env._("Internal audits completed"), ", ".join(audits.mapped("display_name")) or "0")
        open_ncs = env["mgmtsystem.nonconformity"].search_count([
            ("company_id", "=", company.id), ("state", "not in", ("done", "cancel"))])
        row(env._("Nonconformities still open"), open_ncs)
        visits = env["itss.customer.visit"]._read_group(
            [("company_id", "=", company.id), ("state", "=", "done"), ("date", ">=", d1), ("date", "<=", d2)],
            [], ["__count", "satisfaction:avg"])
        count, satisfaction = visits[0]
        row(env._("Customer visits done, average satisfaction (1-5)"), f"{count}, {satisfaction or 0:.1f}")
        if "itss.sla.assessment" in env:
            assessments = env["itss.sla.assessment"]._read_group(
                [("company_id", "=", company.id), ("date_from", ">=", d1), ("date_from", "<=", d2)],
                ["met"], ["__count"])
            met = {flag: count for flag, count in assessments}
            row(env._("SLA self-assessments: met / missed"), f"{met.get(True, 0)} / {met.get(False, 0)}")
        improvements = env["itss.improvement"]._read_group(
            [("company_id", "=", company.id)], ["state"], ["__count"])
        labels = dict(env["itss.improvement"]._fields["state"]._description_selection(env))
        row(env._("Improvement measures by state"),
            ", ".join(f"{labels[state]} {count}" for state, count in improvements) or "0")
        rows.append(Markup("<tr><th colspan='2'>%s</th></tr>") % env._("Changes in resources"))
        for label, value in self._itss_resource_changes(d1, d2):
            row(label, value)
        title = escape(env._("Inputs of %(from)s to %(to)s", **{"from": d1, "to": d2}))
        return Markup("<h3>%s</h3><table class='table table-sm'>%s</table>") % (title, Markup("").join(rows))

    def _itss_resource_changes(self, d1, d2):
        """Changes in resources (资源变化) of the period as (label, value) rows, from the modules installed.

        People and posts come from hr (always there); certifications from hr_skills, post headcount from
        itss_hr_skills and spare-part moves from stock only when those are installed (no hard dependency).
        """
        self.ensure_one()
        env, company = self.env, self.company_id
        rows = []
        Version = env["hr.version"].sudo().with_context(active_test=False)
        versions = Version.search([("company_id", "=", company.id), ("date_version", "<=", d2)],
                                  order="employee_id, date_version, id")
        first_day, departed, post_changes = {}, {}, 0
        previous = Version
        for version in versions:
            employee = version.employee_id
            if previous.employee_id != employee:
                first_day[employee] = version.date_version
            elif d1 <= version.date_version and (version.job_id, version.department_id) != (
                    previous.job_id, previous.department_id):
                post_changes += 1
            if version.departure_date:
                departed[employee] = version.departure_date
            previous = version
        joined = sum(1 for day in first_day.values() if day >= d1)
        left = sum(1 for day in departed.values() if d1 <= day <= d2)

        def headcount(day):
            return sum(1 for employee, start in first_day.items()
                       if start <= day and not (departed.get(employee) and departed[employee] < day))

        rows.append((env._("Headcount at the start / end of the period"), f"{headcount(d1)} / {headcount(d2)}"))
        rows.append((env._("People joined / left"), f"{joined} / {left}"))
        rows.append((env._("Post or department changes"), post_changes))
        Job = env["hr.job"].sudo()
        if "headcount_needed" in Job._fields:
            jobs = Job.search([("company_id", "in", [company.id, False]), ("headcount_needed", ">", 0)])
            short = jobs.filtered(lambda job: job.holder_count < job.headcount_needed)
            needed, held = sum(jobs.mapped("headcount_needed")), sum(jobs.mapped("holder_count"))
            rows.append((env._("Posts: headcount needed / held, posts short of staff"),
                         f"{needed} / {held}, {', '.join(short.mapped('name')) or 0}"))
        Skill = env["hr.employee.skill"].sudo() if "hr.employee.skill" in env else None
        if Skill is not None and "is_certification" in Skill._fields:
            domain = [("employee_id.company_id", "=", company.id), ("is_certification", "=", True)]
            gained = Skill.search_count(domain + [("valid_from", ">=", d1), ("valid_from", "<=", d2)])
            expired = Skill.search_count(domain + [("valid_to", ">=", d1), ("valid_to", "<=", d2)])
            rows.append((env._("Certifications obtained / expired"), f"{gained} / {expired}"))
        Tool = env["itss.tool"].sudo()
        approved = Tool.search_count([("company_id", "=", company.id), ("approved_date", ">=", d1),
                                      ("approved_date", "<=", d2)])
        states = dict(Tool._read_group([("company_id", "=", company.id)], ["state"], ["__count"]))
        rows.append((env._("O&M tools approved in the period; in use / retired"),
                     f"{approved}; {states.get('approved', 0)} / {states.get('retired', 0)}"))
        if "stock.move" in env:
            start, end = company._itss_utc_bounds(d1, d2)
            moves = {}
            for picking_type, count in env["stock.move"].sudo()._read_group(
                    [("company_id", "=", company.id), ("state", "=", "done"), ("date", ">=", start),
                     ("date", "<", end), ("picking_type_id.code", "in", ("incoming", "outgoing"))],
                    ["picking_type_id"], ["__count"]):
                moves[picking_type.code] = moves.get(picking_type.code, 0) + count
            rows.append((env._("Spare-part stock moves received / issued"),
                         f"{moves.get('incoming', 0)} / {moves.get('outgoing', 0)}"))
        return rows

    def button_close(self):
        """The chair (executive) or QA closes the review; every decision becomes an improvement measure."""
        reviews = self._itss_action([QA, EXECUTIVE], access="read", message=self.env._(
            "Only the executive chairing the review or QA auditors close a management review."))
        for review in reviews.filtered("itss_date_from"):
            if not review.itss_inputs_date:
                raise UserError(self.env._("Collect the inputs of %(review)s before closing it.",
                                           review=review.name))
            if not review.itss_decision_ids:
                raise UserError(self.env._("Record the decisions of %(review)s before closing it.",
                                           review=review.name))
        result = super(MgmtsystemReview, reviews).button_close()
        reviews.itss_decision_ids._itss_raise_improvements()
        return result
