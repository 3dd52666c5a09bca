# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.date_utils import end_of, start_of


class ItssKpi(models.Model):
    """A KPI definition of the ITSS measurement system (过程度量 / 指标体系).

    Values are entered by hand or computed by a provider: a method
    ``_itss_kpi_provider_<code>(date_from, date_to)`` that returns ``{key: value}``, the key being the
    dimension of the KPI's level (``_itss_dimension_field``): a project id for project KPIs, a catalog
    service id for service KPIs, False for the organization. Other modules register providers by
    extending the ``provider`` selection, and those that measure per catalog service in
    ``_itss_service_providers``.
    """

    _name = "itss.kpi"
    _description = "ITSS KPI"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, code, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True,
        help="Leave empty to share the definition with every company; values stay per company.",
    )
    element_id = fields.Many2one(
        "itss.element", compute="_compute_element_id", store=True,
        readonly=False, ondelete="restrict", index=True,
        help="Empty for capability-management KPIs that belong to no single element.",
    )
    process_id = fields.Many2one("itss.process", ondelete="restrict", index=True)
    level = fields.Selection(
        [("organization", "Organization"), ("project", "Project"), ("service", "Catalog Service")],
        required=True, default="organization", tracking=True,
        help="Organization-level KPIs have one value per period; project-level KPIs have one "
        "value per service project and period, rolled up in the reports; service-level KPIs one "
        "value per catalog service and period, over all the projects that subscribe it.",
    )
    value_type = fields.Selection(
        [("percent", "Percentage"), ("number", "Number"), ("qualitative", "Qualitative")],
        required=True, default="percent",
    )
    unit = fields.Char(help="Unit shown next to values, e.g. %, h, count.")
    direction = fields.Selection(
        [("higher", "Higher is better"), ("lower", "Lower is better")],
        default="higher", tracking=True,
    )
    target = fields.Float(tracking=True, digits=(16, 2))
    formula = fields.Text(translate=True, help="How the value is computed, in words.")
    owner_id = fields.Many2one(
        "res.users", tracking=True, default=lambda self: self.env.user,
        help="Receives an activity when a value misses its target or leaves the control limits.",
    )
    period = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")],
        string="Measurement Period", required=True, default="month",
    )
    provider = fields.Selection(
        [
            ("kpi_target_achievement", "Share of KPI values on target (this module)"),
            ("customer_visit_coverage", "Share of in-service customers visited this year (this module)"),
            ("customer_visit_satisfaction", "Average satisfaction of customer visits (this module)"),
            ("customer_satisfaction",
             "Average satisfaction (1–5) of customer visits, return visits and on-site client feedback"),
        ],
        help="Computes values automatically every period. Empty: values are entered by hand.",
    )
    baseline_periods = fields.Integer(
        default=12,
        help="How many of the latest periods the baseline (mean, σ, mean ± 3σ) is computed over.",
    )
    value_ids = fields.One2many("itss.kpi.value", "kpi_id", string="Values")
    baseline_ids = fields.One2many("itss.kpi.baseline", "kpi_id", string="Baselines")
    value_count = fields.Integer(compute="_compute_value_count")
    # The inverse lets a batch of value writes find the objectives to recompute in the cache, not by a
    # search per write.
    objective_ids = fields.One2many("itss.plan.objective", "kpi_id", string="Business Objectives")

    _code_company_unique = models.Constraint(
        "UNIQUE(code, company_id)", "A KPI with this code already exists."
    )
    _baseline_periods_positive = models.Constraint(
        "CHECK(baseline_periods >= 2)", "A baseline needs at least 2 periods."
    )

    @api.depends("process_id")
    def _compute_element_id(self):
        for kpi in self:
            if kpi.process_id:
                kpi.element_id = kpi.process_id.element_id

    def _compute_value_count(self):
        counts = dict(
            self.env["itss.kpi.value"]._read_group([("kpi_id", "in", self.ids)], ["kpi_id"], ["__count"])
        )
        for kpi in self:
            kpi.value_count = counts.get(kpi, 0)

    @api.constrains("value_type", "target", "direction")
    def _check_target(self):
        for kpi in self:
            if kpi.value_type == "qualitative" and kpi.target:
                raise ValidationError(
                    self.env._(
                        "KPI %(kpi)s is qualitative: it cannot have a numeric target.", kpi=kpi.name
                    )
                )
            if kpi.value_type == "percent" and not 0 <= kpi.target <= 100:
                raise ValidationError(
                    self.env._(
                        "The target of KPI %(kpi)s is a percentage: it must be between 0 and 100.",
                        kpi=kpi.name,
                    )
                )

    @api.constrains("level", "provider")
    def _check_service_provider(self):
        for kpi in self:
            if kpi.level == "service" and kpi.provider and kpi.provider not in self._itss_service_providers():
                raise ValidationError(self.env._(
                    "KPI %(kpi)s: its provider does not measure per catalog service; choose another level or "
                    "provider.", kpi=kpi.name))

    @api.model
    def _itss_service_providers(self):
        """Providers that can measure per catalog service (their records know their service)."""
        return set()

    def _itss_dimension_field(self):
        """The field of a KPI value that tells this KPI's values of one period apart (None: organization)."""
        return {"project": "project_id", "service": "service_id"}.get(self.level)

    @api.constrains("process_id", "element_id")
    def _check_process_element(self):
        for kpi in self:
            if kpi.process_id and kpi.process_id.element_id != kpi.element_id:
                raise ValidationError(
                    self.env._("KPI %(kpi)s: a process KPI belongs to the process element.", kpi=kpi.name)
                )

    def write(self, vals):
        if {"target", "direction", "baseline_periods", "value_type"} & vals.keys():
            res = super().write(vals)
            self.env["itss.kpi.value"].sudo().search([("kpi_id", "in", self.ids)])._refresh_control(
                include_series=False)
            return res
        return super().write(vals)

    def _itss_set_provider_if_empty(self, provider):
        """Data hook: give catalog KPIs shipped by another module their provider, unless one is set."""
        self.filtered(lambda kpi: not kpi.provider).write({"provider": provider})

    @api.model
    def _period_bounds(self, period, day):
        """Start and end of the period of type ``period`` (month, quarter, year) that contains ``day``."""
        return start_of(day, period), end_of(day, period)

    @api.model
    def _last_closed_period(self, period, today):
        """Start and end of the last whole period of type ``period`` before ``today``'s."""
        return self._period_bounds(period, start_of(today, period) - relativedelta(days=1))

    def _compute_provider_values(self, date_from, date_to):
        """Ask each KPI's provider for the period and store the values (one per project or service).

        All the KPIs are stored together: one search of the period's values, one create of the new ones,
        one write per changed figure (unchanged and locked values are left alone), then one refresh of
        the control limits and baselines of every series touched.
        """
        Value = self.env["itss.kpi.value"]
        kpis = self.filtered("provider")
        if not kpis:
            return Value
        existing = {}
        for value in Value.search([("kpi_id", "in", kpis.ids), ("date_from", "=", date_from)]):
            dimension = value.kpi_id._itss_dimension_field()
            key_id = value[dimension].id if dimension else False
            existing[value.kpi_id.id, key_id or False, value.company_id.id] = value
        to_create, to_write = [], defaultdict(list)
        for kpi in kpis:
            results = getattr(kpi, f"_itss_kpi_provider_{kpi.provider}")(date_from, date_to)
            companies = kpi.company_id or self.env.company
            dimension = kpi._itss_dimension_field()
            for key_id, measured in results.items():
                value = existing.get((kpi.id, key_id or False, companies.id))
                if value is None:
                    to_create.append({
                        "kpi_id": kpi.id,
                        **({dimension: key_id or False} if dimension else {}),
                        "company_id": companies.id,
                        "date_from": date_from,
                        "date_to": date_to,
                        "value": measured,
                        "source": "provider",
                    })
                elif not value.locked and (
                    value.source != "provider"
                    or value._fields["value"].convert_to_cache(measured, value) != value.value
                ):
                    to_write[measured].append(value.id)
        Value.browse()._itss_write_grouped(
            [(Value.browse(ids), {"value": measured, "source": "provider"}) for measured, ids in to_write.items()])
        return Value.create(to_create)

    def action_compute_last_period(self):
        """Button: (re)compute the provider values of the last closed period."""
        if not self.filtered("provider"):
            raise UserError(self.env._("These KPIs have no provider: enter their values by hand."))
        for kpi in self.filtered("provider"):
            today = (kpi.company_id or self.env.company)._itss_today()
            kpi._compute_provider_values(*self._last_closed_period(kpi.period, today))
        return True

    @api.model
    def _cron_compute_provider_values(self):
        """Daily: compute the values of every provider KPI for its last closed period."""
        for company in self.env["res.company"].search([]):  # pylint: disable=no-search-all
            today = company._itss_today()
            kpis = self.with_company(company).search([
                ("provider", "!=", False),
                ("company_id", "in", [company.id, False]),
            ])
            for kpi in kpis:
                kpi.with_company(company)._compute_provider_values(*self._last_closed_period(kpi.period, today))

    def _itss_kpi_provider_kpi_target_achievement(self, date_from, date_to):
        """Share (%) of the KPI values of the period that met their target, organization level."""
        domain = [
            ("date_from", ">=", date_from),
            ("date_to", "<=", date_to),
            ("kpi_id", "!=", self.id),
            ("status", "in", ("met", "missed")),
            ("company_id", "=", (self.company_id or self.env.company).id),
        ]
        groups = dict(self.env["itss.kpi.value"]._read_group(domain, ["status"], ["__count"]))
        total = sum(groups.values())
        if not total:
            return {}
        return {False: round(100.0 * groups.get("met", 0) / total, 2)}

    def _itss_kpi_provider_customer_visit_coverage(self, date_from, date_to):
        """Share (%) of the customers with an in-service project visited (done visits) from January 1st
        of ``date_to``'s year up to ``date_to``, organization level."""
        company = self.company_id or self.env.company
        customers = {
            partner.id for partner, in self.env["itss.service.project"]._read_group(
                [("state", "=", "active"), ("company_id", "=", company.id)], ["partner_id"])
        }
        if not customers:
            return {}
        visited = self.env["itss.customer.visit"]._visited_customers(
            company, fields.Date.to_date(date_to).replace(month=1, day=1), date_to,
            partners=self.env["res.partner"].browse(customers),
        )
        return {False: round(100.0 * len(visited) / len(customers), 2)}

    def _itss_kpi_provider_customer_visit_satisfaction(self, date_from, date_to):
        """Average satisfaction score (1–5) of the done customer visits of the period, organization level."""
        company = self.company_id or self.env.company
        [(count, average)] = self.env["itss.customer.visit"]._read_group(
            [("state", "=", "done"), ("company_id", "=", company.id),
             ("date", ">=", date_from), ("date", "<=", date_to)],
            [], ["__count", "satisfaction:avg"])
        if not count:
            return {}
        return {False: round(average, 2)}

    def _itss_satisfaction_scores(self, date_from, date_to):
        """{project id or False: [sum of scores, count]} of the period's satisfaction scores (1–5).

        Customer visits here; the service desk adds return visits, the people module on-site client
        feedback (each module knows its own records: no dependency between them).
        """
        company = self.company_id or self.env.company
        groups = self.env["itss.customer.visit"].sudo()._read_group(
            [("state", "=", "done"), ("company_id", "=", company.id), ("satisfaction", ">", 0),
             ("date", ">=", date_from), ("date", "<=", date_to)],
            ["project_id"], ["satisfaction:sum", "__count"])
        return {project.id or False: [total, count] for project, total, count in groups}

    @staticmethod
    def _itss_add_scores(scores, key, total, count):
        pair = scores.setdefault(key, [0, 0])
        pair[0] += total
        pair[1] += count

    def _itss_kpi_provider_customer_satisfaction(self, date_from, date_to):
        """Average satisfaction (1–5) of customer visits, return visits and on-site feedback of the period."""
        scores = self._itss_satisfaction_scores(date_from, date_to)
        if self.level == "organization":
            total = sum(t for t, _c in scores.values())
            count = sum(c for _t, c in scores.values())
            return {False: round(total / count, 2)} if count else {}
        return {key: round(total / count, 2) for key, (total, count) in scores.items() if key and count}

    def action_view_values(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("itss_capability.itss_kpi_value_action")
        control_chart = self.env.ref("itss_capability.itss_kpi_value_view_graph_control")
        action["views"] = [(False, "list"), (control_chart.id, "graph"), (False, "pivot"), (False, "form")]
        action["domain"] = [("kpi_id", "=", self.id)]
        action["context"] = {"default_kpi_id": self.id}
        return action
