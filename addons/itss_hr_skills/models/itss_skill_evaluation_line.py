# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssSkillEvaluationLine(models.Model):
    """The score of one criterion in a knowledge-level or capability-level evaluation."""

    _name = "itss.skill.evaluation.line"
    _description = "Skill Evaluation Line"
    _order = "evaluation_id, sequence, id"
    _rec_name = "criterion_id"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "evaluation_id"

    evaluation_id = fields.Many2one("itss.skill.evaluation", required=True, index=True,
                                    ondelete="cascade")
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True, index=True)
    criterion_id = fields.Many2one("itss.evaluation.criterion", required=True,
                                   ondelete="restrict")
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    # Taken from the criterion: they decide the resulting level, so nobody adjusts them per evaluation.
    max_score = fields.Float(compute="_compute_from_criterion", store=True)
    weight = fields.Float(compute="_compute_from_criterion", store=True)
    score = fields.Float(help="Between 0 and the maximum score of the criterion.")
    comment = fields.Text()

    def _itss_locked_message(self, field_label):
        """Lines are frozen with their parent: the parent's message."""
        return self.evaluation_id.sudo()._itss_locked_message(field_label)

    @api.depends("criterion_id")
    def _compute_from_criterion(self):
        for line in self:
            line.max_score = line.criterion_id.max_score
            line.weight = line.criterion_id.weight

    @api.constrains("score", "max_score")
    def _check_score(self):
        for line in self:
            if not 0 <= line.score <= line.max_score:
                raise ValidationError(self.env._(
                    "The score of criterion %(criterion)s must be between 0 and %(max)s.",
                    criterion=line.criterion_id.name, max=line.max_score))

    def _check_editable(self):
        if any(line.evaluation_id.state != "draft" for line in self):
            raise UserError(self.env._("The scores of a submitted evaluation cannot be changed: reset it to draft."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_editable()
        return lines

    def _itss_locked_fnames(self):
        """A submitted evaluation's scores are frozen (its approval decides the level)."""
        return ALL_FIELDS if self.evaluation_id.state != "draft" else super()._itss_locked_fnames()

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._check_editable()
