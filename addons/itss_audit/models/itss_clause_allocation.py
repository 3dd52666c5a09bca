# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssClauseAllocation(models.Model):
    """One cell of the 标准要求及职能分配表: a department leads (主责) or takes part (参与) in a clause."""

    _name = "itss.clause.allocation"
    _description = "Standard Requirement Allocation"
    _order = "clause_sequence, clause_id, responsibility, department_id"
    _check_company_auto = True

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    clause_id = fields.Many2one("itss.standard.clause", required=True, index=True, ondelete="cascade",
                                domain=[("parent_id", "!=", False)])
    clause_sequence = fields.Integer(related="clause_id.sequence", store=True)
    edition = fields.Selection(related="clause_id.edition", store=True)
    department_id = fields.Many2one("hr.department", required=True, index=True, check_company=True,
                                    ondelete="cascade")
    responsibility = fields.Selection([("lead", "Lead (主责)"), ("participate", "Participating (参与)")],
                                      required=True, default="participate")

    _cell_unique = models.Constraint(
        "UNIQUE(company_id, clause_id, department_id)",
        "A department appears once per clause in the allocation table.")

    @api.constrains("clause_id", "responsibility", "company_id")
    def _check_one_lead(self):
        for allocation in self.filtered(lambda a: a.responsibility == "lead"):
            leads = self.search_count([
                ("company_id", "=", allocation.company_id.id), ("clause_id", "=", allocation.clause_id.id),
                ("responsibility", "=", "lead")])
            if leads > 1:
                raise ValidationError(self.env._(
                    "Clause %(clause)s already has a lead department: one department leads each clause.",
                    clause=allocation.clause_id.display_name))
