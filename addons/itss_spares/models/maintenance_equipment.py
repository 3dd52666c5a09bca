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
        counts = dict(self.env["itss.spare.request"]._read_group(
            [("equipment_id", "in", self.ids)], ["equipment_id"], ["__count"]))
        for equipment in self:
            equipment.itss_spare_request_count = counts.get(equipment, 0)

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
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Spare Requests"),
            "res_model": "itss.spare.request",
            "view_mode": "list,form",
            "domain": [("equipment_id", "=", self.id)],
            "context": {"default_equipment_id": self.id},
        }
