# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .itss_priority_matrix import PRIORITIES

TARGETS = [("response", "First Response"), ("resolution", "Resolution")]


class ItssSlaAssessmentLine(models.Model):
    """One priority and target kind of a project's monthly SLA self-assessment."""

    _name = "itss.sla.assessment.line"
    _description = "SLA Self-assessment Line"
    _inherit = ["itss.sla.assessment.detail.mixin"]
    _order = "assessment_id, priority, target"

    priority = fields.Selection(PRIORITIES, readonly=True)
    target = fields.Selection(TARGETS, required=True, readonly=True)
    total_count = fields.Integer(string="Finished", readonly=True)
    missed_count = fields.Integer(string="Missed", readonly=True)
    achieved_rate = fields.Float(string="Achieved (%)", digits=(16, 2), aggregator="avg", readonly=True)
