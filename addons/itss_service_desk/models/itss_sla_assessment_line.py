# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

from .itss_priority_matrix import PRIORITIES

TARGETS = [("response", "First Response"), ("resolution", "Resolution")]


class ItssSlaAssessmentLine(models.Model):
    """One priority and target kind of a project's monthly SLA self-assessment."""

    _name = "itss.sla.assessment.line"
    _description = "SLA Self-assessment Line"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "assessment_id"
    _order = "assessment_id, priority, target"

    assessment_id = fields.Many2one("itss.sla.assessment", required=True, ondelete="cascade", index=True,
                                    readonly=True)
    company_id = fields.Many2one(related="assessment_id.company_id", store=True, index=True)
    priority = fields.Selection(PRIORITIES, readonly=True)
    target = fields.Selection(TARGETS, required=True, readonly=True)
    total_count = fields.Integer(string="Finished", readonly=True)
    missed_count = fields.Integer(string="Missed", readonly=True)
    achieved_rate = fields.Float(string="Achieved (%)", digits=(16, 2), aggregator="avg", readonly=True)

    def _itss_locked_fnames(self):
        if self.assessment_id.sudo()._itss_month_closed():
            return ALL_FIELDS
        return super()._itss_locked_fnames()

