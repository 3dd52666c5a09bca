# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssAnnualReview(models.Model):
    """The yearly review meeting (年度总结会) of the capability plan."""

    _name = "itss.annual.review"
    _description = "Annual Review Meeting"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True)
    plan_id = fields.Many2one("itss.capability.plan", required=True, ondelete="cascade", index=True, check_company=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    chair_id = fields.Many2one("res.users", string="Chaired By")
    attendee_ids = fields.Many2many("res.users", string="Attendees")
    goals_summary = fields.Html(string="Goals Achieved")
    conclusions = fields.Html()
    suggestions = fields.Html(string="Improvement Suggestions")
    improvement_ids = fields.One2many("itss.improvement", "annual_review_id", string="Improvement Measures")
