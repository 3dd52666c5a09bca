# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import UTC, datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssOnsiteShift(models.Model):
    """A duty shift of a stationed engineer at the customer site (值班排班) and its attendance (考勤).

    Shifts are planned from the project's service hours; the engineer signs in and out (from the
    mobile web client), or the O&M manager records an absence, its replacement and that the
    customer was informed. A finished shift (signed out or absent) is a record and no longer changes.
    """

    _name = "itss.onsite.shift"
    _description = "On-site Duty Shift"
    _inherit = ["mail.thread", "itss.onsite.assignment.mixin", "itss.guard.mixin"]
    _order = "planned_start desc, id desc"

    date = fields.Date(compute="_compute_date", store=True, index=True, string="Day")
    planned_start = fields.Datetime(required=True, tracking=True)
    planned_end = fields.Datetime(required=True, tracking=True)
    check_in = fields.Datetime(string="Signed In", readonly=True, copy=False)
    check_out = fields.Datetime(string="Signed Out", readonly=True, copy=False)
    worked_hours = fields.Float(compute="_compute_worked_hours", store=True, aggregator="sum")
    state = fields.Selection(
        [("planned", "Planned"), ("present", "On Site"), ("done", "Done"), ("absent", "Absent")],
        default="planned", required=True, readonly=True, tracking=True, copy=False, index=True,
    )
    late = fields.Boolean(compute="_compute_worked_hours", store=True, help="Signed in after the shift began.")
    absence_reason = fields.Char(tracking=True)
    replacement_id = fields.Many2one("hr.employee", string="Replaced by", tracking=True, check_company=True)
    customer_informed = fields.Boolean(
        readonly=True, tracking=True, copy=False,
        help="The customer contact was told of the absence and of the replacement (by mail, when the "
        "absence was recorded).")
    local_hours = fields.Char(string="Hours", compute="_compute_local_hours",
                              help="The planned hours in the company's time zone.")
    replaced_shift_id = fields.Many2one(
        "itss.onsite.shift", string="Replaces", readonly=True, copy=False, index="btree_not_null",
        help="The absent engineer's shift this replacement shift covers.")
    replacement_shift_id = fields.Many2one(
        "itss.onsite.shift", compute="_compute_replacement_shift_id")

    @api.depends("planned_start", "planned_end", "company_id")
    def _compute_local_hours(self):
        for shift in self:
            if not (shift.planned_start and shift.planned_end):
                shift.local_hours = False
                continue
            tz = shift.company_id._itss_tz()
            start, end = (fields.Datetime.to_datetime(moment).replace(tzinfo=UTC).astimezone(tz)
                          for moment in (shift.planned_start, shift.planned_end))
            shift.local_hours = f"{start:%H:%M}–{end:%H:%M}"

    def _compute_replacement_shift_id(self):
        replacements = self.sudo().search([("replaced_shift_id", "in", self.ids)])
        by_shift = {shift.replaced_shift_id.id: shift.id for shift in replacements}
        for shift in self:
            shift.replacement_shift_id = by_shift.get(shift.id, False)

    @api.depends("planned_start", "company_id")
    def _compute_date(self):
        for shift in self:
            shift.date = shift.company_id._itss_local_date(shift.planned_start) if shift.planned_start else False

    @api.depends("check_in", "check_out", "planned_start")
    def _compute_worked_hours(self):
        for shift in self:
            shift.worked_hours = (
                round((shift.check_out - shift.check_in).total_seconds() / 3600, 2)
                if shift.check_in and shift.check_out else 0.0
            )
            shift.late = bool(shift.check_in and shift.planned_start and shift.check_in > shift.planned_start
                              + timedelta(minutes=5))

    def _compute_display_name(self):
        for shift in self:
            shift.display_name = f"{shift.employee_id.name or ''} {shift.date or ''}"

    @api.constrains("planned_start", "planned_end", "assignment_id")
    def _check_shift(self):
        for shift in self:
            if shift.planned_end <= shift.planned_start:
                raise ValidationError(self.env._(
                    "The shift of %(engineer)s ends before it starts.", engineer=shift.employee_id.name))
            assignment = shift.assignment_id
            if shift.date < assignment.date_from or (assignment.date_to and shift.date > assignment.date_to):
                raise ValidationError(self.env._(
                    "The shift of %(engineer)s on %(day)s lies outside the on-site assignment.",
                    engineer=shift.employee_id.name, day=shift.date))
        others = self.sudo().search([
            ("employee_id", "in", self.employee_id.ids), ("id", "not in", self.ids),
            ("planned_start", "<", max(self.mapped("planned_end"))),
            ("planned_end", ">", min(self.mapped("planned_start"))),
        ])
        for shift in self:
            for other in others | self:
                if other != shift and other.employee_id == shift.employee_id and \
                        other.planned_start < shift.planned_end and other.planned_end > shift.planned_start:
                    raise ValidationError(self.env._(
                        "%(engineer)s already has a shift from %(start)s to %(end)s: shifts of one engineer "
                        "cannot overlap.", engineer=shift.employee_id.name,
                        start=other.planned_start, end=other.planned_end))

    def _itss_locked_fnames(self):
        if self.state in ("done", "absent"):
            return ALL_FIELDS
        if self.state == "present":
            return frozenset({"assignment_id", "planned_start", "planned_end"})
        return frozenset()

    def _itss_locked_message(self, field_label):
        return self.env._("The shift %(shift)s is finished: “%(field)s” can no longer be changed.",
                          shift=self.display_name, field=field_label)

    def _itss_own_action(self):
        """The engineer signs their own shifts; nobody signs in for someone else."""
        shifts = self._itss_action(["itss_capability.group_itss_user"], access="read")
        if not self.env.su and any(shift.user_id != self.env.user for shift in shifts):
            raise UserError(self.env._("You can only sign in and out of your own shifts."))
        return shifts

    def action_sign_in(self):
        shifts = self._itss_own_action()
        for shift in shifts:
            if shift.state != "planned":
                raise UserError(self.env._("The shift %(shift)s is not waiting for a sign-in.",
                                           shift=shift.display_name))
        shifts.write({"state": "present", "check_in": fields.Datetime.now()})
        return True

    def action_sign_out(self):
        shifts = self._itss_own_action()
        for shift in shifts:
            if shift.state != "present" or not shift.check_in:
                raise UserError(self.env._(
                    "Sign in to the shift %(shift)s before signing out.", shift=shift.display_name))
        shifts.write({"state": "done", "check_out": fields.Datetime.now()})
        return True

    def action_mark_absent(self):
        """The O&M manager approves an absence: its reason is required. The replacement engineer gets
        a shift at the same hours (their other shifts must not overlap) and the customer contact is
        told of the absence and the replacement by mail, in their language."""
        shifts = self._itss_action(["itss_capability.group_itss_manager"],
                                   message=self.env._("Only O&M managers record absences."))
        for shift in shifts:
            if shift.state != "planned":
                raise UserError(self.env._("Only a planned shift can be marked absent: %(shift)s.",
                                           shift=shift.display_name))
            if not (shift.absence_reason or "").strip():
                raise UserError(self.env._("Give the reason of the absence of %(shift)s.", shift=shift.display_name))
            if shift.replacement_id and shift.replacement_id == shift.employee_id:
                raise UserError(self.env._("An engineer cannot replace themselves."))
        shifts.write({"state": "absent", "customer_informed": True})
        shifts._itss_create_replacement_shifts()
        template = self.env.ref("itss_hr_skills.mail_template_onsite_absence")
        for shift in shifts:
            shift.message_post_with_source(template, message_type="comment", subtype_xmlid="mail.mt_comment")
        return True

    def _itss_create_replacement_shifts(self):
        """A shift of the replacement engineer at the same hours, on their assignment at the project
        (a one-day replacement assignment when they have none there)."""
        with_replacement = self.filtered("replacement_id")
        if not with_replacement:
            return self.browse()
        Assignment = self.env["itss.onsite.assignment"].sudo()
        assignments = Assignment.search([
            ("employee_id", "in", with_replacement.replacement_id.ids),
            ("project_id", "in", with_replacement.project_id.ids),
        ])
        vals_list = []
        for shift in with_replacement:
            assignment = assignments.filtered(
                lambda a, s=shift: a.employee_id == s.replacement_id and a.project_id == s.project_id
                and a.date_from <= s.date and (not a.date_to or a.date_to >= s.date))[:1]
            if not assignment:
                assignment = Assignment.create({
                    "employee_id": shift.replacement_id.id, "project_id": shift.project_id.id,
                    "date_from": shift.date, "date_to": shift.date, "company_id": shift.company_id.id,
                    "contact_id": shift.assignment_id.contact_id.id,
                    "role": self.env._("Replacement of %(engineer)s", engineer=shift.employee_id.name),
                })
            vals_list.append({"assignment_id": assignment.id, "planned_start": shift.planned_start,
                              "planned_end": shift.planned_end, "replaced_shift_id": shift.id})
        return self.sudo().create(vals_list)

    @api.model
    def _itss_plan_shifts(self, assignments, date_from, date_to):
        """Shifts of ``assignments`` for the days ``date_from``..``date_to`` from the project's service
        hours (the company's calendar when the project has none); days already planned are skipped."""
        vals_list = []
        existing = {
            (shift.assignment_id.id, shift.date)
            for shift in self.sudo().search([("assignment_id", "in", assignments.ids),
                                             ("date", ">=", date_from), ("date", "<=", date_to)])
        }
        for assignment in assignments.sudo():
            calendar = assignment.project_id.resource_calendar_id or assignment.company_id.resource_calendar_id
            first = max(date_from, assignment.date_from)
            last = min(date_to, assignment.date_to) if assignment.date_to else date_to
            if not calendar or first > last:
                continue
            start = datetime.combine(first, time.min).replace(tzinfo=UTC) - timedelta(days=1)
            end = datetime.combine(last, time.max).replace(tzinfo=UTC) + timedelta(days=1)
            intervals = calendar._work_intervals_batch(start, end)[False]
            days = {}
            for begin, stop, _meta in intervals:
                begin, stop = begin.astimezone(UTC).replace(tzinfo=None), stop.astimezone(UTC).replace(tzinfo=None)
                day = assignment.company_id._itss_local_date(begin)
                if first <= day <= last:
                    known = days.get(day)
                    days[day] = (min(known[0], begin), max(known[1], stop)) if known else (begin, stop)
            for day, (begin, stop) in sorted(days.items()):
                if (assignment.id, day) not in existing:
                    vals_list.append({"assignment_id": assignment.id, "planned_start": begin, "planned_end": stop})
        return self.sudo().create(vals_list)

    @api.model
    def _itss_demo_history(self, assignment_ids, author_id, replacement_id, approver_id):
        """Demo data: two months of duty roster and attendance, client feedback and one reward.

        Past shifts are signed in and out a few minutes around their planned times; one shift is an
        absence with a replacement and the customer informed.
        """
        assignments = self.env["itss.onsite.assignment"].browse(assignment_ids)
        company = assignments.company_id[:1] or self.env.company
        today = company._itss_today()
        first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        first = (first - timedelta(days=1)).replace(day=1)
        last = (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        shifts = self._itss_plan_shifts(assignments, first, last)
        now = fields.Datetime.now()
        past = shifts.filtered(lambda s: s.planned_end < now).sorted("planned_start")
        absent = past.filtered(lambda s: s.assignment_id == assignments[-1:])[-15:-14]
        absent.write({"state": "absent", "absence_reason": "病假（发热）", "replacement_id": replacement_id,
                      "customer_informed": True})
        for index, shift in enumerate(past - absent):
            shift.write({
                "state": "done",
                "check_in": shift.planned_start + timedelta(minutes=12 if index % 9 == 0 else -((index * 7) % 15)),
                "check_out": shift.planned_end + timedelta(minutes=(index * 11) % 40),
            })
        Feedback = self.env["itss.onsite.feedback"]
        comments = ["响应及时，HIS 数据库巡检细致。", "服务态度好，夜间故障处理到位。", "能主动发现隐患并提出建议。",
                    "周报按时提交，沟通顺畅。"]
        for offset, month in enumerate((first, (first + timedelta(days=32)).replace(day=1))):
            for index, assignment in enumerate(assignments):
                Feedback.create({
                    "assignment_id": assignment.id, "period_start": month, "score": 5 - (index + offset) % 2,
                    "comments": comments[(index + 2 * offset) % 4], "author_id": author_id,
                })
        reward = self.env["itss.onsite.sanction"].create({
            "employee_id": assignments[:1].employee_id.id, "assignment_id": assignments[:1].id, "kind": "reward",
            "date": first + timedelta(days=40), "points": 5,
            "reason": "夜间抢修 HIS 数据库，比服务级别目标提前 1 小时恢复门诊业务，获医院信息科书面表扬。",
        })
        reward.write({"state": "approved", "approved_by_id": approver_id, "approved_date": reward.date})
        return True
