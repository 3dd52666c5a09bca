# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models, tools

LEVELS = [("1", "1 - High"), ("2", "2 - Medium"), ("3", "3 - Low"), ("4", "4 - Very Low")]
PRIORITIES = [("P1", "P1 - Critical"), ("P2", "P2 - High"), ("P3", "P3 - Medium"), ("P4", "P4 - Low")]


class ItssPriorityMatrix(models.Model):
    """One cell of the impact × urgency matrix that gives a ticket its ITSS priority."""

    _name = "itss.priority.matrix"
    _inherit = ["itss.cache.stamp.mixin"]
    _description = "ITSS Priority Matrix"
    _order = "company_id, impact, urgency"

    impact = fields.Selection(LEVELS, required=True)
    urgency = fields.Selection(LEVELS, required=True)
    priority = fields.Selection(PRIORITIES, required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _impact_urgency_company_unique = models.Constraint(
        "UNIQUE(company_id, impact, urgency)",
        "This impact and urgency pair already has a priority in this company.",
    )

    @api.depends("impact", "urgency", "priority")
    def _compute_display_name(self):
        labels = dict(LEVELS)
        for cell in self:
            impact, urgency = labels.get(cell.impact, ""), labels.get(cell.urgency, "")
            cell.display_name = f"{impact} × {urgency} → {cell.priority or ''}"

    @api.model
    def _priority_for(self, impact, urgency, company):
        """The priority of an impact/urgency pair in ``company``, or False when the matrix lacks it."""
        return self._matrix(company.id).get((impact, urgency), False)

    @api.model
    def _matrix(self, company_id):
        """The whole matrix of a company: read on every ticket, cached until the matrix changes."""
        stamp = self._itss_cache_stamp("res.company", company_id)
        if stamp is None:
            return self._matrix_read(company_id)
        return self._matrix_cached(company_id, stamp)

    @api.model
    @tools.ormcache("company_id", "stamp")
    def _matrix_cached(self, company_id, stamp):
        return self._matrix_read(company_id)

    @api.model
    def _matrix_read(self, company_id):
        cells = self.sudo().search_fetch([("company_id", "=", company_id)], ["impact", "urgency", "priority"])
        return {(cell.impact, cell.urgency): cell.priority for cell in cells}

    def _itss_stamp_owners(self):
        return {"res.company": self.sudo().company_id.ids}
