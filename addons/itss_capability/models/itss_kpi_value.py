# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..tools import control_limits
from .itss_guard_mixin import ALL_FIELDS

# Periods a KPI value may belong to: outside, the period arithmetic is meaningless (or overflows).
YEAR_MIN, YEAR_MAX = 2000, 2100


class ItssKpiValue(models.Model):
    """A measured value of a KPI for one period (and one service project for project KPIs)."""

    _name = "itss.kpi.value"
    _description = "ITSS KPI Value"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date_from desc, kpi_id, project_id, service_id"
    _check_company_auto = True

    kpi_id = fields.Many2one(
        "itss.kpi", string="KPI", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    process_id = fields.Many2one(related="kpi_id.process_id", store=True)
    element_id = fields.Many2one(related="kpi_id.element_id", store=True)
    level = fields.Selection(related="kpi_id.level", store=True)
    value_type = fields.Selection(related="kpi_id.value_type")
    unit = fields.Char(related="kpi_id.unit")
    project_id = fields.Many2one(
        "itss.service.project", string="Service Project", index=True, check_company=True
    )
    service_id = fields.Many2one(
        "itss.catalog.service", string="Catalog Service", index=True, check_company=True,
        help="For service-level KPIs: the catalog service the value measures, over all its projects.",
    )
    date_from = fields.Date(string="Period Start", required=True, tracking=True)
    date_to = fields.Date(
        string="Period End", compute="_compute_date_to", store=True, readonly=False,
        tracking=True, help="Defaults to the end of the KPI's measurement period.",
    )
    value = fields.Float(tracking=True, digits=(16, 2), aggregator="avg")
    value_text = fields.Char(string="Assessment", help="The result of a qualitative KPI.")
    target = fields.Float(
        digits=(16, 2), aggregator="avg", compute="_compute_target", store=True,
        help="Target in force when the value was measured (copied from the KPI when it is recorded).",
    )
    source = fields.Selection(
        [("manual", "Entered by hand"), ("provider", "Computed")], default="manual", required=True, readonly=True,
    )
    note = fields.Text()
    status = fields.Selection(
        [("met", "Target met"), ("missed", "Target missed"), ("na", "No target")],
        compute="_compute_status", store=True,
    )
    control_mean = fields.Float(string="Baseline Mean", digits=(16, 2), readonly=True, aggregator="avg")
    control_lcl = fields.Float(string="Lower Control Limit", digits=(16, 2), readonly=True, aggregator="avg")
    control_ucl = fields.Float(string="Upper Control Limit", digits=(16, 2), readonly=True, aggregator="avg")
    has_control_limits = fields.Boolean(readonly=True)
    out_of_control = fields.Boolean(
        string="Out of Control", readonly=True,
        help="Outside mean ± 3σ of the previous baseline periods of the same KPI and project.",
    )
    alerted = fields.Boolean(readonly=True, copy=False)
    locked = fields.Boolean(
        readonly=True, copy=False, index=True,
        help="The period is closed: the value is frozen and later edits of the source records "
        "or calendars never change it.",
    )

    _kpi_period_project_unique = models.UniqueIndex(
        "(kpi_id, company_id, date_from, COALESCE(project_id, 0), COALESCE(service_id, 0))",
        "This KPI already has a value for this period, project and service.",
    )

    @api.depends("kpi_id.name", "date_from", "project_id.name", "service_id.name")
    def _compute_display_name(self):
        for rec in self:
            parts = [rec.kpi_id.name or "", str(rec.date_from or "")]
            parts.extend(dimension.name for dimension in (rec.project_id, rec.service_id) if dimension)
            rec.display_name = " / ".join(parts)

    @api.depends("date_from", "kpi_id.period")
    def _compute_date_to(self):
        for rec in self:
            if rec.date_from and rec.kpi_id:
                rec.date_to = self.env["itss.kpi"]._period_bounds(rec.kpi_id.period, rec.date_from)[1]
            elif not rec.date_to:
                rec.date_to = rec.date_from

    @api.depends("kpi_id")
    def _compute_target(self):
        """Frozen at recording: a later change of the KPI's target does not rewrite past values."""
        for rec in self:
            rec.target = rec.kpi_id.target

    @api.depends("value", "target", "kpi_id.direction", "kpi_id.value_type")
    def _compute_status(self):
        for rec in self:
            if rec.kpi_id.value_type == "qualitative" or not rec.kpi_id.direction:
                rec.status = "na"
            elif rec.kpi_id.direction == "higher":
                rec.status = "met" if rec.value >= rec.target else "missed"
            else:
                rec.status = "met" if rec.value <= rec.target else "missed"

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for rec in self:
            if rec.date_to and rec.date_to < rec.date_from:
                raise ValidationError(
                    self.env._("The period of a KPI value cannot end before it starts.")
                )

    @api.constrains("kpi_id", "project_id", "service_id")
    def _check_project_level(self):
        """A value carries the dimension of its KPI's level (project or catalog service), and only it."""
        for rec in self:
            if rec.kpi_id.level == "project" and (not rec.project_id or rec.service_id):
                raise ValidationError(
                    self.env._("KPI %(kpi)s is measured per service project: choose the project "
                               "(and no catalog service).", kpi=rec.kpi_id.name)
                )
            if rec.kpi_id.level == "service" and (not rec.service_id or rec.project_id):
                raise ValidationError(
                    self.env._("KPI %(kpi)s is measured per catalog service: choose the service "
                               "(and no project).", kpi=rec.kpi_id.name)
                )
            if rec.kpi_id.level == "organization" and (rec.project_id or rec.service_id):
                raise ValidationError(
                    self.env._("KPI %(kpi)s is measured for the whole organization: leave the "
                               "project empty.", kpi=rec.kpi_id.name)
                )

    @api.constrains("kpi_id", "value", "value_text")
    def _check_value(self):
        for rec in self:
            if rec.kpi_id.value_type == "percent" and not 0 <= rec.value <= 100:
                raise ValidationError(
                    self.env._("KPI %(kpi)s is a percentage: its value must be between 0 and 100.",
                               kpi=rec.kpi_id.name)
                )
            if rec.kpi_id.value_type == "qualitative" and rec.value:
                raise ValidationError(
                    self.env._("KPI %(kpi)s is qualitative: write the assessment, not a number.",
                               kpi=rec.kpi_id.name)
                )

    def _check_unique_periods(self, keys):
        """Refuse a second value for one KPI, company, period start and project.

        Checked before writing so that the user gets this message rather than the database's.
        ``keys`` are (kpi id, company id, period start date, project id or False, service id or False)
        tuples.
        """
        seen = set()
        for key in keys:
            if key in seen:
                self._raise_duplicate(key)
            seen.add(key)
        if not keys:
            return
        existing = self.search_fetch(
            [
                ("kpi_id", "in", list({k[0] for k in keys})),
                ("date_from", "in", list({k[2] for k in keys})),
                ("id", "not in", self.ids),
            ],
            ["kpi_id", "company_id", "date_from", "project_id", "service_id"],
        ).sudo()
        for rec in existing:
            key = (rec.kpi_id.id, rec.company_id.id, rec.date_from, rec.project_id.id, rec.service_id.id)
            if key in seen:
                self._raise_duplicate(key)

    def _raise_duplicate(self, key):
        kpi = self.env["itss.kpi"].browse(key[0]).sudo()
        project = self.env["itss.service.project"].browse(key[3]).sudo()
        service = self.env["itss.catalog.service"].browse(key[4]).sudo()
        if project or service:
            message = self.env._(
                "KPI %(kpi)s already has a value for the period starting %(date)s and project %(project)s.",
                kpi=kpi.name, date=key[2], project=(project or service).name,
            )
        else:
            message = self.env._(
                "KPI %(kpi)s already has a value for the period starting %(date)s.",
                kpi=kpi.name, date=key[2],
            )
        raise ValidationError(message)

    def _check_date_range(self, vals_list):
        """Refuse periods outside the years the suite measures, before any period arithmetic."""
        for vals in vals_list:
            for fname in ("date_from", "date_to"):
                day = vals.get(fname) and fields.Date.to_date(vals[fname])
                if day and not YEAR_MIN <= day.year <= YEAR_MAX:
                    raise ValidationError(self.env._(
                        "A KPI value's period must lie between %(first)s and %(last)s: %(day)s is outside.",
                        first=YEAR_MIN, last=YEAR_MAX, day=day))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_date_range(vals_list)
        kpis = self.env["itss.kpi"].browse([v["kpi_id"] for v in vals_list if v.get("kpi_id")])
        kpi_by_id = {kpi.id: kpi for kpi in kpis}
        for vals in vals_list:
            kpi = kpi_by_id.get(vals.get("kpi_id"))
            if kpi and vals.get("date_from") and not vals.get("date_to"):
                vals["date_to"] = kpi._period_bounds(kpi.period, fields.Date.to_date(vals["date_from"]))[1]
        self._check_unique_periods([
            (
                vals.get("kpi_id"),
                vals.get("company_id") or self.env.company.id,
                fields.Date.to_date(vals.get("date_from")),
                vals.get("project_id") or False,
                vals.get("service_id") or False,
            )
            for vals in vals_list
        ])
        records = super().create(vals_list)
        records._refresh_control()
        return records

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.locked else frozenset()

    def _itss_locked_message(self, field_label):
        return self.env._(
            "The period of %(value)s is closed: its KPI values are frozen. Reopen the period "
            "to change them.", value=self.display_name)

    def write(self, vals):
        self._check_date_range([vals])
        if {"kpi_id", "company_id", "date_from", "project_id", "service_id"} & vals.keys():
            self._check_unique_periods([
                (
                    vals.get("kpi_id", rec.kpi_id.id),
                    vals.get("company_id", rec.company_id.id),
                    fields.Date.to_date(vals["date_from"]) if "date_from" in vals else rec.date_from,
                    vals.get("project_id", rec.project_id.id) or False,
                    vals.get("service_id", rec.service_id.id) or False,
                )
                for rec in self
            ])
        res = super().write(vals)
        # Only superuser code (``_itss_write_grouped``) may put the refresh off: a client's context cannot.
        if self._itss_refreshes_control(vals) and not (self.env.su and self.env.context.get("itss_control_later")):
            self._refresh_control()
        return res

    @staticmethod
    def _itss_refreshes_control(vals):
        return bool({"value", "date_from", "kpi_id", "project_id", "service_id", "company_id", "target"} & vals.keys())

    def _itss_write_grouped(self, groups):
        """Write ``groups`` ([(values, vals)]) then refresh the control limits of all their series at once.

        The refresh is put off only for superuser writes; other callers' writes refresh as they go.
        """
        refresh = self.browse()
        for values, vals in groups:
            values.with_context(itss_control_later=True).write(vals)
            if self.env.su and self._itss_refreshes_control(vals):
                refresh |= values
        refresh._refresh_control()

    def unlink(self):
        series = self._series_domain()
        keys = {rec._series_key() for rec in self}
        res = super().unlink()
        if series:
            remaining = self.env["itss.kpi.value"].sudo().search(series)
            remaining._refresh_control(include_series=False)
            left = {rec._series_key() for rec in remaining}
            self.env["itss.kpi.baseline"].sudo()._drop(keys - left)
        return res

    def _series_key(self):
        """(KPI, company, project, catalog service) ids: the series this value belongs to."""
        return (self.kpi_id.id, self.company_id.id, self.project_id.id or False, self.service_id.id or False)

    def _series_domain(self):
        """Domain of every value in the same series (KPI, company, project, service) as these values."""
        keys = {rec._series_key() for rec in self}
        if not keys:
            return []
        domains = [
            [("kpi_id", "=", kpi), ("company_id", "=", company), ("project_id", "=", project),
             ("service_id", "=", service)]
            for kpi, company, project, service in keys
        ]
        return Domain.OR(domains)

    def _refresh_control(self, include_series=True):
        """Recompute control limits of every value in the series of ``self``, and baselines.

        A value is compared with the baseline of the periods *before* it (mean ± 3σ of the
        previous N values), so an outlier is not hidden by its own contribution.
        """
        values = self.sudo()
        if include_series and values:
            values = values.search(values._series_domain())
        series = defaultdict(list)
        for rec in values.sorted(lambda r: r.date_from):
            if rec.kpi_id.value_type != "qualitative":
                series[(rec.kpi_id, rec.company_id, rec.project_id, rec.service_id)].append(rec)
        baseline_vals = []
        limit_groups = defaultdict(list)
        for (kpi, company, project, service), records in series.items():
            window_size = max(kpi.baseline_periods, 2)
            for index, rec in enumerate(records):
                window = [r.value for r in records[max(0, index - window_size):index]]
                limits = control_limits(window)
                new = {
                    "has_control_limits": bool(limits),
                    "control_mean": limits["mean"] if limits else 0.0,
                    "control_lcl": limits["lcl"] if limits else 0.0,
                    "control_ucl": limits["ucl"] if limits else 0.0,
                    "out_of_control": bool(limits) and not (limits["lcl"] <= rec.value <= limits["ucl"]),
                }
                changed = {
                    key: val for key, val in new.items()
                    if rec._fields[key].convert_to_cache(val, rec) != rec[key]
                }
                if changed and not rec.locked:
                    limit_groups[tuple(sorted(changed.items()))].append(rec.id)
            latest = [r.value for r in records[-window_size:]]
            baseline_vals.append({
                "kpi_id": kpi.id,
                "company_id": company.id,
                "project_id": project.id,
                "service_id": service.id,
                "limits": control_limits(latest),
                "period_count": len(latest),
                "date_last": records[-1].date_from,
            })
        for changed, ids in limit_groups.items():
            values.browse(ids).write(dict(changed))
        self.env["itss.kpi.baseline"].sudo()._store(baseline_vals)
        values._alert_owners()

    def _alert_owners(self):
        """Give the KPI owner one activity per value that misses its target or is out of control.

        The activities are created together and each owner is told once, with the list, not by one
        e-mail per value: a month computed for all projects alerts a few owners of many values (at
        50 projects, one e-mail per value was nine tenths of the computation's queries).
        """
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        alerts = self.filtered(lambda r: not r.alerted and r.kpi_id.owner_id
                               and (r.status == "missed" or r.out_of_control))
        if not todo or not alerts:
            return
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for rec in alerts:
            owner = rec.kpi_id.owner_id
            # In the owner's language: the computation runs as a job or a cron, in another one.
            owner_env = rec.with_context(lang=owner.lang or self.env.lang).env
            reasons = []
            if rec.status == "missed":
                reasons.append(owner_env._("target %(target)s missed", target=rec.target))
            if rec.out_of_control:
                reasons.append(owner_env._(
                    "outside the control limits [%(lcl).2f, %(ucl).2f]",
                    lcl=rec.control_lcl, ucl=rec.control_ucl,
                ))
            vals_list.append({
                "res_model_id": model_id, "res_id": rec.id, "activity_type_id": todo.id, "automated": True,
                "user_id": owner.id, "date_deadline": rec.company_id._itss_today(),
                "summary": owner_env._("KPI %(kpi)s: %(reasons)s", kpi=rec.kpi_id.with_env(owner_env).name,
                                       reasons=", ".join(reasons)),
            })
        activities = self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(vals_list)
        for owner, owned in activities.grouped("user_id").items():
            if owner != self.env.user:
                self._itss_tell_owner(owner, owned)
        alerts.write({"alerted": True})

    def _itss_tell_owner(self, owner, activities):
        """One message to the KPI owner listing the activities just given to them."""
        owner_env = self.with_context(lang=owner.lang or self.env.lang).env
        lines = Markup("").join(
            Markup('<li><a href="/odoo/%s/%s">%s</a></li>') % (self._name, activity.res_id, activity.summary)
            for activity in activities
        )
        self.env["mail.thread"].sudo().message_notify(
            partner_ids=owner.partner_id.ids,
            subject=owner_env._("%(count)s KPI values need your attention", count=len(activities)),
            body=Markup("<p>%s</p><ul>%s</ul>") % (
                owner_env._("These KPI values miss their target or left their control limits; "
                            "each has a to-do for you:"), lines),
            subtype_xmlid="mail.mt_note",
        )

    def action_create_improvement(self):
        """Button: raise an improvement measure (source: KPI breach) for a missed or out-of-control value."""
        self.ensure_one()
        return self.env["itss.improvement"]._raise_and_open(self.date_from, {
            "name": self.env._("KPI breach: %(value)s", value=self.display_name),
            "source": "kpi_breach",
            "kpi_value_id": self.id,
            "element_id": self.element_id.id,
            "owner_id": (self.kpi_id.owner_id or self.env.user).id,
            "company_id": self.company_id.id,
        })
