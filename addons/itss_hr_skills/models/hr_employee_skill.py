# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

REMINDER_DAYS = (60, 30)


class HrEmployeeSkill(models.Model):
    """Certifications (skill lines of a certification skill type) remind their holder and the
    holder's manager 60 and 30 days before they expire."""

    _name = "hr.employee.skill"
    _inherit = ["hr.employee.skill", "itss.guard.mixin"]
    # Upstream model: only the ITSS fields marked itss_protected are guarded.
    _itss_guard_readonly = False
    # hr_skills orders by type and level only, so a renewed certification and its expired
    # predecessor tie and come back in any order; hr_skills' certification check keeps the last
    # line it reads, so the latest validity must come last.
    _order = "skill_type_id, skill_level_id, valid_from, id"

    itss_reminded_days = fields.Integer(
        string="Expiry Reminder Sent", readonly=True, copy=False, itss_protected=True,
        help="Days before expiry of the last reminder sent (60 or 30); 0 when none was sent yet.")
    itss_attendee_id = fields.Many2one(
        "hr.course.attendee", string="Issued By Training", readonly=True, copy=False, index="btree_not_null",
        itss_protected=True,
        help="The training result that issued this certificate.")

    @api.model
    def _itss_reminder_stage(self, days_left):
        """The reminder due ``days_left`` days before expiry: 60, 30 or None (not yet, or expired)."""
        if days_left < 0:
            return None
        due = [days for days in REMINDER_DAYS if days_left <= days]
        return min(due) if due else None

    @api.model
    def _cron_remind_certification_expiry(self):
        """Daily: remind the holder and their manager 60 and 30 days before a certification expires.

        Each reminder fires once; a missed day is caught up the next day (the stage is "at most N
        days left"), and an engineer first seen 25 days before expiry only gets the 30-day one.
        "Today" is the day in the time zone of the holder's company.
        """
        reminded = {days: self.browse() for days in REMINDER_DAYS}
        # one search with a day of margin on both sides (time zones), then each company's own "today"
        utc_today = fields.Date.today()
        candidates = self.sudo().search([
            ("skill_type_id.is_certification", "=", True),
            ("employee_id.active", "=", True),
            ("valid_to", ">=", utc_today - relativedelta(days=1)),
            ("valid_to", "<=", utc_today + relativedelta(days=max(REMINDER_DAYS) + 1)),
        ])
        for company, lines in candidates.grouped(lambda line: line.employee_id.company_id).items():
            today = company._itss_today()
            lines = lines.filtered(
                lambda line, today=today: today <= line.valid_to <= today + relativedelta(days=max(REMINDER_DAYS)))
            self._itss_remind_expiry(lines, today, reminded)
        for days, done in reminded.items():
            done.sudo().write({"itss_reminded_days": days})
        self.env["hr.employee"]._cron_refresh_certification_count()

    @api.model
    def _itss_remind_expiry(self, lines, today, reminded):
        """Schedule the due reminders of ``lines`` on ``today``; collect them in ``reminded`` by stage."""
        for line in lines:
            stage = self._itss_reminder_stage((line.valid_to - today).days)
            if not stage or (line.itss_reminded_days and line.itss_reminded_days <= stage):
                continue
            employee = line.employee_id
            users = employee.user_id | employee.parent_id.user_id
            if not users:
                users = employee._itss_hr_fallback_user()
            for user in users:
                employee.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    date_deadline=line.valid_to,
                    summary=self.env._("Certification expires in %(days)s days", days=stage),
                    note=self.env._(
                        "The certification %(certification)s of %(employee)s expires on %(date)s: plan the "
                        "renewal (training or exam).",
                        certification=line.display_name, employee=employee.name, date=line.valid_to),
                )
            reminded[stage] |= line
