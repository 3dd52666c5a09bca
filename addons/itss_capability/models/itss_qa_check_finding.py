# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssQaCheckFinding(models.Model):
    """A finding of a QA check, which can become an improvement measure."""

    _name = "itss.qa.check.finding"
    _description = "QA Check Finding"
    _order = "check_id, id"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "check_id"

    check_id = fields.Many2one("itss.qa.check", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="check_id.company_id", store=True)
    description = fields.Text(required=True)
    severity = fields.Selection(
        [("observation", "Observation"), ("minor", "Minor"), ("major", "Major")], default="minor", required=True
    )
    work_item_id = fields.Many2one("itss.plan.work.item")
    due_date = fields.Date()
    improvement_id = fields.Many2one("itss.improvement", string="Improvement Measure", readonly=True)

