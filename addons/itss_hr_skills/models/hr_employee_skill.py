# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

REMINDER_DAYS = (60, 30)


class HrEmployeeSkill(models.Model):
    """Certifications (skill lines of a certification skill type) remind their holder and the
    holder's manager 60 and 30 days before they expire."""

    _inherit = "hr.employee.skill"
    # hr_skills orders by type and level only, so a renewed certification and its expired
    # predecessor tie and come back in any order; hr_skills' certification check keeps the last
    # line it reads, so the latest validity must come last.
    _order = "skill_type_id, skill_level_id, valid_from, id"

    itss_reminded_days = fields.Integer(
        string="Expiry Reminder Sent", readonly=True, copy=False,
        help="Days before expiry of the last reminder sent (60 or 30); 0 when none was sent yet.")
    itss_attendee_id = fields.Many2one(
        "hr.course.attendee", string="Issued By Training", readonly=True, copy=False, index="btree_not_null",
        help="The training result that issued this certificate.")

    def _get_passive_fields(self):
        return super()._get_passive_fields() + ["itss_reminded_days", "itss_attendee_id"]

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
        """
        today = fields.Date.context_today(self)
        lines = self.search([
            ("skill_type_id.is_certification", "=", True),
            ("employee_id.active", "=", True),
            ("valid_to", ">=", today),
            ("valid_to", "<=", today + relativedelta(days=max(REMINDER_DAYS))),
        ])
        reminded = {days: self.browse() for days in REMINDER_DAYS}
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
        for days, done in reminded.items():
            done.write({"itss_reminded_days": days})
        self.env["hr.employee"]._cron_refresh_certification_count()
