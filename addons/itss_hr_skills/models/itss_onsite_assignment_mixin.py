# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssOnsiteAssignmentMixin(models.AbstractModel):
    """A record of one on-site assignment (a shift, a feedback...): the assignment and what it gives,
    stored for searching, grouping and record rules (engineer's own records, company)."""

    _name = "itss.onsite.assignment.mixin"
    _description = "On-site Assignment Record"
    _check_company_auto = True

    assignment_id = fields.Many2one("itss.onsite.assignment", string="On-site Assignment", required=True,
                                    index=True, check_company=True, ondelete="restrict")
    employee_id = fields.Many2one(related="assignment_id.employee_id", store=True, index=True, string="Engineer")
    user_id = fields.Many2one(related="assignment_id.employee_id.user_id", store=True, string="User")
    project_id = fields.Many2one(related="assignment_id.project_id", store=True, index=True)
    partner_id = fields.Many2one(related="assignment_id.partner_id", store=True, index=True, string="Customer")
    company_id = fields.Many2one(related="assignment_id.company_id", store=True, index=True)
