# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

from .itss_evaluation_criterion import EVALUATION_KINDS

LEVELS = [("1", "Level 1"), ("2", "Level 2"), ("3", "Level 3"), ("4", "Level 4"), ("5", "Level 5")]
# Weighted percentage → level: ≥ 90 % level 5, ≥ 75 % level 4, ≥ 60 % level 3, ≥ 40 % level 2, else level 1.
LEVEL_THRESHOLDS = [(90.0, "5"), (75.0, "4"), (60.0, "3"), (40.0, "2")]
# An approved evaluation at this level or above proposes a promotion to the next grade.
PROMOTION_LEVEL = 4
# Who prepares, submits and resets evaluations; who approves or refuses them; who promotes.
EVALUATOR_GROUPS = ("hr.group_hr_user",)
APPROVER_GROUPS = ("hr.group_hr_manager", "itss_capability.group_itss_manager")
PROMOTION_GROUPS = ("hr.group_hr_manager",)
# What a submitted or refused evaluation no longer takes (reset it to draft first).
SUBMITTED_LOCKED_FIELDS = frozenset({
    "employee_id", "kind", "grade_id", "date", "evaluator_ids", "line_ids", "company_id",
})


def level_from_percentage(percentage):
    """The evaluation level ("1"…"5") of a weighted percentage (0–100)."""
    for threshold, level in LEVEL_THRESHOLDS:
        if percentage >= threshold:
            return level
    return "1"


