# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .itss_readiness_score import AREA_BY_CLAUSE


class ItssReadinessItem(models.Model):
    """An evidence item of the ITSS assessment (证据项), with the rule that checks it on live records.

    The 29 items are shipped as templates (no company). A company works on its own copies, made
    on its first scorecard refresh, so its QA auditor tunes weight and threshold for that company
    only. A rule is a method ``_itss_readiness_rule_<rule_code>(company, date_from, date_to)`` of
    the module named in ``module`` returning a list of parts (see ``_itss_part``); an item whose
    module is not installed is missing.
    """

    _name = "itss.readiness.item"
    _description = "ITSS Readiness Evidence Item"
    _inherit = ["mail.thread", "itss.guard.mixin"]
    _order = "number, id"
    _check_company_auto = True

    number = fields.Integer(string="No.", required=True, readonly=True)
    name = fields.Char(required=True, translate=True, readonly=True)
    description = fields.Text(string="What the Assessor Asks", translate=True, readonly=True)
    clause = fields.Char(required=True, readonly=True, help="Clause of GB/T 28827.1 the item proves.")
    element_id = fields.Many2one("itss.element", readonly=True,
                                 help="Empty for capability management (clause 5).")
    rule_code = fields.Char(required=True, readonly=True)
    module = fields.Char(string="Supplied By", required=True, readonly=True,
                         help="Technical name of the module whose records prove the item.")
    threshold = fields.Float(default=1.0, tracking=True, digits=(16, 1),
                             help="How much of the counted evidence makes the item present.")
    threshold_help = fields.Char(string="Threshold Counts", translate=True, readonly=True)
    weight = fields.Float(default=1.0, tracking=True, digits=(16, 1),
                          help="Share of the item in the element, clause and total scores.")
    company_id = fields.Many2one("res.company", index=True, readonly=True,
                                 help="Empty on the templates shipped with the suite.")
    template_id = fields.Many2one("itss.readiness.item", readonly=True, index="btree_not_null",
                                  ondelete="set null")
    active = fields.Boolean(default=True, tracking=True)

    _template_company_unique = models.Constraint(
        "unique(template_id, company_id)", "A company has one copy of each evidence item.")

    @api.constrains("weight", "threshold")
    def _check_weight_threshold(self):
        for item in self:
            if item.weight < 0:
                raise ValidationError(self.env._("The weight of “%(item)s” cannot be negative.", item=item.name))
            if item.threshold <= 0:
                raise ValidationError(self.env._(
                    "The threshold of “%(item)s” must be greater than zero.", item=item.name))

    @api.model
    def _itss_company_items(self, company):
        """The company's items, copying the templates it does not have yet."""
        items = self.sudo().with_context(active_test=False)
        templates = items.search([("company_id", "=", False)])
        have = items.search([("company_id", "=", company.id)])
        missing = templates - have.template_id
        for template in missing:
            have |= template.copy({"company_id": company.id, "template_id": template.id})
        self._itss_sync_copies(company)
        return have.filtered("active")

    @api.model
    def _itss_sync_copies(self, company):
        """Give the company's copies the wording and place of their templates (all languages), as
        shipped by the current version; what QA tunes (threshold, weight, active) stays."""
        self.env.flush_all()
        self.env.cr.execute("""
            UPDATE itss_readiness_item AS copy
               SET name = template.name, description = template.description,
                   threshold_help = template.threshold_help, number = template.number,
                   clause = template.clause, element_id = template.element_id, module = template.module
              FROM itss_readiness_item AS template
             WHERE copy.template_id = template.id AND copy.company_id = %s
               AND (copy.name, copy.description, copy.threshold_help, copy.number, copy.clause,
                    copy.element_id, copy.module)
                   IS DISTINCT FROM (template.name, template.description, template.threshold_help,
                    template.number, template.clause, template.element_id, template.module)
        """, (company.id,))
        if self.env.cr.rowcount:
            self.invalidate_model(["name", "description", "threshold_help", "number", "clause",
                                   "element_id", "module"])

    def _itss_evaluate(self, date_from, date_to):
        """{item: (parts, note)} for the company items ``self`` over the dates (local, inclusive)."""
        results = {}
        for item in self:
            rule = getattr(item, f"_itss_readiness_rule_{item.rule_code}", None)
            if rule is None:
                installed = self.env["ir.module.module"].sudo().search_count(
                    [("name", "=", item.module), ("state", "=", "installed")])
                results[item] = ([], self.env._(
                    "No rule of the installed module %(module)s checks this evidence yet.", module=item.module)
                    if installed else self.env._(
                    "The module %(module)s that records this evidence is not installed.", module=item.module))
                continue
            parts = rule(item.company_id, date_from, date_to)
            short = [f"{part['label']} ({part['count']:g}/{part['need']:g})" for part in parts if part["ratio"] < 1]
            note = self.env._("Missing or short: %(parts)s", parts="; ".join(short)) if short else ""
            results[item] = (parts, note)
        return results

    @api.model
    def _itss_ratio_status(self, parts):
        """(ratio, status) of an item from its parts: the mean of their ratios; present at 1, missing at 0."""
        ratio = sum(part["ratio"] for part in parts) / len(parts) if parts else 0.0
        return ratio, "present" if ratio >= 1 else "partial" if ratio > 0 else "missing"

    def _itss_part(self, label, model, domain, need=None, count=None):
        """One part of an item's evidence: the records of ``model`` matching ``domain`` and how
        many of them (or ``count``, when the rule counts something else, e.g. months) are needed."""
        domain = self._itss_domain_literal(domain)
        if count is None:
            count = self.env[model].sudo().with_context(active_test=False).search_count(domain)
        need = need if need is not None else self.threshold
        return {
            "label": label, "model": model, "domain": domain, "count": count, "need": need,
            "ratio": min(1.0, count / need) if need > 0 else 1.0,
        }

    @api.model
    def _itss_domain_literal(self, domain):
        """The domain with its dates as strings, so that it is stored as text and evaluated again."""
        literal = []
        for leaf in domain:
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3:
                value = leaf[2]
                if isinstance(value, datetime):
                    value = fields.Datetime.to_string(value)
                elif isinstance(value, date):
                    value = fields.Date.to_string(value)
                leaf = (leaf[0], leaf[1], list(value) if isinstance(value, tuple) else value)
            literal.append(leaf)
        return literal

    def _itss_part_periods(self, label, model, domain, date_field, granularity, need=None):
        """A part counting the distinct periods (``month``, ``quarter``) with records, not the records.

        Datetime fields are grouped in the company's time zone (the period of a local day)."""
        tz = self.company_id._itss_tz().key
        groups = self.env[model].sudo().with_context(tz=tz)._read_group(
            [*domain, (date_field, "!=", False)], [f"{date_field}:{granularity}"])
        return self._itss_part(label, model, domain, need=need, count=len(groups))

    @api.model
    def _itss_datetime_domain(self, fname, company, date_from, date_to):
        """A datetime field between two local dates of the company (inclusive)."""
        start, stop = company._itss_utc_bounds(date_from, date_to)
        return [(fname, ">=", start), (fname, "<", stop)]

    def _itss_area(self):
        """Capability management (clause 5) or the element (clauses 6-9) the item proves."""
        self.ensure_one()
        clause = self.element_id.clause or (self.clause or "").split(".")[0]
        return AREA_BY_CLAUSE.get(clause, "management")

    def _itss_readiness_department(self):
        """The department responsible for the item; itss_audit reads it from the allocation table."""
        return self.env["hr.department"]

    @api.model
    def _itss_readiness_running_months(self, company, date_from, date_to):
        """First days of the months of the period in which the company kept running records."""
        months = set()
        for model, fname in (("itss.plan.execution", "date"), ("itss.customer.visit", "date"),
                             ("itss.qa.check", "date"), ("itss.tool.usage", "date")):
            groups = self.env[model].sudo()._read_group(
                [("company_id", "=", company.id), (fname, ">=", date_from), (fname, "<=", date_to)],
                [f"{fname}:month"])
            months.update(group[0] for group in groups)
        return months

    # Rules of the items this module records (clauses 5, 7.2, 8.2, 9.2 catalog and general)

    def _itss_readiness_rule_service_catalog(self, company, date_from, date_to):
        return [self._itss_part(
            self.env._("Published catalog services"), "itss.catalog.service",
            [("company_id", "=", company.id), ("state", "=", "published")])]

    def _itss_readiness_rule_capability_plan(self, company, date_from, date_to):
        return [
            self._itss_part(
                self.env._("Approved capability plan of the year"), "itss.capability.plan",
                [("company_id", "=", company.id), ("year", "=", date_from.year),
                 ("state", "not in", ("draft", "submitted"))], need=1),
            self._itss_part(
                self.env._("KPI values of the year"), "itss.kpi.value",
                [("company_id", "=", company.id), ("date_from", ">=", date_from),
                 ("date_from", "<=", date_to)], need=self.threshold),
        ]

    def _itss_readiness_rule_quality_check(self, company, date_from, date_to):
        return [self._itss_part_periods(
            self.env._("Months with completed QA checks"), "itss.qa.check",
            [("company_id", "=", company.id), ("state", "=", "done"),
             ("date", ">=", date_from), ("date", "<=", date_to)], "date", "month")]

    def _itss_readiness_rule_plan_execution(self, company, date_from, date_to):
        return [self._itss_part_periods(
            self.env._("Months with plan execution records"), "itss.plan.execution",
            [("company_id", "=", company.id), ("date", ">=", date_from), ("date", "<=", date_to)],
            "date", "month")]

    def _itss_readiness_rule_customer_communication(self, company, date_from, date_to):
        return [self._itss_part(
            self.env._("Customer visits done"), "itss.customer.visit",
            [("company_id", "=", company.id), ("state", "=", "done"),
             ("date", ">=", date_from), ("date", "<=", date_to)])]

    def _itss_readiness_rule_improvement(self, company, date_from, date_to):
        return [self._itss_part(
            self.env._("Improvement measures raised in the year"), "itss.improvement",
            [("company_id", "=", company.id),
             *self._itss_datetime_domain("create_date", company, date_from, date_to)])]

    def _itss_readiness_rule_satisfaction(self, company, date_from, date_to):
        return [self._itss_part(
            self.env._("Customer visits with a satisfaction score"), "itss.customer.visit",
            [("company_id", "=", company.id), ("state", "=", "done"), ("satisfaction", ">", 0),
             ("date", ">=", date_from), ("date", "<=", date_to)])]

    def _itss_readiness_rule_tools(self, company, date_from, date_to):
        return [
            self._itss_part(
                self.env._("Approved O&M tools"), "itss.tool",
                [("company_id", "=", company.id), ("state", "=", "approved")]),
            self._itss_part_periods(
                self.env._("Months with tool usage records"), "itss.tool.usage",
                [("company_id", "=", company.id), ("date", ">=", date_from), ("date", "<=", date_to)],
                "date", "month", need=6),
        ]

    def _itss_readiness_rule_rd(self, company, date_from, date_to):
        return [self._itss_part(
            self.env._("R&D topics approved or done in the year"), "itss.rd.topic",
            [("company_id", "=", company.id), ("year", "=", date_from.year),
             ("state", "in", ("approved", "in_progress", "done"))])]

    def _itss_readiness_rule_running_months(self, company, date_from, date_to):
        months = self._itss_readiness_running_months(company, date_from, date_to)
        return [self._itss_part(
            self.env._("Months with running records"), "itss.plan.execution",
            [("company_id", "=", company.id), ("date", ">=", date_from), ("date", "<=", date_to)],
            count=len(months))]

    # Reports of the evidence pack (itss.evidence.pack): the suite's own reports per item

    def _itss_readiness_year_plans(self, company, date_from):
        return self.env["itss.capability.plan"].sudo().search([
            ("company_id", "=", company.id), ("year", "=", date_from.year),
            ("state", "not in", ("draft", "submitted"))])

    def _itss_readiness_reports_capability_plan(self, company, date_from, date_to):
        plans = self._itss_readiness_year_plans(company, date_from)
        return [("itss_capability.itss_capability_plan_report_action", plans),
                ("itss_capability.itss_capability_plan_xlsx_action", plans)]

    def _itss_readiness_reports_plan_execution(self, company, date_from, date_to):
        return [("itss_capability.itss_capability_plan_execution_report_action",
                 self._itss_readiness_year_plans(company, date_from))]
