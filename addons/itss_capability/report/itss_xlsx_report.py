# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ItssXlsxReport(models.AbstractModel):
    """What the suite's XLSX exports share: cell formats, one sheet per table, selection labels."""

    _name = "itss.xlsx.report"
    _inherit = "report.report_xlsx.abstract"
    _description = "ITSS XLSX Export"

    def _formats(self, workbook):
        """Formats by the Python type of a cell's value, plus the header's."""
        return {
            "header": workbook.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
            "float": workbook.add_format({"num_format": "0.00"}),
        }

    def _selection_label(self, record, field_name):
        return dict(record._fields[field_name]._description_selection(self.env)).get(record[field_name], "")

    def _sheet(self, workbook, title, headers, rows, formats, wide_column=0):
        """A sheet with a frozen header row; ``wide_column`` holds the long texts."""
        sheet = workbook.add_worksheet(title[:31])
        sheet.freeze_panes(1, 0)
        for col, header in enumerate(headers):
            sheet.write(0, col, header, formats["header"])
            sheet.set_column(col, col, 36 if col == wide_column else 15)
        for row_index, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                sheet.write(row_index, col, "" if value is None or value is False else value,
                            formats.get(type(value).__name__))
        return sheet
