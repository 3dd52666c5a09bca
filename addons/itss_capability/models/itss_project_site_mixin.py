# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssProjectSiteMixin(models.AbstractModel):
    """A record kept at a customer's site: its service project, with the customer and the company
    stored for searching, grouping, the company rules and the customer portal."""

    _name = "itss.project.site.mixin"
    _description = "Service Project Site Record"
    _check_company_auto = True

    project_id = fields.Many2one("itss.service.project", string="Service Project", required=True, index=True,
                                 check_company=True)
    partner_id = fields.Many2one(related="project_id.partner_id", store=True, index=True, string="Customer")
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
