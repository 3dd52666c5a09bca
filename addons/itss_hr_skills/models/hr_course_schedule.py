# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

SESSION_GROUPS = ("hr.group_hr_user", "itss_capability.group_itss_manager")


class HrCourseSchedule(models.Model):
    """Training sessions: link to the annual plan, attendance and satisfaction figures, and on
    completion certificates for those who passed and a penalty follow-up for absentees."""

    _name = "hr.course.schedule"
    _inherit = ["hr.course.schedule", "itss.guard.mixin"]
    # Upstream model: only the session's state and the ITSS figures (itss_protected) are guarded.
    _itss_guard_readonly = False

    state = fields.Selection(itss_protected=True)
    plan_line_id = fields.Many2one(
        "itss.training.plan.line", string="Planned Training", index="btree_not_null", tracking=True,
        domain="[('course_id', '=', course_id)]", help="The training of the annual plan this session holds.")
    attendee_count = fields.Integer(
        compute="_compute_itss_figures", store=True, itss_protected=True, string="Attendees")
    absentee_count = fields.Integer(
        compute="_compute_itss_figures", store=True, itss_protected=True, string="Absentees")
    passed_count = fields.Integer(
        compute="_compute_itss_figures", store=True, itss_protected=True, string="Passed")
    pass_rate = fields.Float(
        compute="_compute_itss_figures", store=True, itss_protected=True, string="Pass Rate (%)",
        aggregator="avg")
    satisfaction_avg = fields.Float(
        compute="_compute_itss_figures", store=True, itss_protected=True, string="Satisfaction",
        aggregator="avg", digits=(16, 2), help="Average rating (1–5) of attendees.")

    @api.depends("course_attendee_ids.attendance", "course_attendee_ids.result",
                 "course_attendee_ids.satisfaction", "course_attendee_ids.active")
    def _compute_itss_figures(self):
        for session in self:
            attendees = session.course_attendee_ids.filtered("active")
            present = attendees.filtered(lambda a: a.attendance == "present")
            rated = present.filtered("satisfaction")
            session.attendee_count = len(attendees)
            session.absentee_count = len(attendees) - len(present)
            session.passed_count = len(attendees.filtered(lambda a: a.result == "passed"))
            session.pass_rate = round(100.0 * session.passed_count / len(present), 2) if present else 0.0
            session.satisfaction_avg = (
                round(sum(rated.mapped("satisfaction")) / len(rated), 2) if rated else 0.0)

    @api.constrains("plan_line_id", "course_id")
    def _check_plan_line(self):
        for session in self:
            if session.plan_line_id and session.plan_line_id.course_id != session.course_id:
                raise ValidationError(self.env._(
                    "Session %(session)s holds course %(course)s, not the planned training %(planned)s.",
                    session=session.name, course=session.course_id.name,
                    planned=session.plan_line_id.display_name))

    # The session's steps (hr_course's buttons) are the actions that move its state: HR and O&M
    # managers run them on the sessions they may change.
    def _itss_session_action(self):
        return self._itss_action(SESSION_GROUPS, message=self.env._(
            "Only HR officers and O&M managers move training sessions through their steps."))

    def draft2waiting(self):
        super(HrCourseSchedule, self._itss_session_action()).draft2waiting()
        return True

    def waiting2inprogress(self):
        super(HrCourseSchedule, self._itss_session_action()).waiting2inprogress()
        return True

    def inprogress2validation(self):
        super(HrCourseSchedule, self._itss_session_action()).inprogress2validation()
        return True

    def validation2complete(self):
        sessions = self._itss_session_action()
        super(HrCourseSchedule, sessions).validation2complete()
        sessions.filtered(lambda s: s.state == "completed")._itss_after_completion()
        return True

    def back2draft(self):
        super(HrCourseSchedule, self._itss_session_action()).back2draft()
        return True

    def cancel_course(self):
        super(HrCourseSchedule, self._itss_session_action()).cancel_course()
        return True

    def _itss_after_completion(self):
        """Certificates for those who passed, a penalty follow-up for absentees (培训缺勤处罚)."""
        Skill = self.env["hr.employee.skill"].sudo()
        vals_list = []
        for session in self:
            attendees = session.course_attendee_ids.filtered("active")
            course = session.course_id
            if course.grants_certification:
                valid_from = session.end_date or self.env.company._itss_today()
                months = course.certification_validity_months
                for attendee in attendees.filtered(lambda a: a.result == "passed" and not a.certification_id):
                    vals_list.append({
                        "employee_id": attendee.employee_id.id,
                        "skill_type_id": course.certification_skill_id.skill_type_id.id,
                        "skill_id": course.certification_skill_id.id,
                        "skill_level_id": course.certification_skill_level_id.id,
                        "valid_from": valid_from,
                        "valid_to": valid_from + relativedelta(months=months, days=-1) if months else False,
                        "itss_attendee_id": attendee.id,
                    })
            absentees = attendees.filtered(lambda a: a.attendance == "absent")
            for attendee in absentees:
                employee = attendee.employee_id
                user = employee._itss_manager_user()
                if user:
                    employee.sudo().activity_schedule(
                        "mail.mail_activity_data_todo", user_id=user.id,
                        summary=self.env._("Absent from training"),
                        note=self.env._(
                            "%(employee)s missed the training %(session)s: apply the penalty of the "
                            "training system and plan a make-up session.",
                            employee=employee.name, session=session.name),
                    )
            if absentees:
                session.message_post(body=self.env._(
                    "Absentees (penalty per the training system): %(names)s",
                    names=", ".join(absentees.employee_id.mapped("name"))))
        for line in Skill.create(vals_list):
            line.itss_attendee_id.sudo().certification_id = line
