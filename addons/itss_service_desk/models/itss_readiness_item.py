# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models

# Problem states once a problem's cause is removed.
RESOLVED_PROBLEM_STATES = ("resolved", "closed")
# Release states once a release went to production (a rolled back release was deployed first).
DEPLOYED_RELEASE_STATES = ("deployed", "rolled_back")
# Security event states once the event is dealt with.
HANDLED_EVENT_STATES = ("handled", "closed")


class ItssReadinessItem(models.Model):
    """Readiness rules of the service desk, knowledge, documents and the eight processes (clauses 7.3,
    7.5, 8.3, 9.2-9.9); months with tickets count as running months."""

    _inherit = "itss.readiness.item"
    # Literal domains go by keyword after a translated label: given by position, their first string
    # would be extracted as a term of the .pot.

    @api.model
    def _itss_ticket_domain(self, company, date_from, date_to):
        return [("company_id", "=", company.id),
                *self._itss_datetime_domain("itss_reported_at", company, date_from, date_to)]

    @api.model
    def _itss_datetime_months(self, model, domain, fname, company):
        """First days of the months, in the company's time zone, of the records' datetime ``fname``."""
        groups = self.env[model].sudo().with_context(tz=company._itss_tz().key)._read_group(
            domain, [f"{fname}:month"])
        return {month.date() if hasattr(month, "date") else month for (month,) in groups}

    @api.model
    def _itss_readiness_running_months(self, company, date_from, date_to):
        return super()._itss_readiness_running_months(company, date_from, date_to) | self._itss_datetime_months(
            "helpdesk.ticket", self._itss_ticket_domain(company, date_from, date_to), "itss_reported_at", company)

    def _itss_ticket_month_part(self, label, domain, company, need=None):
        months = self._itss_datetime_months("helpdesk.ticket", domain, "itss_reported_at", company)
        return self._itss_part(label, "helpdesk.ticket", domain, need=need, count=len(months))

    @staticmethod
    def _itss_best_part(*parts):
        """The best of alternative parts, when any one kind of record is enough evidence."""
        return max(parts, key=lambda part: (part["ratio"], part["count"]))

    def _itss_readiness_rule_service_desk(self, company, date_from, date_to):
        tickets = self._itss_ticket_domain(company, date_from, date_to)
        return [self._itss_ticket_month_part(self.env._("Months with tickets"), tickets, company)]

    def _itss_readiness_rule_knowledge_base(self, company, date_from, date_to):
        published = [("company_id", "=", company.id), ("state", "=", "published"), ("approved_date", "<=", date_to)]
        return [
            self._itss_part(self.env._("Approved knowledge articles"), "itss.knowledge.article", published),
            self._itss_part(
                self.env._("Knowledge articles approved or reviewed in the year"), "itss.knowledge.article",
                [*published, ("approved_date", ">=", date_from)], need=1),
        ]

    def _itss_readiness_rule_technical_documents(self, company, date_from, date_to):
        return [
            self._itss_part(
                self.env._("Inspections done in the year"), "itss.inspection",
                domain=[("company_id", "=", company.id), ("state", "=", "done"),
                        ("date", ">=", date_from), ("date", "<=", date_to)], need=1),
            self._itss_best_part(
                self._itss_part(
                    self.env._("Published diagnosis and solution articles from problems"),
                    "itss.knowledge.article",
                    domain=[("company_id", "=", company.id), ("state", "=", "published"),
                            ("approved_date", "<=", date_to), ("problem_id", "!=", False)]),
                self._itss_part(
                    self.env._("Technical documents collected on the sites"), "itss.site.document",
                    domain=[("company_id", "=", company.id), ("kind", "=", "technical"), ("date", "<=", date_to)]),
            ),
        ]

    def _itss_readiness_rule_sla(self, company, date_from, date_to):
        return [
            self._itss_part(
                self.env._("Service level agreements with a quantified target"), "helpdesk.sla",
                domain=[("company_id", "in", [company.id, False]), ("active", "=", True),
                        "|", ("team_ids.company_id", "=", company.id),
                        ("catalog_service_id.company_id", "=", company.id),
                        "|", ("days", ">", 0), ("hours", ">", 0)], need=1),
            self._itss_part_periods(
                self.env._("Months with a closed SLA self-assessment"), "itss.sla.assessment",
                domain=[("company_id", "=", company.id), ("state", "=", "closed"),
                        ("date_from", ">=", date_from), ("date_from", "<=", date_to)],
                date_field="date_from", granularity="month"),
        ]

    def _itss_readiness_reports_sla(self, company, date_from, date_to):
        services = self.env["itss.catalog.service"].sudo().search(
            [("company_id", "=", company.id), ("state", "=", "published")])
        return [("itss_service_desk.itss_catalog_service_pdf_action", services)]

    def _itss_service_report_domain(self, company, date_from, date_to):
        return [("company_id", "=", company.id), ("state", "=", "delivered"),
                ("delivered_at", ">=", date_from), ("delivered_at", "<=", date_to)]

    def _itss_readiness_rule_service_report(self, company, date_from, date_to):
        delivered = self._itss_service_report_domain(company, date_from, date_to)
        total = self.env["itss.service.report"].sudo().search_count(delivered)
        return [
            self._itss_part(self.env._("Service reports delivered in the year"), "itss.service.report", delivered),
            self._itss_part(
                self.env._("Service reports delivered on time"), "itss.service.report",
                [*delivered, ("on_time", "=", True)], need=max(1, total)),
        ]

    def _itss_readiness_reports_service_report(self, company, date_from, date_to):
        reports = self.env["itss.service.report"].sudo().search(
            self._itss_service_report_domain(company, date_from, date_to), order="date_from, project_id, id")
        return [("itss_service_desk.itss_service_report_pdf_action", reports),
                ("itss_service_desk.itss_service_report_xlsx_action", reports)]

    def _itss_readiness_rule_incident(self, company, date_from, date_to):
        incidents = [*self._itss_ticket_domain(company, date_from, date_to), ("itss_kind", "=", "incident")]
        return [
            self._itss_ticket_month_part(self.env._("Months with incident records"), incidents, company),
            self._itss_part(
                self.env._("Return visits to customers"), "itss.return.visit",
                domain=[("company_id", "=", company.id), ("date", ">=", date_from), ("date", "<=", date_to)], need=3),
        ]

    def _itss_readiness_rule_problem(self, company, date_from, date_to):
        resolved = [("company_id", "=", company.id), ("state", "in", RESOLVED_PROBLEM_STATES),
                    *self._itss_datetime_domain("date_resolved", company, date_from, date_to)]
        total = self.env["itss.problem"].sudo().search_count(resolved)
        return [
            self._itss_part(self.env._("Problems resolved in the year"), "itss.problem", resolved),
            self._itss_part(
                self.env._("Resolved problems with a knowledge article"), "itss.problem",
                [*resolved, ("article_ids", "!=", False)], need=max(1, total)),
        ]

    def _itss_readiness_rule_configuration(self, company, date_from, date_to):
        return [
            self._itss_part(
                self.env._("Configuration items in the CMDB"), "maintenance.equipment",
                domain=[("company_id", "=", company.id), ("ci_type_id", "!=", False)], need=1),
            self._itss_part(
                self.env._("Configuration audits closed in the year"), "itss.config.audit",
                domain=[("company_id", "=", company.id), ("state", "=", "closed"),
                        ("date", ">=", date_from), ("date", "<=", date_to)]),
        ]

    def _itss_readiness_rule_change(self, company, date_from, date_to):
        closed = [("company_id", "=", company.id), ("state", "=", "closed"),
                  *self._itss_datetime_domain("closed_at", company, date_from, date_to)]
        total = self.env["itss.change.request"].sudo().search_count(closed)
        return [
            self._itss_part(self.env._("Changes closed in the year"), "itss.change.request", closed),
            self._itss_part(
                self.env._("Closed changes approved before implementation"), "itss.change.request",
                [*closed, ("approval_date", "!=", False)], need=max(1, total)),
        ]

    def _itss_readiness_rule_release(self, company, date_from, date_to):
        deployed = [("company_id", "=", company.id), ("state", "in", DEPLOYED_RELEASE_STATES),
                    ("deployed_date", ">=", date_from), ("deployed_date", "<=", date_to)]
        total = self.env["itss.release"].sudo().search_count(deployed)
        return [
            self._itss_part(
                self.env._("Releases deployed in the year with a rollback plan"), "itss.release",
                [*deployed, ("rollback_plan", "!=", False)]),
            self._itss_part(
                self.env._("Releases deployed on their planned date"), "itss.release",
                [*deployed, ("on_time", "=", True)], need=max(1, total)),
        ]

    def _itss_readiness_rule_information_security(self, company, date_from, date_to):
        handled = [("company_id", "=", company.id), ("state", "in", HANDLED_EVENT_STATES),
                   *self._itss_datetime_domain("handled_at", company, date_from, date_to)]
        total = self.env["itss.security.event"].sudo().search_count(handled)
        return [
            self._itss_part(self.env._("Security events handled in the year"), "itss.security.event", handled),
            self._itss_part(
                self.env._("Security events handled within their deadline"), "itss.security.event",
                [*handled, ("handled_on_time", "=", True)], need=max(1, total)),
        ]
