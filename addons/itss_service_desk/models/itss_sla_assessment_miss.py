# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

from .itss_priority_matrix import PRIORITIES
from .itss_sla_assessment_line import TARGETS


class ItssSlaAssessmentMiss(models.Model):
    """A missed SLA target as the self-assessment found it, copied at build time.

    The SLA row of the ticket may be replaced later (a priority change applies other SLAs): the
    closed month keeps what it found.
    """

    _name = "itss.sla.assessment.miss"
    _description = "SLA Self-assessment Missed Target"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "assessment_id"
    _order = "assessment_id, reported_at, id"

    assessment_id = fields.Many2one("itss.sla.assessment", required=True, ondelete="cascade", index=True,
                                    readonly=True)
    company_id = fields.Many2one(related="assessment_id.company_id", store=True, index=True)
    ticket_id = fields.Many2one("helpdesk.ticket", ondelete="set null", index=True, readonly=True)
    ticket_ref = fields.Char(string="Ticket Reference", readonly=True)
    sla_id = fields.Many2one("helpdesk.sla", string="SLA", ondelete="set null", readonly=True)
    name = fields.Char(string="Target Name", readonly=True)
    target = fields.Selection(TARGETS, readonly=True)
    priority = fields.Selection(PRIORITIES, readonly=True)
    reported_at = fields.Datetime(readonly=True)
    deadline = fields.Datetime(readonly=True)
    reached_at = fields.Datetime(string="Met At", readonly=True)
    state = fields.Selection(
        [("accomplished", "Accomplished"), ("in_progress", "In Progress"), ("expired", "Expired"),
         ("on_hold", "In Hold")], readonly=True)

    def _itss_locked_fnames(self):
        if self.assessment_id.sudo()._itss_month_closed():
            return ALL_FIELDS
        return super()._itss_locked_fnames()
