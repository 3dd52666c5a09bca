# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from .itss_ci_relation import IMPACT_TYPES


class MaintenanceEquipment(models.Model):
    """Equipment as a configuration item (配置项) of the CMDB."""

    _inherit = "maintenance.equipment"

    ci_type_id = fields.Many2one("itss.ci.type", string="CI Type", index=True, tracking=True)
    customer_id = fields.Many2one("res.partner", index=True, tracking=True,
                                  check_company=True)
    project_id = fields.Many2one("itss.service.project", string="Service Project", index=True,
                                 tracking=True, check_company=True)
    ci_location = fields.Char(string="CI Location", tracking=True)
    ci_attribute_ids = fields.One2many("itss.ci.attribute", "equipment_id", string="Attributes")
    ci_relation_ids = fields.One2many("itss.ci.relation", "source_id", string="Relations")
    ci_relation_in_ids = fields.One2many("itss.ci.relation", "target_id", string="Incoming Relations")
    site_document_ids = fields.Many2many(
        "itss.site.document", "itss_site_document_equipment_rel", "equipment_id", "document_id",
        string="Site Documents")
    site_document_count = fields.Integer(compute="_compute_site_document_count", string="Documents")

    def _compute_site_document_count(self):
        counts = self.env["itss.site.document"]._itss_counts("equipment_ids", self)
        for equipment in self:
            equipment.site_document_count = counts.get(equipment, 0)

    def action_view_site_documents(self):
        self.ensure_one()
        return self.env["itss.site.document"]._itss_open(
            [("equipment_ids", "in", self.ids)],
            {"default_equipment_ids": self.ids, "default_project_id": self.project_id.id})

    def _impacted_cis(self):
        """Every CI that depends on or runs on these CIs, directly or transitively.

        One grouped read per level of the graph, whatever the number of CIs.
        """
        Relation = self.env["itss.ci.relation"]
        seen = set(self.ids)
        frontier = set(self.ids)
        impacted = set()
        while frontier:
            groups = Relation._read_group(
                [("target_id", "in", list(frontier)), ("relation_type", "in", IMPACT_TYPES)],
                ["source_id"], [])
            frontier = {source.id for (source,) in groups} - seen
            seen |= frontier
            impacted |= frontier
        return self.browse(sorted(impacted))

    def action_view_impact(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Impact of %(ci)s", ci=self.name),
            "res_model": "maintenance.equipment",
            "view_mode": "list,form",
            "domain": [("id", "in", self._impacted_cis().ids)],
        }

    @api.onchange("project_id")
    def _onchange_project_id(self):
        """The customer follows the service project."""
        for equipment in self.filtered("project_id"):
            equipment.customer_id = equipment.project_id.partner_id
