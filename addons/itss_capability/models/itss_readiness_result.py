# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .itss_guard_mixin import ALL_FIELDS
from .itss_readiness_score import AREAS

STATUSES = [("present", "Present"), ("partial", "Partial"), ("missing", "Missing")]


class ItssReadinessResult(models.Model):
    """One evidence item of a scorecard's monthly snapshot: status, score, the parts that prove it."""

    _name = "itss.readiness.result"
    _description = "ITSS Readiness Result"
    _inherit = ["itss.guard.mixin"]
    _order = "snapshot_date desc, number, id"
    _check_company_auto = True

    scorecard_id = fields.Many2one("itss.readiness.scorecard", required=True, readonly=True,
                                   ondelete="cascade", index=True)
    company_id = fields.Many2one(related="scorecard_id.company_id", store=True, index=True)
    year = fields.Integer(related="scorecard_id.year", store=True)
    snapshot_date = fields.Date(string="Month", required=True, readonly=True, index=True)
    is_latest = fields.Boolean(string="Latest", readonly=True, default=True, index=True)
    item_id = fields.Many2one("itss.readiness.item", string="Evidence Item", required=True, readonly=True,
                              ondelete="restrict", check_company=True)
    number = fields.Integer(string="No.", readonly=True, aggregator=False)
    name = fields.Char(related="item_id.name", string="Evidence Item Name")
    clause = fields.Char(readonly=True)
    element_id = fields.Many2one("itss.element", string="Element Record", readonly=True)
    area = fields.Selection(AREAS[1:], string="Element", readonly=True, index=True,
                            help="Capability management (clause 5) or the element (clauses 6-9) the item proves.")
    department_id = fields.Many2one("hr.department", string="Responsible Department", readonly=True)
    status = fields.Selection(STATUSES, required=True, readonly=True, index=True)
    ratio = fields.Float(string="Completeness", readonly=True, digits=(16, 3), aggregator="avg")
    weight = fields.Float(readonly=True, digits=(16, 1))
    score = fields.Float(string="Weighted Score", readonly=True, digits=(16, 2),
                         help="Weight × completeness.")
    score_share = fields.Float(
        string="Score (%)", readonly=True, digits=(16, 2),
        help="The item's part of the snapshot's score in percent: summed over a month it gives the score.")
    note = fields.Text(string="What Is Missing", readonly=True)
    part_ids = fields.One2many("itss.readiness.result.part", "result_id", string="Evidence", readonly=True)
    improvement_id = fields.Many2one("itss.improvement", string="Improvement Measure", readonly=True,
                                     check_company=True, index="btree_not_null")

    def _itss_locked_fnames(self):
        if self.snapshot_date and self.snapshot_date < self.company_id._itss_today().replace(day=1):
            return ALL_FIELDS
        return super()._itss_locked_fnames()

    @api.model
    def _itss_create_snapshot(self, scorecard, items, month, date_from, date_to, improvements=None):
        """Evaluate ``items`` over the dates and store them as the scorecard's snapshot of ``month``,
        with its score lines. ``improvements``: {item: improvement} already raised for the items' gaps."""
        evaluated = items._itss_evaluate(date_from, date_to)
        total_weight = sum(items.mapped("weight")) or 1.0
        improvements = improvements or {}
        vals_list = []
        for item, (parts, note) in evaluated.items():
            ratio, status = items._itss_ratio_status(parts)
            vals_list.append({
                "scorecard_id": scorecard.id, "snapshot_date": month, "item_id": item.id,
                "number": item.number, "clause": item.clause,
                "element_id": item.element_id.id, "area": item._itss_area(),
                "department_id": item._itss_readiness_department().id,
                "improvement_id": improvements.get(item, self.env["itss.improvement"]).id,
                "status": status, "ratio": ratio, "weight": item.weight, "score": ratio * item.weight,
                "score_share": 100.0 * ratio * item.weight / total_weight, "note": note,
                "part_ids": [fields.Command.create({
                    "sequence": index, "label": part["label"], "model_name": part["model"],
                    "domain": repr(part["domain"]), "count": part["count"], "need": part["need"],
                    "ratio": part["ratio"],
                }) for index, part in enumerate(parts)],
            })
        results = self.sudo().create(vals_list)
        Score = self.env["itss.readiness.score"].sudo()
        Score.create([dict(vals, scorecard_id=scorecard.id, snapshot_date=month)
                      for vals in Score._itss_score_vals(results)])
        return results

    @api.ondelete(at_uninstall=False)
    def _unlink_only_on_refresh(self):
        if not self.env.context.get("itss_readiness_replace") and not self.env.su:
            raise UserError(self.env._("Readiness snapshots are written by the scorecard's refresh only."))

    def action_create_improvement(self):
        """Raise an improvement measure for the gap (QA auditor), once per result."""
        improvements = self.env["itss.improvement"]
        for result in self._itss_action(["itss_capability.group_itss_qa"]):
            if not result.is_latest:
                raise UserError(self.env._(
                    "“%(item)s” of %(month)s is an earlier snapshot: raise the improvement from the latest one.",
                    item=result.name, month=result.snapshot_date))
            if result.status == "present":
                raise UserError(self.env._("“%(item)s” is present: there is no gap to improve.", item=result.name))
            if result.improvement_id:
                improvements |= result.improvement_id
                continue
            company = result.company_id
            plan = self.env["itss.capability.plan"].sudo().search(
                [("company_id", "=", company.id), ("year", "=", result.year)], limit=1)
            improvement = self.env["itss.improvement"].sudo().create({
                "name": self.env._("Readiness gap %(number)s: %(item)s", number=result.number, item=result.name),
                "description": result.note,
                "source": "readiness",
                "company_id": company.id,
                "plan_id": plan.id,
                "element_id": result.element_id.id,
                "department_id": result.department_id.id,
                "owner_id": (result.department_id.manager_id.user_id or self.env.user).id,
                "due_date": company._itss_today() + relativedelta(days=30),
            })
            result.improvement_id = improvement
            improvements |= improvement
        return {
            "type": "ir.actions.act_window",
            "res_model": "itss.improvement",
            "view_mode": "list,form",
            "domain": [("id", "in", improvements.ids)],
            "name": self.env._("Improvement Measures"),
        }
