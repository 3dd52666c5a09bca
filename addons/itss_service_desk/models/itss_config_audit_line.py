# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssConfigAuditLine(models.Model):
    """A sampled configuration item of a configuration audit: does the record match reality?"""

    _name = "itss.config.audit.line"
    _description = "Configuration Audit Line"
    _order = "audit_id, id"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "audit_id"

    audit_id = fields.Many2one("itss.config.audit", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="audit_id.company_id", store=True, index=True)
    equipment_id = fields.Many2one("maintenance.equipment", string="Configuration Item", required=True,
                                   index=True)
    matches = fields.Boolean(help="The CMDB record matches what the auditor found.")
    note = fields.Char()

    _audit_ci_unique = models.Constraint("UNIQUE(audit_id, equipment_id)",
                                         "A configuration item is sampled once per audit.")
