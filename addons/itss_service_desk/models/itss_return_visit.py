# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssReturnVisit(models.Model):
    """A return visit (回访) to the customer after a ticket is closed: satisfaction and score."""

    _name = "itss.return.visit"
    _description = "Return Visit"
    _order = "date desc, id desc"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    service_project_id = fields.Many2one(related="ticket_id.service_project_id", store=True)
    catalog_service_id = fields.Many2one(related="ticket_id.catalog_service_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    contact_id = fields.Many2one("res.partner")
    user_id = fields.Many2one("res.users", string="Visited By", default=lambda self: self.env.user)
    satisfied = fields.Boolean(default=True)
    score = fields.Selection(
        [("1", "1 - Very Dissatisfied"), ("2", "2 - Dissatisfied"), ("3", "3 - Neutral"),
         ("4", "4 - Satisfied"), ("5", "5 - Very Satisfied")],
        required=True,
        default="5",
    )
    comment = fields.Text()

    @api.constrains("ticket_id")
    def _check_ticket_closed(self):
        for visit in self:
            if not visit.ticket_id.stage_id.closed:
                raise ValidationError(
                    self.env._("The ticket %(ticket)s is not closed yet: return visits come after closure.",
                               ticket=visit.ticket_id.display_name)
                )
