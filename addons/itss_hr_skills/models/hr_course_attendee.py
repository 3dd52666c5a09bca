# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrCourseAttendee(models.Model):
    """Attendance (present/absent), score, pass/fail and satisfaction of one trainee."""

    _name = "hr.course.attendee"
    _inherit = ["hr.course.attendee", "itss.guard.mixin"]
    # Upstream model: only the ITSS fields marked itss_protected are guarded.
    _itss_guard_readonly = False
    _order = "course_start desc, id desc"

    attendance = fields.Selection(
        [("present", "Present"), ("absent", "Absent")], default="present", required=True,
        help="Absentees are flagged and penalised per the training system (培训缺勤处罚).")
    is_absent = fields.Boolean(string="Absentee", compute="_compute_is_absent", store=True, itss_protected=True)
    score = fields.Float(help="Exam score out of 100; the course's pass score decides pass or fail.")
    satisfaction = fields.Integer(
        help="The trainee's rating of the training: 1 (poor) to 5 (excellent); 0 = not rated.")
    result = fields.Selection(compute="_compute_result", store=True, readonly=False, default=None)
    course_id = fields.Many2one(related="course_schedule_id.course_id", store=True, index=True)
    certification_id = fields.Many2one("hr.employee.skill", string="Certificate Issued", readonly=True,
                                       copy=False, ondelete="set null", itss_protected=True)

    @api.depends("attendance")
    def _compute_is_absent(self):
        for attendee in self:
            attendee.is_absent = attendee.attendance == "absent"

    @api.depends("attendance", "score", "course_schedule_id.course_id.pass_score")
    def _compute_result(self):
        for attendee in self:
            if attendee.attendance == "absent":
                attendee.result = "absent"
            elif attendee.score:
                attendee.result = "passed" if attendee.score >= attendee.course_id.pass_score else "failed"
            elif attendee.result in (False, "absent"):
                attendee.result = "pending"

    @api.constrains("attendance", "score", "satisfaction", "result")
    def _check_itss_result(self):
        for attendee in self:
            name = attendee.employee_id.name
            if not 0 <= attendee.score <= 100:
                raise ValidationError(self.env._(
                    "The score of %(employee)s must be between 0 and 100.", employee=name))
            if not 0 <= attendee.satisfaction <= 5:
                raise ValidationError(self.env._(
                    "The satisfaction rating of %(employee)s must be between 1 and 5 (0: not rated).",
                    employee=name))
            if attendee.attendance == "absent" and (
                    attendee.result in ("passed", "failed") or attendee.score or attendee.satisfaction):
                raise ValidationError(self.env._(
                    "%(employee)s was absent: an absentee has no score, result or rating.", employee=name))
