# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

EVALUATION_KINDS = [("knowledge", "Knowledge Level"), ("capability", "Capability Level")]


class ItssEvaluationCriterion(models.Model):
    """A criterion of the knowledge-level or capability-level evaluation (知识等级 / 能力等级评价) of a grade."""

    _name = "itss.evaluation.criterion"
    _description = "Skill Evaluation Criterion"
    _order = "grade_id, kind, sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    grade_id = fields.Many2one("itss.engineer.grade", string="Engineer Grade", required=True, index=True,
                               ondelete="cascade")
    kind = fields.Selection(EVALUATION_KINDS, required=True, default="knowledge", index=True)
    max_score = fields.Float(default=10.0, required=True, help="Highest score an evaluator can give.")
    weight = fields.Float(default=1.0, required=True,
                          help="Relative weight of the criterion in the weighted percentage of the evaluation.")
    active = fields.Boolean(default=True)

    @api.constrains("max_score", "weight")
    def _check_scores(self):
        for criterion in self:
            if criterion.max_score <= 0:
                raise ValidationError(self.env._(
                    "The maximum score of criterion %(criterion)s must be positive.", criterion=criterion.name))
            if criterion.weight <= 0:
                raise ValidationError(self.env._(
                    "The weight of criterion %(criterion)s must be positive.", criterion=criterion.name))
