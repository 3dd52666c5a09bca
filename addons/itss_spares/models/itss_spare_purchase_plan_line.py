# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssSparePurchasePlanLine(models.Model):
    """One spare of one library in the purchase plan: its consumption, the proposal and what to buy."""

    _name = "itss.spare.purchase.plan.line"
    _description = "Spare Purchase Plan Line"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "plan_id"
    _order = "plan_id, criticality, product_id, id"
    _check_company_auto = True

    plan_id = fields.Many2one("itss.spare.purchase.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    product_id = fields.Many2one("product.product", string="Spare", required=True, check_company=True,
                                 domain="[('itss_is_spare', '=', True)]")
    criticality = fields.Selection(related="product_id.itss_criticality", store=True, string="Criticality")
    warehouse_id = fields.Many2one("stock.warehouse", string="Spare Library", check_company=True,
                                   domain="[('itss_library_type', '!=', False)]")
    consumed_qty = fields.Float(string="Consumed (12 months)", digits="Product Unit")
    on_hand_qty = fields.Float(string="On Hand", digits="Product Unit")
    lead_time_days = fields.Integer(string="Lead Time (days)")
    min_qty = fields.Float(string="Reorder Point (Min)", digits="Product Unit")
    max_qty = fields.Float(string="Max", digits="Product Unit")
    proposed_qty = fields.Float(string="Proposed", digits="Product Unit", readonly=True)
    quantity = fields.Float(string="To Buy", digits="Product Unit")
    partner_id = fields.Many2one("res.partner", string="Supplier", check_company=True)
    unit_price = fields.Monetary(currency_field="currency_id")
    amount = fields.Monetary(compute="_compute_amount", store=True, currency_field="currency_id")
    note = fields.Char(string="Notes")

    def _itss_locked_message(self, field_label):
        return self.plan_id._itss_locked_message(field_label)

    @api.depends("quantity", "unit_price")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.unit_price

    @api.constrains("quantity", "min_qty", "max_qty", "unit_price")
    def _check_quantities(self):
        for line in self:
            if min(line.quantity, line.min_qty, line.max_qty, line.unit_price) < 0:
                raise ValidationError(self.env._(
                    "%(product)s: quantities and prices of the purchase plan cannot be negative.",
                    product=line.product_id.display_name))
            if line.max_qty < line.min_qty:
                raise ValidationError(self.env._(
                    "%(product)s: the max (%(max)s) is below the reorder point (%(min)s).",
                    product=line.product_id.display_name, max=line.max_qty, min=line.min_qty))
