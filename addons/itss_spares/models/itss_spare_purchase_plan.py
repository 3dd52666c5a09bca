# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import math

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

# Who prepares the plan (proposes and edits its lines, updates the reorder rules).
PREPARER_GROUPS = ("itss_spares.group_itss_spare_keeper", "itss_capability.group_itss_manager")
# Who approves it.
APPROVER_GROUPS = ("itss_capability.group_itss_manager",)
# Spares of these criticalities keep at least one unit on hand even without consumption.
SAFETY_UNITS = {"a": 1.0, "b": 0.0, "c": 0.0}


class ItssSparePurchasePlan(models.Model):
    """The yearly spare purchase plan (备件采购计划), proposed from the last 12 months' consumption."""

    _name = "itss.spare.purchase.plan"
    _description = "Spare Purchase Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, default=lambda self: self.env._("Spare Purchase Plan"), tracking=True)
    year = fields.Integer(required=True, default=lambda self: self.env.company._itss_today().year + 1,
                          tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    consumption_from = fields.Date(
        readonly=True, copy=False,
        help="First day (company time zone) of the 12 months the proposal was computed from.")
    consumption_to = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("to_approve", "To Approve"), ("approved", "Approved")],
        default="draft", required=True, readonly=True, tracking=True, copy=False)
    prepared_by_id = fields.Many2one("res.users", default=lambda self: self.env.user,
                                     tracking=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approved_date = fields.Date(string="Approved On", readonly=True, copy=False)
    note = fields.Html(string="Notes")
    line_ids = fields.One2many("itss.spare.purchase.plan.line", "plan_id", string="Lines", copy=True)
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True, readonly=True,
                                   currency_field="currency_id")
    line_count = fields.Integer(compute="_compute_amount_total", store=True, readonly=True)

    _year_company_unique = models.Constraint(
        "UNIQUE(year, company_id)", "The company already has a spare purchase plan for this year.")

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for plan in self:
            plan.amount_total = sum(plan.line_ids.mapped("amount"))
            plan.line_count = len(plan.line_ids)

    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(self.env._(
                    "The year %(year)s of the spare purchase plan must be between 2000 and 2100.", year=plan.year))

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state == "approved" else frozenset()

    def _itss_locked_message(self, field_label):
        return self.env._(
            "The spare purchase plan %(plan)s is approved: set it back to draft before changing “%(field)s”.",
            plan=self.display_name, field=field_label)

    def _itss_preparer_action(self):
        return self._itss_action(PREPARER_GROUPS, message=self.env._(
            "Only spare keepers and O&M managers prepare the spare purchase plan."))

    def _itss_approver_action(self):
        return self._itss_action(APPROVER_GROUPS, access="read", message=self.env._(
            "Only O&M managers approve the spare purchase plan."))

    @api.model
    def _consumption_period(self, company):
        """The last 12 whole months before today (company time zone)."""
        first = company._itss_today().replace(day=1)
        return first - relativedelta(months=12), first - relativedelta(days=1)

    def action_propose(self):
        """Replace the lines by a proposal per spare and library from the last 12 months' consumption,
        the spares' criticality and lead time, and today's usable stock."""
        plans = self._itss_preparer_action()
        Figures = self.env["itss.spare.stock.figures"]
        for plan in plans:
            if plan.state != "draft":
                raise UserError(self.env._("Only a draft plan is proposed again."))
            company = plan.company_id
            date_from, date_to = self._consumption_period(company)
            consumed_by_key = Figures._consumption(company, date_from, date_to)
            on_hand = Figures._usable_on_hand(company)
            keys = set(consumed_by_key)
            # Critical spares the libraries stock but did not consume keep their safety unit.
            keys |= {key for key in on_hand
                     if self.env["product.product"].browse(key[0]).itss_criticality == "a"}
            products = self.env["product.product"].browse({key[0] for key in keys}).with_company(company)
            lines = []
            for product_id, warehouse_id in sorted(keys):
                product = products.browse(product_id)
                figures = plan._proposal(product, consumed_by_key.get((product_id, warehouse_id), 0.0),
                                         on_hand.get((product_id, warehouse_id), 0.0))
                lines.append(Command.create({"product_id": product_id, "warehouse_id": warehouse_id, **figures}))
            plan.line_ids = [Command.clear()] + lines
            plan.write({"consumption_from": date_from, "consumption_to": date_to})
        return True

    @api.model
    def _proposal(self, product, consumed, on_hand):
        """Yearly need, reorder point (min), max and the quantity to buy for one spare in one library.

        Daily demand × lead time covers the wait for an order; A spares keep one unit besides; the
        max adds a quarter's demand; the plan buys the year's demand plus the safety stock minus
        what is on hand.
        """
        lead_time = product.itss_lead_time_days or 0
        daily = consumed / 365.0
        safety = SAFETY_UNITS.get(product.itss_criticality, 0.0)
        min_qty = math.ceil(daily * lead_time + safety)
        max_qty = max(min_qty + math.ceil(consumed / 4.0), min_qty)
        proposed = max(math.ceil(consumed + min_qty - on_hand), 0)
        seller = product.seller_ids[:1]
        return {
            "consumed_qty": consumed,
            "on_hand_qty": on_hand,
            "lead_time_days": lead_time,
            "min_qty": min_qty,
            "max_qty": max_qty,
            "proposed_qty": proposed,
            "quantity": proposed,
            "partner_id": seller.partner_id.id,
            "unit_price": seller.price or product.standard_price,
        }

    def action_submit(self):
        plans = self._itss_preparer_action()
        for plan in plans:
            if plan.state != "draft":
                raise UserError(self.env._("Only a draft plan is submitted."))
            if not plan.line_ids:
                raise ValidationError(self.env._(
                    "The spare purchase plan %(plan)s has no lines: propose it from consumption or add lines.",
                    plan=plan.display_name))
        plans.write({"state": "to_approve"})
        return True

    def action_approve(self):
        """The O&M manager approves the plan: its lines are frozen."""
        plans = self._itss_approver_action()
        for plan in plans:
            if plan.state != "to_approve":
                raise UserError(self.env._("Submit the plan %(plan)s before approving it.", plan=plan.display_name))
        plans.write({"state": "approved", "approved_by_id": self.env.uid,
                     "approved_date": self.env.company._itss_today()})
        return True

    def action_draft(self):
        """Back to draft (a submitted plan by its preparers, an approved one by the O&M manager)."""
        if any(plan.state == "approved" for plan in self):
            plans = self._itss_approver_action()
        else:
            plans = self._itss_preparer_action()
        plans.write({"state": "draft", "approved_by_id": False, "approved_date": False})
        return True

    def action_update_orderpoints(self):
        """Create or update the min/max reorder rules of each line's spare in its library's stock."""
        plans = self._itss_action(("itss_spares.group_itss_spare_keeper",), message=self.env._(
            "Only spare keepers maintain the reorder rules."))
        Orderpoint = self.env["stock.warehouse.orderpoint"].sudo()
        for plan in plans:
            if plan.state != "approved":
                raise UserError(self.env._("Reorder rules follow an approved plan: approve %(plan)s first.",
                                           plan=plan.display_name))
            lines = plan.line_ids.filtered("warehouse_id")
            existing = {
                (op.product_id.id, op.location_id.id): op
                for op in Orderpoint.with_context(active_test=False).search([
                    ("product_id", "in", lines.product_id.ids),
                    ("location_id", "in", lines.warehouse_id.lot_stock_id.ids),
                    ("company_id", "=", plan.company_id.id),
                ])
            }
            to_create = []
            for line in lines:
                location = line.warehouse_id.lot_stock_id
                values = {"product_min_qty": line.min_qty, "product_max_qty": line.max_qty,
                          "trigger": "auto", "active": True}
                orderpoint = existing.get((line.product_id.id, location.id))
                if orderpoint:
                    orderpoint.write(values)
                else:
                    to_create.append({**values, "product_id": line.product_id.id, "warehouse_id": line.warehouse_id.id,
                                      "location_id": location.id, "company_id": plan.company_id.id})
            Orderpoint.create(to_create)
            plan.message_post(body=self.env._("Reorder rules of %(count)s spares updated from the plan.",
                                              count=len(lines)))
        return True

    def action_view_orderpoints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("itss_spares.stock_warehouse_orderpoint_action_spare")
        action["domain"] = [("product_id", "in", self.line_ids.product_id.ids),
                            ("warehouse_id", "in", self.line_ids.warehouse_id.ids)]
        return action
