# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .itss_priority_matrix import PRIORITIES


class ItssSlaAssessmentLine(models.Model):
    """One priority and target kind of a project's monthly SLA self-assessment."""

    _name = "itss.sla.assessment.line"
    _description = "SLA Self-assessment Line"
    _order = "assessment_id, priority, target"

    assessment_id = fields.Many2one("itss.sla.assessment", required=True, ondelete="cascade", index=True)
    priority = fields.Selection(PRIORITIES)
    target = fields.Selection([("response", "First Response"), ("resolution", "Resolution")], required=True)
    total_count = fields.Integer(string="Finished")
    missed_count = fields.Integer(string="Missed")
    achieved_rate = fields.Float(string="Achieved (%)", digits=(16, 2), aggregator="avg")
