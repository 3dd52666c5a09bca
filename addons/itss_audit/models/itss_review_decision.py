# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssReviewDecision(models.Model):
    """A decision (output) of the management review, with its owner and due date."""

    _name = "itss.review.decision"
    _description = "Management Review Decision"
    _inherit = ["itss.guard.mixin"]
    _order = "review_id, sequence, id"
    _check_company_auto = True
    _itss_parent_field = "review_id"

    review_id = fields.Many2one("mgmtsystem.review", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Decision", required=True)
    kind = fields.Selection(
        [("improvement", "Improvement"), ("system_change", "Management system change"),
         ("resource", "Resource need")], required=True, default="improvement")
    owner_id = fields.Many2one("res.users", required=True)
    department_id = fields.Many2one("hr.department", check_company=True)
    due_date = fields.Date(required=True)
    improvement_id = fields.Many2one("itss.improvement", readonly=True, copy=False)

    def _itss_raise_improvements(self):
        """Each decision becomes a measure in the improvement register (runs as the closing action)."""
        for decision in self.sudo().filtered(lambda d: not d.improvement_id):
            review = decision.review_id
            day = review.itss_date_to or review.company_id._itss_today()
            action = self.env["itss.improvement"].sudo()._raise_and_open(day, {
                "name": decision.name, "source": "management_review", "review_id": review.id,
                "review_decision_id": decision.id, "owner_id": decision.owner_id.id,
                "department_id": decision.department_id.id, "due_date": decision.due_date,
                "company_id": review.company_id.id,
            })
            decision.improvement_id = action["res_id"]
        return True
