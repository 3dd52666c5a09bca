# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .itss_priority_matrix import PRIORITIES
from .itss_sla_assessment_line import TARGETS


class ItssSlaAssessmentMiss(models.Model):
    """A missed SLA target as the self-assessment found it, copied at build time.

    The SLA row of the ticket may be replaced later (a priority change applies other SLAs): the
    closed month keeps what it found.
    """

    _name = "itss.sla.assessment.miss"
    _description = "SLA Self-assessment Missed Target"
    _inherit = ["itss.sla.assessment.detail.mixin"]
    _order = "assessment_id, reported_at, id"

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
