# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.fields import Domain

PROVIDERS = [
    ("sla_achievement", "SLA achievement rate: targets met / targets finished (Service desk)"),
    ("response_on_time", "Response on-time rate: responses within target / responses (Service desk)"),
    ("incident_resolution", "Incident resolution rate: incidents closed / reported (Service desk)"),
    ("incident_mttr", "Mean incident resolution time in hours (Service desk)"),
    ("first_dispatch_success", "First-time dispatch success: 1 − returned / dispatched (Service desk)"),
    ("reopen_rate", "Reopen rate: closed tickets reopened / closed tickets (Service desk)"),
    ("return_visit_satisfaction", "Return-visit satisfaction: satisfied / return visits (Service desk)"),
    ("problem_resolution", "Problem resolution rate: problems resolved / opened (Service desk)"),
    ("problem_mean_time", "Mean problem resolution time in days (Service desk)"),
    ("change_success", "Change success rate: successful / implemented changes (Service desk)"),
    ("change_unapproved", "Share of closed changes implemented without approval (Service desk)"),
    ("change_emergency", "Share of emergency changes among closed changes (Service desk)"),
    ("change_failed", "Share of failed or rolled-back changes among closed changes (Service desk)"),
    ("change_cancelled", "Share of cancelled changes among closed changes (Service desk)"),
    ("release_success", "Release success rate: deployed without rollback / deployed (Service desk)"),
    ("release_on_time", "Release on-time rate: deployed by the planned date / deployed (Service desk)"),
    ("ci_accuracy", "Configuration accuracy of the closed audits (Service desk)"),
    ("security_on_time", "Security events handled by their deadline / events due (Service desk)"),
    ("report_on_time", "Service reports delivered by their due date / reports due (Service desk)"),
]

# Providers that can measure per catalog service, and the service field of the records they count.
SERVICE_PROVIDERS = {
    "sla_achievement", "response_on_time", "incident_resolution", "incident_mttr", "first_dispatch_success",
    "reopen_rate", "return_visit_satisfaction",
}
SERVICE_FIELDS = {
    "helpdesk.ticket": "catalog_service_id",
    "helpdesk.ticket.sla": "catalog_service_id",
    "itss.return.visit": "catalog_service_id",
}


