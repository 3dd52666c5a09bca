# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Relations along which an outage of the target propagates to the source.
IMPACT_TYPES = ("depends_on", "runs_on")


class ItssCiRelation(models.Model):
    """A relationship (配置项关系) between two configuration items: source <type> target."""

    _name = "itss.ci.relation"
    _description = "Configuration Item Relation"
    _order = "source_id, relation_type, target_id"

    source_id = fields.Many2one("maintenance.equipment", string="Source CI", required=True,
                                ondelete="cascade", index=True)
    relation_type = fields.Selection(
        [("depends_on", "Depends On"), ("runs_on", "Runs On"), ("connected_to", "Connected To")],
        string="Type", required=True, default="depends_on", index=True)
    target_id = fields.Many2one("maintenance.equipment", string="Target CI", required=True,
                                ondelete="cascade", index=True)
    company_id = fields.Many2one(related="source_id.company_id", store=True, index=True)
    note = fields.Char()

    @api.constrains("source_id", "target_id", "relation_type")
    def _check_relation(self):
        for relation in self:
            if relation.source_id == relation.target_id:
                raise ValidationError(self.env._(
                    "A configuration item cannot be related to itself (%(ci)s).", ci=relation.source_id.name))
        groups = self._read_group(
            [("source_id", "in", self.source_id.ids), ("target_id", "in", self.target_id.ids)],
            ["source_id", "relation_type", "target_id"], ["__count"])
        for source, _relation_type, target, count in groups:
            if count > 1:
                raise ValidationError(self.env._(
                    "The relation %(source_ci)s → %(target_ci)s already exists.",
                    source_ci=source.name, target_ci=target.name))
