# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.fields import Domain
from odoo.tools import SQL

PROVIDERS = [
    ("spare_availability", "Spare availability: spares found good / spares checked in spot checks (Spares)"),
    ("spare_fulfilment", "Spare fulfilment: requests issued by the agreed time / requests (Spares)"),
    ("spare_a_stockout", "Stock-outs of A-critical spares in the libraries (Spares)"),
    ("spare_request_to_site", "Mean hours from spare request to installation on site (Spares)"),
    ("spare_turnover", "Spare turnover: consumption value / average own stock value (Spares)"),
]


class ItssKpi(models.Model):
    """KPI providers of the spare library, each one grouped read or one SQL query for all projects."""

    _inherit = "itss.kpi"

    provider = fields.Selection(
        selection_add=PROVIDERS, ondelete={code: "set null" for code, _label in PROVIDERS}
    )

    def _itss_kpi_company(self):
        return self.company_id or self.env.company

    def _itss_kpi_provider_spare_availability(self, date_from, date_to):
        """Good / checked (%) over the lines of the spot checks closed with a date in the period;
        project level: the checks of the site pools of each project."""
        company = self._itss_kpi_company()
        groups = self.env["itss.spare.check"].sudo()._read_group(
            [("company_id", "=", company.id), ("state", "=", "done"),
             ("date", ">=", date_from), ("date", "<=", date_to)],
            ["project_id"], ["good_count:sum", "checked_count:sum"])
        return self._itss_level_values({project.id or False: (good, checked) for project, good, checked in groups})

    def _itss_spare_request_query(self, domain):
        Request = self.env["itss.spare.request"].sudo()
        Request.flush_model()
        return Request._search(Domain("company_id", "=", self._itss_kpi_company().id) & Domain(domain))

    def _itss_kpi_provider_spare_fulfilment(self, date_from, date_to):
        """Requests of the period (requested in it, not draft or cancelled) issued by their agreed
        delivery time / those requests (%); a request without an agreed time counts when issued."""
        start, end = self._itss_kpi_company()._itss_utc_bounds(date_from, date_to)
        query = self._itss_spare_request_query([
            ("request_date", ">=", start), ("request_date", "<", end),
            ("state", "not in", ("draft", "cancelled")),
        ])
        self.env.cr.execute(SQL(
            """SELECT itss_spare_request.project_id,
                      COUNT(*) FILTER (WHERE itss_spare_request.issue_date IS NOT NULL AND (
                          itss_spare_request.target_date IS NULL
                          OR itss_spare_request.issue_date <= itss_spare_request.target_date)),
                      COUNT(*)
                 FROM %s WHERE %s GROUP BY itss_spare_request.project_id""",
            query.from_clause, query.where_clause))
        return self._itss_level_values({project or False: (part, whole)
                                        for project, part, whole in self.env.cr.fetchall()})

    def _itss_kpi_provider_spare_request_to_site(self, date_from, date_to):
        """Mean hours from the request to the installation on site, of the requests installed in the period."""
        start, end = self._itss_kpi_company()._itss_utc_bounds(date_from, date_to)
        query = self._itss_spare_request_query([
            ("install_date", ">=", start), ("install_date", "<", end), ("state", "!=", "cancelled")])
        self.env.cr.execute(SQL(
            """SELECT itss_spare_request.project_id,
                      SUM(EXTRACT(EPOCH FROM itss_spare_request.install_date - itss_spare_request.request_date))
                          / 3600.0,
                      COUNT(*)
                 FROM %s WHERE %s GROUP BY itss_spare_request.project_id""",
            query.from_clause, query.where_clause))
        pairs = {project or False: (total, count) for project, total, count in self.env.cr.fetchall()}
        if self.level != "project":
            count = sum(c for _t, c in pairs.values())
            return {False: round(sum(t for t, _c in pairs.values()) / count, 2)} if count else {}
        return {key: round(total / count, 2) for key, (total, count) in pairs.items() if key and count}

    def _itss_kpi_provider_spare_a_stockout(self, date_from, date_to):
        """Stock-out events of A-critical spares in the period, from the move history (not a snapshot):
        a spare's usable stock in a library dropping to zero, or still at zero when the period starts."""
        Figures = self.env["itss.spare.stock.figures"]
        events = Figures._group_by_project(Figures._stockouts(self._itss_kpi_company(), date_from, date_to))
        if self.level != "project":
            return {False: sum(events.values())}
        return {project: count for project, count in events.items() if project}

    def _itss_kpi_provider_spare_turnover(self, date_from, date_to):
        """Value of the own spares consumed in the period / average value of the own usable stock (at cost)."""
        turnover = self.env["itss.spare.stock.figures"]._turnover(self._itss_kpi_company(), date_from, date_to)
        return {} if turnover is None else {False: round(turnover, 2)}