class ItssKpi(models.Model):
    """Process KPIs of the service desk, each one or two grouped reads for all projects at once."""

    _inherit = "itss.kpi"

    provider = fields.Selection(
        selection_add=PROVIDERS, ondelete={code: "set null" for code, _label in PROVIDERS}
    )

    def _itss_company_domain(self):
        return Domain("company_id", "=", (self.company_id or self.env.company).id)

    def _itss_in_period(self, field, date_from, date_to):
        """This company's records whose datetime ``field`` falls within the period's days.

        The days are the company's (its calendar's time zone): a ticket reported at 07:30 in
        Shanghai on the 1st (23:30 UTC the day before) counts in the 1st's month.
        """
        start, end = (self.company_id or self.env.company)._itss_utc_bounds(date_from, date_to)
        return self._itss_company_domain() & Domain([(field, ">=", start), (field, "<", end)])

    @api.model
    def _itss_service_providers(self):
        """The ticket-based providers: tickets, their SLA targets and return visits know their service."""
        return super()._itss_service_providers() | SERVICE_PROVIDERS

    def _itss_grouped(self, model, domain, project_field, aggregates):
        """{project (catalog service for service-level KPIs) id or False: aggregate values} for
        ``domain``, one SQL query."""
        group_field = SERVICE_FIELDS[model] if self.level == "service" else project_field
        groups = self.env[model].sudo()._read_group(domain, [group_field], aggregates)
        return {record.id or False: values for record, *values in groups}

    def _itss_share(self, model, domain, part_domain, project_field, complement=False):
        """Percentage of ``domain`` matching ``part_domain``, per project or for the organization."""
        totals = self._itss_grouped(model, domain, project_field, ["__count"])
        parts = self._itss_grouped(model, Domain(domain) & Domain(part_domain), project_field, ["__count"])
        return self._itss_level_values(
            {key: (parts.get(key, [0])[0], count) for key, (count,) in totals.items()}, complement
        )

    def _itss_level_values(self, pairs, complement=False):
        """Turn {project or service: (part, whole)} into {key: %} or {False: %} by the KPI's level."""
        if self.level == "organization":
            part = sum(p for p, _w in pairs.values())
            whole = sum(w for _p, w in pairs.values())
            pairs = {False: (part, whole)} if whole else {}
        result = {}
        for key, (part, whole) in pairs.items():
            if whole and (key or self.level == "organization"):
                share = 100.0 * part / whole
                result[key] = round(100.0 - share if complement else share, 2)
        return result

    def _itss_mean(self, model, domain, field, project_field):
        groups = self._itss_grouped(model, domain, project_field, [f"{field}:sum", "__count"])
        pairs = {key: (total, count) for key, (total, count) in groups.items()}
        if self.level == "organization":
            count = sum(c for _t, c in pairs.values())
            return {False: round(sum(t for t, _c in pairs.values()) / count, 2)} if count else {}
        return {key: round(total / count, 2) for key, (total, count) in pairs.items() if key and count}

    def _itss_tickets_reported(self, date_from, date_to):
        return self._itss_in_period("itss_reported_at", date_from, date_to)

    def _itss_sla_rows(self, date_from, date_to):
        """SLA targets of the tickets reported in the period that are finished (met or missed)."""
        return self._itss_in_period("reported_at", date_from, date_to) & Domain(
            "state", "in", ("accomplished", "expired"))

    def _itss_kpi_provider_sla_achievement(self, date_from, date_to):
        domain = self._itss_sla_rows(date_from, date_to)
        return self._itss_share("helpdesk.ticket.sla", domain, [("breached", "=", False)],
                                "service_project_id")

    def _itss_kpi_provider_response_on_time(self, date_from, date_to):
        domain = self._itss_sla_rows(date_from, date_to) & Domain("itss_target", "=", "response")
        return self._itss_share("helpdesk.ticket.sla", domain, [("breached", "=", False)],
                                "service_project_id")

    def _itss_kpi_provider_incident_resolution(self, date_from, date_to):
        domain = self._itss_tickets_reported(date_from, date_to) & Domain("itss_kind", "=", "incident")
        return self._itss_share("helpdesk.ticket", domain, [("closed_date", "!=", False)],
                                "service_project_id")

    def _itss_kpi_provider_incident_mttr(self, date_from, date_to):
        domain = self._itss_in_period("closed_date", date_from, date_to) & Domain("itss_kind", "=", "incident")
        return self._itss_mean("helpdesk.ticket", domain, "itss_resolution_hours", "service_project_id")

    def _itss_kpi_provider_first_dispatch_success(self, date_from, date_to):
        groups = self._itss_grouped(
            "helpdesk.ticket", self._itss_tickets_reported(date_from, date_to), "service_project_id",
            ["returned_dispatch_count:sum", "dispatch_count:sum"])
        return self._itss_level_values(dict(groups.items()), complement=True)

    def _itss_kpi_provider_reopen_rate(self, date_from, date_to):
        domain = self._itss_in_period("closed_date", date_from, date_to)
        return self._itss_share("helpdesk.ticket", domain, [("reopen_count", ">", 0)], "service_project_id")

    def _itss_kpi_provider_return_visit_satisfaction(self, date_from, date_to):
        domain = self._itss_company_domain() & Domain([("date", ">=", date_from), ("date", "<=", date_to)])
        return self._itss_share("itss.return.visit", domain, [("satisfied", "=", True)], "service_project_id")

    def _itss_satisfaction_scores(self, date_from, date_to):
        """Return visits (回访) count in the customer satisfaction with their score (1–5)."""
        scores = super()._itss_satisfaction_scores(date_from, date_to)
        domain = self._itss_company_domain() & Domain([("date", ">=", date_from), ("date", "<=", date_to)])
        for project, score, count in self.env["itss.return.visit"].sudo()._read_group(
                domain, ["service_project_id", "score"], ["__count"]):
            if score:
                self._itss_add_scores(scores, project.id or False, int(score) * count, count)
        return scores

    def _itss_kpi_provider_problem_resolution(self, date_from, date_to):
        domain = self._itss_in_period("date_opened", date_from, date_to)
        return self._itss_share("itss.problem", domain, [("state", "in", ("resolved", "closed"))], "project_id")

    def _itss_kpi_provider_problem_mean_time(self, date_from, date_to):
        domain = self._itss_in_period("date_resolved", date_from, date_to)
        return self._itss_mean("itss.problem", domain, "resolution_days", "project_id")

    def _itss_closed_changes(self, date_from, date_to):
        return self._itss_in_period("closed_at", date_from, date_to) & Domain("state", "=", "closed")

    def _itss_kpi_provider_change_success(self, date_from, date_to):
        domain = self._itss_closed_changes(date_from, date_to) & Domain(
            "result", "in", ("successful", "failed", "rolled_back"))
        return self._itss_share("itss.change.request", domain, [("result", "=", "successful")], "project_id")

    def _itss_kpi_provider_change_unapproved(self, date_from, date_to):
        domain = self._itss_closed_changes(date_from, date_to) & Domain("result", "!=", "cancelled")
        return self._itss_share("itss.change.request", domain, [("approved", "=", False)], "project_id")

    def _itss_kpi_provider_change_emergency(self, date_from, date_to):
        return self._itss_share("itss.change.request", self._itss_closed_changes(date_from, date_to),
                                [("change_type", "=", "emergency")], "project_id")

    def _itss_kpi_provider_change_failed(self, date_from, date_to):
        return self._itss_share("itss.change.request", self._itss_closed_changes(date_from, date_to),
                                [("result", "in", ("failed", "rolled_back"))], "project_id")

    def _itss_kpi_provider_change_cancelled(self, date_from, date_to):
        return self._itss_share("itss.change.request", self._itss_closed_changes(date_from, date_to),
                                [("result", "=", "cancelled")], "project_id")

    def _itss_deployed_releases(self, date_from, date_to):
        return self._itss_company_domain() & Domain([
            ("state", "in", ("deployed", "rolled_back")),
            ("deployed_date", ">=", date_from), ("deployed_date", "<=", date_to)])

    def _itss_kpi_provider_release_success(self, date_from, date_to):
        return self._itss_share("itss.release", self._itss_deployed_releases(date_from, date_to),
                                [("rolled_back", "=", False)], "project_id")

    def _itss_kpi_provider_release_on_time(self, date_from, date_to):
        return self._itss_share("itss.release", self._itss_deployed_releases(date_from, date_to),
                                [("on_time", "=", True)], "project_id")

    def _itss_kpi_provider_ci_accuracy(self, date_from, date_to):
        domain = self._itss_company_domain() & Domain([
            ("state", "=", "closed"), ("date", ">=", date_from), ("date", "<=", date_to)])
        return self._itss_mean("itss.config.audit", domain, "accuracy", "project_id")

    def _itss_kpi_provider_security_on_time(self, date_from, date_to):
        domain = self._itss_in_period("deadline", date_from, date_to)
        return self._itss_share("itss.security.event", domain, [("handled_on_time", "=", True)], "project_id")

    def _itss_kpi_provider_report_on_time(self, date_from, date_to):
        """Reports due in the period (last month's, usually) delivered by their due date."""
        domain = self._itss_company_domain() & Domain([("due_date", ">=", date_from), ("due_date", "<=", date_to)])
        return self._itss_share("itss.service.report", domain, [("on_time", "=", True)], "project_id")
