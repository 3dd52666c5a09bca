# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssSlaAssessmentDetailMixin(models.AbstractModel):
    """A row of a project's monthly SLA self-assessment (its lines and its misses), frozen with the month.

    The assessment itself keeps its conclusion open once the month is closed, so the guard's rule
    "a line is frozen when its parent is wholly frozen" does not apply: the rows follow the month instead.
    """

    _name = "itss.sla.assessment.detail.mixin"
    _description = "SLA Self-assessment Row"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "assessment_id"

    assessment_id = fields.Many2one("itss.sla.assessment", required=True, ondelete="cascade", index=True,
                                    readonly=True)
    company_id = fields.Many2one(related="assessment_id.company_id", store=True, index=True)

    def _itss_locked_fnames(self):
        if self.assessment_id.sudo()._itss_month_closed():
            return ALL_FIELDS
        return super()._itss_locked_fnames()
