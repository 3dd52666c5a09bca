# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup, escape

from odoo import fields, models
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
        title = escape(env._("Inputs of %(from)s to %(to)s", **{"from": d1, "to": d2}))
        return Markup("<h3>%s</h3><table class='table table-sm'>%s</table>") % (title, Markup("").join(rows))

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
