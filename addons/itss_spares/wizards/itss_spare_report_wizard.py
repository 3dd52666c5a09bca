# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain


class ItssSpareReportWizard(models.TransientModel):
    """Choose the period and libraries of the spare reports: inventory and in/out ledger (XLSX), and the
    yearly spare library report for the assessor (PDF)."""

    _name = "itss.spare.report.wizard"
    _description = "Spare Library Reports"
    _check_company_auto = True

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    year = fields.Integer(required=True, default=lambda self: self.env.company._itss_today().year)
    date_from = fields.Date(required=True, default=lambda self: self.env.company._itss_today().replace(day=1))
    date_to = fields.Date(required=True, default=lambda self: self.env.company._itss_today())
    warehouse_ids = fields.Many2many(
        "stock.warehouse", string="Spare Libraries", check_company=True,
        domain="[('itss_library_type', '!=', False), ('company_id', '=', company_id)]",
        help="Empty: every spare library of the company.")

    @api.onchange("year")
    def _onchange_year(self):
        if self.year and 2000 <= self.year <= 2100:
            self.date_from, self.date_to = date(self.year, 1, 1), date(self.year, 12, 31)

    def _libraries(self):
        return self.warehouse_ids or self.env["itss.spare.stock.figures"]._library_warehouses(self.company_id)

    def _check_period(self):
        if self.date_from > self.date_to:
            raise UserError(self.env._("The period ends before it starts."))

    def action_inventory_xlsx(self):
        self.ensure_one()
        return self.env.ref("itss_spares.itss_spare_inventory_xlsx_action").report_action(self)

    def action_ledger_xlsx(self):
        self.ensure_one()
        self._check_period()
        return self.env.ref("itss_spares.itss_spare_ledger_xlsx_action").report_action(self)

    def action_library_report(self):
        self.ensure_one()
        return self.env.ref("itss_spares.itss_spare_library_report_action").report_action(self)

    def _inventory_rows(self):
        """The overview rows (quants) of the chosen libraries, grouped by library, criticality, owner."""
        return self.env["itss.spare.stock.overview"].search(
            [("warehouse_id", "in", self._libraries().ids)],
            order="warehouse_id, criticality, owner_id, product_id, lot_id")

    def _ledger_lines(self):
        """Done move lines of the period into or out of the chosen libraries (Odoo's own ledger)."""
        self._check_period()
        start, end = self.company_id._itss_utc_bounds(self.date_from, self.date_to)
        views = self._libraries().view_location_id.ids
        return self.env["stock.move.line"].search(Domain([
            ("state", "=", "done"), ("company_id", "=", self.company_id.id),
            ("product_id.itss_is_spare", "=", True),
            ("date", ">=", start), ("date", "<", end),
        ]) & (Domain("location_id", "child_of", views) | Domain("location_dest_id", "child_of", views)),
            order="date, id")

    def _library_report_data(self):
        """Every figure of the yearly spare library report, each one grouped read."""
        self.ensure_one()
        company = self.company_id
        year_from, year_to = date(self.year, 1, 1), date(self.year, 12, 31)
        start, end = company._itss_utc_bounds(year_from, year_to)
        libraries = self._libraries()
        Overview = self.env["itss.spare.stock.overview"]
        stock = {
            warehouse: (quantity, value)
            for warehouse, quantity, value in Overview._read_group(
                [("warehouse_id", "in", libraries.ids)], ["warehouse_id"], ["quantity:sum", "value:sum"])
        }
        consignment = dict(Overview._read_group(
            [("warehouse_id", "in", libraries.ids), ("is_own", "=", False)], ["warehouse_id"], ["quantity:sum"]))
        checks = self.env["itss.spare.check"].search(
            [("company_id", "=", company.id), ("state", "=", "done"),
             ("date", ">=", year_from), ("date", "<=", year_to)], order="date")
        request_states = dict(self.env["itss.spare.request"]._read_group(
            [("company_id", "=", company.id), ("request_date", ">=", start), ("request_date", "<", end)],
            ["state"], ["__count"]))
        state_labels = dict(self.env["itss.spare.request"]._fields["state"]._description_selection(self.env))
        kpis = self.env["itss.kpi"].search(
            [("provider", "like", "spare_"), ("company_id", "in", [company.id, False])])
        kpi_rows = []
        for kpi in kpis:
            # The organization's figure of the year, whatever level the KPI is measured at.
            organization = kpi.new({"provider": kpi.provider, "level": "organization", "company_id": company.id})
            values = getattr(organization, f"_itss_kpi_provider_{kpi.provider}")(year_from, year_to)
            kpi_rows.append({"kpi": kpi, "value": values.get(False)})
        return {
            "company": company,
            "year": self.year,
            "libraries": [{"warehouse": warehouse, "quantity": stock.get(warehouse, (0, 0))[0],
                           "value": stock.get(warehouse, (0, 0))[1],
                           "consignment": consignment.get(warehouse, 0.0)} for warehouse in libraries],
            "own_value": sum(value for _quantity, value in stock.values()),
            "checks": checks,
            "checked": sum(checks.mapped("checked_count")),
            "good": sum(checks.mapped("good_count")),
            "requests": [(state_labels.get(state, state), count) for state, count in request_states.items()],
            "request_total": sum(request_states.values()),
            "kpis": kpi_rows,
            "plans": self.env["itss.spare.purchase.plan"].search(
                [("company_id", "=", company.id), ("year", "in", (self.year, self.year + 1))]),
            "evaluations": self.env["itss.spare.supplier.evaluation"].search(
                [("company_id", "=", company.id), ("year", "=", self.year)]),
        }