class ItssSkillEvaluation(models.Model):
    """A knowledge-level or capability-level evaluation (知识等级 / 能力等级评价) of an engineer against the
    criteria of a grade.

    Levels from the weighted percentage: ≥ 90 % → 5, ≥ 75 % → 4, ≥ 60 % → 3, ≥ 40 % → 2, otherwise 1.
    An approved evaluation at level 4 or 5 proposes a promotion to the next (non-reserve) grade.
    """

    _name = "itss.skill.evaluation"
    _description = "Skill Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    employee_id = fields.Many2one("hr.employee", required=True, index=True, tracking=True,
                                  check_company=True)
    department_id = fields.Many2one("hr.department", compute="_compute_department_id",
                                    store=True, index=True)
    kind = fields.Selection(EVALUATION_KINDS, required=True, default="knowledge", tracking=True)
    grade_id = fields.Many2one("itss.engineer.grade", string="Engineer Grade", compute="_compute_grade_id",
                               precompute=True, store=True, readonly=False, required=True, tracking=True, index=True)
    date = fields.Date(required=True, default=lambda self: self.env.company._itss_today(), tracking=True,
                       index=True)
    evaluator_ids = fields.Many2many("res.users", "itss_skill_evaluation_evaluator_rel", "evaluation_id",
                                     "user_id", string="Evaluators", default=lambda self: self.env.user)
    line_ids = fields.One2many("itss.skill.evaluation.line", "evaluation_id", string="Scores", copy=True)
    total_score = fields.Float(compute="_compute_scores", store=True, aggregator="avg")
    max_total_score = fields.Float(string="Maximum Total Score", compute="_compute_scores", store=True,
                                   aggregator="avg")
    weighted_percentage = fields.Float(
        string="Weighted Score (%)", compute="_compute_scores", store=True, aggregator="avg",
        help="Σ(score / maximum score × weight) / Σ weight × 100.",
    )
    level = fields.Selection(
        LEVELS, compute="_compute_level", store=True, readonly=True, tracking=True,
        help="Computed from the weighted score: ≥ 90 % level 5, ≥ 75 % level 4, ≥ 60 % level 3, "
        "≥ 40 % level 2, otherwise level 1; recomputed when scores change.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("approved", "Approved"), ("refused", "Refused")],
        default="draft", required=True, readonly=True, tracking=True, copy=False, index=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Date(readonly=True, copy=False)
    proposed_grade_id = fields.Many2one(
        "itss.engineer.grade", readonly=True, copy=False, tracking=True,
        help="Set on approval when the level is 4 or more and a next grade exists.",
    )
    promotion_applied = fields.Boolean(readonly=True, copy=False, tracking=True)
    note = fields.Html(string="Notes")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)

    @api.depends("employee_id", "kind", "date")
    @api.depends_context("lang")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for evaluation in self:
            evaluation.name = self.env._(
                "%(employee)s – %(kind)s (%(date)s)", kind=kinds.get(evaluation.kind, ""),
                employee=evaluation.employee_id.name or "", date=evaluation.date or "")

    @api.depends("employee_id")
    def _compute_department_id(self):
        for evaluation in self:
            evaluation.department_id = evaluation.employee_id.sudo().department_id

    @api.depends("employee_id")
    def _compute_grade_id(self):
        for evaluation in self:
            if evaluation.employee_id and not evaluation.grade_id:
                evaluation.grade_id = evaluation.employee_id.sudo().itss_grade_id

    @api.depends("line_ids.score", "line_ids.max_score", "line_ids.weight")
    def _compute_scores(self):
        for evaluation in self:
            lines = evaluation.line_ids
            evaluation.total_score = sum(lines.mapped("score"))
            evaluation.max_total_score = sum(lines.mapped("max_score"))
            weights = sum(lines.mapped("weight"))
            evaluation.weighted_percentage = round(100.0 * sum(
                line.score / line.max_score * line.weight for line in lines if line.max_score
            ) / weights, 2) if weights else 0.0

    @api.depends("weighted_percentage", "line_ids")
    def _compute_level(self):
        for evaluation in self:
            evaluation.level = level_from_percentage(evaluation.weighted_percentage) if evaluation.line_ids else False

    @api.constrains("date")
    def _check_date(self):
        for evaluation in self:
            if not 2000 <= evaluation.date.year <= 2100:
                raise ValidationError(self.env._(
                    "The date of evaluation %(evaluation)s must lie between the years 2000 and 2100.",
                    evaluation=evaluation.name))

    @api.constrains("employee_id")
    def _check_employee_active(self):
        for evaluation in self:
            if not evaluation.employee_id.active:
                raise ValidationError(self.env._(
                    "%(employee)s is archived: archived employees cannot be evaluated.",
                    employee=evaluation.employee_id.name))

    def _criteria_commands(self):
        self.ensure_one()
        criteria = self.env["itss.evaluation.criterion"].search(
            [("grade_id", "=", self.grade_id.id), ("kind", "=", self.kind)])
        return [Command.clear()] + [Command.create({"criterion_id": criterion.id}) for criterion in criteria]

    @api.onchange("grade_id", "kind")
    def _onchange_load_criteria(self):
        if self.grade_id and self.kind and self.state == "draft" and not any(self.line_ids.mapped("score")):
            self.line_ids = self._criteria_commands()

    @api.model_create_multi
    def create(self, vals_list):
        evaluations = super().create(vals_list)
        for evaluation, vals in zip(evaluations, vals_list, strict=True):
            if "line_ids" not in vals and evaluation.state == "draft":
                evaluation.line_ids = evaluation._criteria_commands()
        return evaluations

    def _itss_locked_fnames(self):
        if self.state == "approved":
            return ALL_FIELDS
        if self.state in ("submitted", "refused"):
            return SUBMITTED_LOCKED_FIELDS
        return frozenset()

    def _itss_locked_message(self, field_label):
        if self.state == "approved":
            return self.env._(
                "Evaluation %(evaluation)s is approved: it is a record and can no longer be changed.",
                evaluation=self.display_name)
        return self.env._(
            "Evaluation %(evaluation)s is submitted: “%(field)s” can no longer be changed; reset it to draft "
            "first.", evaluation=self.display_name, field=field_label)

    def _itss_evaluator_action(self):
        return self._itss_action(EVALUATOR_GROUPS, message=self.env._(
            "Only HR officers and managers prepare and submit skill evaluations."))

    def action_load_criteria(self):
        """Button: (re)create the lines from the criteria of the grade and kind."""
        evaluations = self._itss_evaluator_action()
        for evaluation in evaluations:
            if evaluation.state != "draft":
                raise UserError(self.env._(
                    "Only a draft evaluation can reload its criteria: %(evaluation)s.", evaluation=evaluation.name))
            commands = evaluation._criteria_commands()
            if len(commands) == 1:
                raise UserError(self.env._(
                    "Grade %(grade)s has no criteria of this kind: define them in the configuration.",
                    grade=evaluation.grade_id.name))
            evaluation.line_ids = commands
        return True

    def action_submit(self):
        """Submit the scored evaluation for approval."""
        evaluations = self._itss_evaluator_action()
        for evaluation in evaluations:
            if evaluation.state != "draft":
                raise UserError(self.env._(
                    "Only a draft evaluation can be submitted: %(evaluation)s.", evaluation=evaluation.name))
        evaluations.write({"state": "submitted"})
        return True

    def _check_approver(self):
        """HR managers and O&M managers approve or refuse: returns the evaluations as superuser."""
        return self._itss_action(APPROVER_GROUPS, message=self.env._(
            "Only HR managers and O&M managers approve or refuse evaluations."))

    def action_approve(self):
        """Approve: updates the employee's level and proposes a promotion when the level is high enough."""
        evaluations = self._check_approver()
        for evaluation in evaluations:
            if evaluation.state != "submitted":
                raise UserError(self.env._(
                    "Only a submitted evaluation can be approved: %(evaluation)s.", evaluation=evaluation.name))
            if not evaluation.line_ids:
                raise UserError(self.env._(
                    "Evaluation %(evaluation)s has no scores: load the criteria and score them before approving.",
                    evaluation=evaluation.name))
            if not evaluation.level:
                raise UserError(self.env._(
                    "Evaluation %(evaluation)s has no resulting level.", evaluation=evaluation.name))
        for company, group in evaluations.grouped("company_id").items():
            group.write({"state": "approved", "approved_by_id": self.env.uid,
                         "approved_date": company._itss_today()})
        evaluations._propose_promotion()
        return True

    def _next_grade(self):
        self.ensure_one()
        return self.env["itss.engineer.grade"].search([
            ("sequence", ">", self.grade_id.sequence), ("is_reserve_post", "=", False),
            ("id", "!=", self.grade_id.id),
        ], order="sequence, id", limit=1)

    def _propose_promotion(self):
        """Level ≥ 4 and a next grade: propose the grade and ask the HR managers to decide."""
        hr_managers = self.env.ref("hr.group_hr_manager").all_user_ids.filtered(lambda u: not u.share)
        for evaluation in self:
            if int(evaluation.level or 0) < PROMOTION_LEVEL:
                continue
            next_grade = evaluation._next_grade()
            if not next_grade:
                continue
            evaluation.proposed_grade_id = next_grade
            for manager in hr_managers:
                evaluation.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=manager.id,
                    summary=self.env._("Decide the promotion of %(employee)s to %(grade)s",
                                       employee=evaluation.employee_id.name, grade=next_grade.name),
                )

    def action_apply_promotion(self):
        """Button: the HR manager promotes the employee to the proposed grade."""
        evaluations = self._itss_action(PROMOTION_GROUPS, message=self.env._("Only HR managers decide promotions."))
        for evaluation in evaluations:
            if evaluation.state != "approved" or not evaluation.proposed_grade_id:
                raise UserError(self.env._(
                    "Evaluation %(evaluation)s proposes no promotion.", evaluation=evaluation.name))
            if evaluation.promotion_applied:
                raise UserError(self.env._(
                    "The promotion of evaluation %(evaluation)s is already applied.", evaluation=evaluation.name))
        for evaluation in evaluations:
            evaluation.employee_id.itss_grade_id = evaluation.proposed_grade_id
            evaluation.promotion_applied = True
            evaluation.activity_feedback(["mail.mail_activity_data_todo"], feedback=self.env._("Promotion applied."))
            evaluation.message_post(body=self.env._(
                "%(employee)s promoted to %(grade)s.", employee=evaluation.employee_id.name,
                grade=evaluation.proposed_grade_id.name))
        return True

    def action_refuse(self):
        """Refuse a submitted evaluation (the employee's level does not change)."""
        evaluations = self._check_approver()
        for evaluation in evaluations:
            if evaluation.state != "submitted":
                raise UserError(self.env._(
                    "Only a submitted evaluation can be refused: %(evaluation)s.", evaluation=evaluation.name))
        evaluations.write({"state": "refused"})
        return True

    def action_reset_draft(self):
        """Take a submitted or refused evaluation back to draft to correct it."""
        evaluations = self._itss_evaluator_action()
        for evaluation in evaluations:
            if evaluation.state not in ("submitted", "refused"):
                raise UserError(self.env._(
                    "Only a submitted or refused evaluation can be reset to draft: %(evaluation)s.",
                    evaluation=evaluation.name))
        evaluations.write({"state": "draft"})
        return True
