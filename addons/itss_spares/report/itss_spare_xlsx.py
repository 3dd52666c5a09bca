# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ItssSpareInventoryXlsx(models.AbstractModel):
    """XLSX of the spare inventory by library, criticality and owner (own stock valued, consignment not)."""

    _name = "report.itss_spares.spare_inventory_xlsx"
    _inherit = "itss.xlsx.report"
    _description = "Spare Inventory XLSX"

    def generate_xlsx_report(self, workbook, data, wizards):
        formats = self._formats(workbook)
        env = self.env
        rows = []
        for row in wizards[:1]._inventory_rows():
            rows.append([
                row.warehouse_id.name, self._selection_label(row, "library_type"), row.location_id.display_name,
                self._selection_label(row, "criticality"), row.spare_category_id.name or "",
                row.product_id.display_name, row.lot_id.name or "", row.owner_id.name or env._("Own stock"),
                self._selection_label(row, "condition"), row.quantity, row.reserved_quantity, row.value,
            ])
        self._sheet(workbook, env._("Spare Inventory"), [
            env._("Spare Library"), env._("Library Type"), env._("Location"), env._("Criticality"),
            env._("Spare Category"), env._("Spare"), env._("Serial / Lot"), env._("Owner"), env._("Condition"),
            env._("Quantity"), env._("Reserved"), env._("Own Value"),
        ], rows, formats, wide_column=5)


class ItssSpareLedgerXlsx(models.AbstractModel):
    """XLSX of the in/out ledger (出入库台账) of a period, read from Odoo's done move lines."""

    _name = "report.itss_spares.spare_ledger_xlsx"
    _inherit = "itss.xlsx.report"
    _description = "Spare In/Out Ledger XLSX"

    def generate_xlsx_report(self, workbook, data, wizards):
        formats = self._formats(workbook)
        env = self.env
        wizard = wizards[:1]
        company = wizard.company_id
        views = wizard._libraries().view_location_id
        rows = []
        for line in wizard._ledger_lines():
            incoming = any(line.location_dest_id.parent_path.startswith(view.parent_path) for view in views)
            outgoing = any(line.location_id.parent_path.startswith(view.parent_path) for view in views)
            direction = env._("Transfer") if incoming and outgoing else env._("In") if incoming else env._("Out")
            rows.append([
                company._itss_local_date(line.date), line.reference or line.picking_id.name or "", direction,
                line.product_id.display_name, self._selection_label(line.product_id, "itss_criticality"),
                line.lot_id.name or "", line.quantity_product_uom, line.product_id.uom_id.name,
                line.location_id.display_name, line.location_dest_id.display_name,
                line.owner_id.name or env._("Own stock"), line.picking_id.partner_id.name or "",
            ])
        self._sheet(workbook, env._("In-Out Ledger"), [
            env._("Date"), env._("Reference"), env._("Direction"), env._("Spare"), env._("Criticality"),
            env._("Serial / Lot"), env._("Quantity"), env._("Unit"), env._("From"), env._("To"), env._("Owner"),
            env._("Partner"),
        ], rows, formats, wide_column=3)
