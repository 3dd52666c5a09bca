# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

LIBRARY_TYPES = [("central", "Central Library"), ("regional", "Regional Library"), ("site_pool", "Site Pool")]
# Warehouse location fields the spare library adds, created by Odoo's own warehouse location
# mechanism (_get_locations_values / _create_missing_locations): no XML records to uninstall.
LIBRARY_LOCATIONS = ("itss_faulty_location_id", "itss_quarantine_location_id")


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    itss_library_type = fields.Selection(LIBRARY_TYPES, string="Spare Library Type", index=True)
    itss_keeper_id = fields.Many2one(
        "res.users", string="Spare Keeper", domain="[('share', '=', False)]",
    )
    itss_project_id = fields.Many2one(
        "itss.service.project", string="Service Project", check_company=True,
        help="The service project whose customer site this pool is stationed at.",
    )
    itss_faulty_location_id = fields.Many2one(
        "stock.location", string="Faulty Parts Location", check_company=True, ondelete="set null",
        domain="[('usage', '=', 'internal'), ('company_id', '=', company_id)]",
    )
    itss_quarantine_location_id = fields.Many2one(
        "stock.location", string="Quarantine Location", check_company=True, ondelete="set null",
        domain="[('usage', '=', 'internal'), ('company_id', '=', company_id)]",
    )

    def _get_locations_values(self, vals, code=False):
        sub_locations = super()._get_locations_values(vals, code=code)
        code = (vals.get("code") or code or "").replace(" ", "").upper()
        company_id = vals.get("company_id", self.default_get(["company_id"])["company_id"])
        library = vals.get("itss_library_type", self[:1].itss_library_type if self else False)
        sub_locations.update({
            "itss_faulty_location_id": {
                "name": self.env._("Faulty"),
                "active": bool(library),
                "usage": "internal",
                "barcode": self._valid_barcode(code + "FAULTY", company_id),
            },
            "itss_quarantine_location_id": {
                "name": self.env._("Quarantine"),
                "active": bool(library),
                "usage": "internal",
                "barcode": self._valid_barcode(code + "QUARANTINE", company_id),
            },
        })
        return sub_locations

    def write(self, vals):
        res = super().write(vals)
        if "itss_library_type" in vals:
            for warehouse in self.with_context(active_test=False):
                locations = warehouse.itss_faulty_location_id | warehouse.itss_quarantine_location_id
                locations.filtered(lambda loc, active=bool(vals["itss_library_type"]): loc.active != active).write(
                    {"active": bool(vals["itss_library_type"])})
        return res
