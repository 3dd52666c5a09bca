# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssPlanExecution(models.Model):
    """An execution record of a work item (实施记录): what was done, when, by whom, with evidence."""

    _name = "itss.plan.execution"
    _description = "Capability Plan Execution Record"
    _order = "date desc, id desc"

    work_item_id = fields.Many2one("itss.plan.work.item", required=True, ondelete="cascade", index=True)
    plan_id = fields.Many2one(related="work_item_id.plan_id", store=True, index=True)
    company_id = fields.Many2one(related="work_item_id.company_id", store=True)
    element_id = fields.Many2one(related="work_item_id.element_id", store=True)
    department_id = fields.Many2one(related="work_item_id.department_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Text(string="What Was Done", required=True)
    result = fields.Text()
    user_id = fields.Many2one("res.users", string="Recorded By", required=True, default=lambda self: self.env.user)
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")
