# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

# Maintenance users without an ITSS role keep the plain equipment form.
ITSS_READERS = "itss_capability.group_itss_user,itss_capability.group_itss_qa,itss_capability.group_itss_executive"


class MaintenanceEquipment(models.Model):
    _inherit = "maintenance.equipment"

    itss_spare_request_ids = fields.One2many(
        "itss.spare.request", "equipment_id", string="Spare History", groups=ITSS_READERS,
    )
    itss_spare_part_ids = fields.One2many(
        "itss.onsite.visit.part", "equipment_id", string="Parts Installed", groups=ITSS_READERS,
    )
    itss_spare_request_count = fields.Integer(
        compute="_compute_itss_spare_request_count", string="Spare Request Count", groups=ITSS_READERS,
    )

    def _compute_itss_spare_request_count(self):
        counts = self.env["itss.spare.request"]._itss_count_by("equipment_id", self)
        for equipment in self:
            equipment.itss_spare_request_count = counts[equipment]

    def _itss_compatible_spares(self):
        """Spare templates fitting these CIs (by CI category); all spares when none is classified."""
        Template = self.env["product.template"]
        categories = self.sudo().category_id
        domain = [("itss_is_spare", "=", True)]
        if categories:
            domain.append(("itss_equipment_category_ids", "in", categories.ids))
        return Template.search(domain)

    def action_itss_find_spares(self):
        """Find spares: compatible parts, where they are and how to get each."""
        self.ensure_one()
        return self.env["itss.spare.availability"]._itss_find_action(
            self, self.project_id, {"default_equipment_id": self.id})

    def action_itss_view_spare_requests(self):
        self.ensure_one()
        return self.env["itss.spare.request"]._itss_action_for("equipment_id", self)
