# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .itss_skill_evaluation import LEVELS


class HrEmployee(models.Model):
    """Engineers: grade, reserve status and mode, service mode (ITSS people element)."""

    _inherit = "hr.employee"

    itss_grade_id = fields.Many2one("itss.engineer.grade", string="Engineer Grade", tracking=True,
                                    groups="hr.group_hr_user")
    reserve_status = fields.Selection(
        [("none", "Not in reserve"), ("reserve", "In reserve")], default="none", required=True,
        tracking=True, groups="hr.group_hr_user",
    )
    reserve_mode = fields.Selection(
        [("pool", "On-post resource pool (资源池在岗储备)"), ("training", "Off-post, in training (脱岗储备)")],
        tracking=True, groups="hr.group_hr_user",
        help="On-post pool: can be sent to support an emergency at once. Off-post: in training.",
    )
    reserve_job_id = fields.Many2one("hr.job", string="Reserve For Post", tracking=True, index=True,
                                     groups="hr.group_hr_user")
    service_mode = fields.Selection(
        [("onsite", "On-site (驻场)"), ("remote_onsite", "Remote + on-site")], tracking=True,
        groups="hr.group_hr_user",
    )
    itss_evaluation_ids = fields.One2many("itss.skill.evaluation", "employee_id", string="Skill Evaluations",
                                          groups="hr.group_hr_user")
    itss_knowledge_level = fields.Selection(
        LEVELS, string="Knowledge Level", compute="_compute_itss_levels", store=True, groups="hr.group_hr_user",
        help="Level of the latest approved knowledge-level evaluation (知识等级).",
    )
    itss_capability_level = fields.Selection(
        LEVELS, string="Capability Level", compute="_compute_itss_levels", store=True, groups="hr.group_hr_user",
        help="Level of the latest approved capability-level evaluation (能力等级).",
    )

    @api.depends("itss_evaluation_ids.state", "itss_evaluation_ids.level", "itss_evaluation_ids.date",
                 "itss_evaluation_ids.kind")
    def _compute_itss_levels(self):
        latest = {}
        evaluations = self.env["itss.skill.evaluation"].sudo().search(
            [("employee_id", "in", self._origin.ids), ("state", "=", "approved")], order="date desc, id desc")
        for evaluation in evaluations:
            latest.setdefault((evaluation.employee_id.id, evaluation.kind), evaluation.level)
        for employee in self:
            employee.itss_knowledge_level = latest.get((employee._origin.id, "knowledge"), False)
            employee.itss_capability_level = latest.get((employee._origin.id, "capability"), False)

    @api.constrains("reserve_status", "reserve_job_id", "reserve_mode")
    def _check_reserve(self):
        for employee in self:
            if employee.reserve_status == "reserve" and not (employee.reserve_job_id and employee.reserve_mode):
                raise ValidationError(self.env._(
                    "%(employee)s is in reserve: choose the post and the reserve mode.", employee=employee.name))
