# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from .itss_guard_mixin import ALL_FIELDS

# The parts of GB/T 28827.1 the scorecard scores: capability management (clause 5) and the four
# elements (clauses 6-9), by their clause number.
AREAS = [
    ("total", "All Evidence"),
    ("management", "Capability Management"),
    ("people", "People"),
    ("resources", "Resources"),
    ("technology", "Technology"),
    ("process", "Process"),
]
AREA_BY_CLAUSE = {"5": "management", "6": "people", "7": "resources", "8": "technology", "9": "process"}
CLAUSES = [
    ("5.2", "5.2 Planning"),
    ("5.3", "5.3 Implementation"),
    ("5.4", "5.4 Checking"),
    ("5.5", "5.5 Improvement"),
    ("6.2", "6.2 Staff Management"),
    ("6.3", "6.3 Post Structure"),
    ("6.4", "6.4 Knowledge"),
    ("6.5", "6.5 Skills"),
    ("6.6", "6.6 Experience"),
    ("7.2", "7.2 O&M Tools"),
    ("7.3", "7.3 Service Desk"),
    ("7.4", "7.4 Spare Library"),
    ("7.5", "7.5 Knowledge Base"),
    ("8.2", "8.2 Research and Development"),
    ("8.3", "8.3 Technology to Find Problems"),
    ("8.4", "8.4 Technology to Solve Problems"),
    ("9.2", "9.2 Service Level Management"),
    ("9.3", "9.3 Service Reports"),
    ("9.4", "9.4 Incident Management"),
    ("9.5", "9.5 Problem Management"),
    ("9.6", "9.6 Configuration Management"),
    ("9.7", "9.7 Change Management"),
    ("9.8", "9.8 Release Management"),
    ("9.9", "9.9 Information Security Management"),
]
KNOWN_CLAUSES = {code for code, _label in CLAUSES}
AREA_ORDER = {code: index for index, (code, _label) in enumerate(AREAS)}
CLAUSE_ORDER = {code: index for index, (code, _label) in enumerate(CLAUSES)}


class ItssReadinessScore(models.Model):
    """The score of a snapshot month for all evidence, one element (or capability management) or one clause.

    Written with the month's results, so that the dashboard groups, charts and compares months
    without recomputing: score = weighted completeness of the items of the line in percent.
    """

    _name = "itss.readiness.score"
    _description = "ITSS Readiness Score"
    _inherit = ["itss.guard.mixin"]
    _order = "snapshot_date desc, kind, sequence, id"

    scorecard_id = fields.Many2one("itss.readiness.scorecard", required=True, readonly=True,
                                   ondelete="cascade", index=True)
    company_id = fields.Many2one(related="scorecard_id.company_id", store=True, index=True)
    year = fields.Integer(related="scorecard_id.year", store=True)
    snapshot_date = fields.Date(string="Month", required=True, readonly=True, index=True)
    is_latest = fields.Boolean(string="Latest", readonly=True, default=True, index=True)
    sequence = fields.Integer(readonly=True, help="Order of the element or clause in the standard.")
    kind = fields.Selection([("total", "Total"), ("area", "Element"), ("clause", "Clause")],
                            required=True, readonly=True)
    area = fields.Selection(AREAS, string="Element", required=True, readonly=True)
    clause = fields.Selection(CLAUSES, readonly=True)
    item_count = fields.Integer(string="Items", readonly=True)
    present_count = fields.Integer(string="Present", readonly=True)
    partial_count = fields.Integer(string="Partial", readonly=True)
    missing_count = fields.Integer(string="Missing", readonly=True)
    weight = fields.Float(readonly=True, digits=(16, 1))
    score = fields.Float(string="Score (%)", readonly=True, digits=(16, 1), aggregator="avg")

    def _itss_locked_fnames(self):
        if self.snapshot_date and self.snapshot_date < self.company_id._itss_today().replace(day=1):
            return ALL_FIELDS
        return super()._itss_locked_fnames()

    @api.model
    def _itss_score_vals(self, results):
        """Score lines (create values) of one snapshot month's ``results``: total, per element, per clause."""
        groups = {("total", "total", False): results}
        for result in results:
            groups.setdefault(("area", result.area, False), self.env["itss.readiness.result"])
            groups[("area", result.area, False)] |= result
            if result.clause in KNOWN_CLAUSES:
                key = ("clause", result.area, result.clause)
                groups.setdefault(key, self.env["itss.readiness.result"])
                groups[key] |= result
        vals_list = []
        for (kind, area, clause), group in groups.items():
            weight = sum(group.mapped("weight"))
            vals_list.append({
                "kind": kind, "area": area, "clause": clause,
                "sequence": CLAUSE_ORDER[clause] if clause else AREA_ORDER[area],
                "item_count": len(group),
                "present_count": len(group.filtered(lambda result: result.status == "present")),
                "partial_count": len(group.filtered(lambda result: result.status == "partial")),
                "missing_count": len(group.filtered(lambda result: result.status == "missing")),
                "weight": weight,
                "score": 100.0 * sum(group.mapped("score")) / weight if weight else 0.0,
            })
        return vals_list
