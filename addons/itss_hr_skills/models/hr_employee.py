# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .itss_skill_evaluation import LEVELS


class HrEmployee(models.Model):
    """Engineers: grade, reserve status and mode, service mode (ITSS people element)."""

    _name = "hr.employee"
    _inherit = ["hr.employee", "itss.guard.mixin"]
    # Upstream model: only the ITSS figures marked itss_protected are guarded.
    _itss_guard_readonly = False

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
        itss_protected=True,
        help="Level of the latest approved knowledge-level evaluation (知识等级).",
    )
    itss_capability_level = fields.Selection(
        LEVELS, string="Capability Level", compute="_compute_itss_levels", store=True, groups="hr.group_hr_user",
        itss_protected=True,
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
    onsite_assignment_ids = fields.One2many(
        "itss.onsite.assignment", "employee_id", string="On-site Assignments", groups="hr.group_hr_user",
        help="The engineer's customer assignment history (驻场记录).")
    experience_reviewed_on = fields.Date(
        string="Experience Record Reviewed On", tracking=True, groups="hr.group_hr_user",
        help="Date of the last yearly review of the experience record (《运维人员履历表》). The manager "
        "gets an activity once more than a year has passed.")
    experience_review_reminded = fields.Boolean(
        readonly=True, copy=False, groups="hr.group_hr_user", itss_protected=True,
        help="The manager was reminded of the overdue review; reset when the record is reviewed again.")
    # HR only: a field missing from hr.employee.public must not be prefetched for other users
    # (reading an on-site assignment's engineer failed for engineers, QA and executives).
    certification_count = fields.Integer(
        string="Valid Certifications", compute="_compute_certification_count", store=True,
        groups="hr.group_hr_user", itss_protected=True,
        help="Certifications valid today (company's time zone); expired ones stop counting (refreshed daily).")

    @api.depends("employee_skill_ids.valid_from", "employee_skill_ids.valid_to",
                 "employee_skill_ids.skill_type_id.is_certification")
    def _compute_certification_count(self):
        counts = {}
        for company, employees in self.grouped("company_id").items():
            today = company._itss_today()
            counts.update(self.env["hr.employee.skill"].sudo()._read_group([
                ("employee_id", "in", employees._origin.ids),
                ("skill_type_id.is_certification", "=", True),
                "|", ("valid_from", "=", False), ("valid_from", "<=", today),
                "|", ("valid_to", "=", False), ("valid_to", ">=", today),
            ], ["employee_id"], ["__count"]))
        for employee in self:
            employee.certification_count = counts.get(employee._origin, 0)

    def write(self, vals):
        res = super().write(vals)
        if vals.get("experience_reviewed_on"):
            # a new review: the next overdue review is reminded again
            self.sudo().filtered("experience_review_reminded").write({"experience_review_reminded": False})
        return res

    def _itss_hr_fallback_user(self):
        """Who gets HR reminders when the employee has no manager with a user: the HR responsible,
        else the first HR manager."""
        self.ensure_one()
        if self.hr_responsible_id:
            return self.hr_responsible_id
        return self.env.ref("hr.group_hr_manager").sudo().all_user_ids.filtered(
            lambda user: not user.share and user.active)[:1]

    def _itss_manager_user(self):
        """The employee's manager's user, else HR."""
        self.ensure_one()
        return self.parent_id.user_id or self._itss_hr_fallback_user()

    @api.model
    def _cron_remind_experience_review(self):
        """Daily: one activity for the manager of each engineer whose experience record was last
        reviewed more than a year ago (once, until it is reviewed again), "today" in the company's
        time zone."""
        # one search with a day of margin (time zones), then each company's own "today"
        candidates = self.search([
            ("experience_reviewed_on", "!=", False),
            ("experience_reviewed_on", "<", fields.Date.today() + relativedelta(days=1) - relativedelta(years=1)),
            ("experience_review_reminded", "=", False),
        ])
        employees = candidates.filtered(lambda employee: employee.experience_reviewed_on
                                        < employee.company_id._itss_today() - relativedelta(years=1))
        for employee in employees:
            today = employee.company_id._itss_today()
            user = employee._itss_manager_user()
            if not user:
                continue
            employee.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                date_deadline=today + relativedelta(days=30),
                summary=self.env._("Yearly review of the experience record"),
                note=self.env._(
                    "The experience record of %(employee)s was last reviewed on %(date)s: review it and "
                    "update the review date.", employee=employee.name, date=employee.experience_reviewed_on),
            )
        employees.sudo().write({"experience_review_reminded": True})

    @api.model
    def _cron_refresh_certification_count(self):
        """Daily: certifications that expired (or started) change the count of valid certifications."""
        employees = self.browse({
            employee.id for employee, in self.env["hr.employee.skill"]._read_group(
                [("skill_type_id.is_certification", "=", True)], ["employee_id"])
        })
        self.env.add_to_compute(self._fields["certification_count"], employees)
        employees._recompute_recordset(["certification_count"])

    def _itss_experience_record_data(self):
        """What the experience record (PDF) shows besides the employee's own fields."""
        self.ensure_one()
        today = self.company_id._itss_today()
        certifications = self.certification_ids.sorted(
            lambda line: line.valid_to or fields.Date.to_date("9999-12-31"))
        return {
            "certifications": [{
                "line": line,
                "valid": (not line.valid_from or line.valid_from <= today)
                and (not line.valid_to or line.valid_to >= today),
            } for line in certifications],
            "resume_lines": self.resume_line_ids.sorted("date_start", reverse=True),
            "assignments": self.onsite_assignment_ids.sorted("date_from", reverse=True),
            "trainings": self.courses_ids.filtered(
                lambda attendee: attendee.state == "completed").sorted("course_start", reverse=True),
        }

    @api.constrains("reserve_status", "reserve_job_id", "reserve_mode")
    def _check_reserve(self):
        for employee in self:
            if employee.reserve_status == "reserve" and not (employee.reserve_job_id and employee.reserve_mode):
                raise ValidationError(self.env._(
                    "%(employee)s is in reserve: choose the post and the reserve mode.", employee=employee.name))
