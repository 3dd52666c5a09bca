# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict
from datetime import datetime, timedelta

from pytz import utc

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from ..tools import WorkingTime, sla_deadline

HORIZON_DAYS = 7
# A target in one of these states is finished: it is evidence and is never computed again.
FINISHED_STATES = ("accomplished", "expired")
# The years the clock computes in (helpdesk.ticket refuses report times outside them).
CLOCK_MIN, CLOCK_MAX = datetime(2000, 1, 1), datetime(2101, 1, 1)


class HelpdeskTicketSla(models.Model):
    """The SLA clock of one ticket target, recomputed from its start and its pause history.

    helpdesk_mgmt_sla accumulates consumed time at each stage change on the team's calendar,
    so a priority or project change restarts the clock without the pauses and a closed pause
    can be lost. Here the deadline (and the escalation moments) are always computed again from
    the ticket's report time, the stage periods spent in the SLA's pause stages and the
    project's service hours (holidays included).

    The clock figures (state, deadlines, reached and breach values) are set by the clock only:
    no role writes them directly (``itss.guard.mixin``), and a finished target never changes.
    """

    _name = "helpdesk.ticket.sla"
    _inherit = ["helpdesk.ticket.sla", "itss.guard.mixin"]
    _itss_guard_readonly = False

    # helpdesk_mgmt_sla leaves the link to the ticket unindexed: every ticket read scanned the table.
    ticket_id = fields.Many2one(index=True)
    state = fields.Selection(itss_protected=True)
    deadline = fields.Datetime(itss_protected=True)
    hours = fields.Float(itss_protected=True)
    consumed_time = fields.Float(itss_protected=True)
    last_state_date = fields.Datetime(itss_protected=True)
    expected_stage_id = fields.Many2one(itss_protected=True)
    itss_target = fields.Selection(related="sla_id.itss_target", store=True, string="Target")
    service_project_id = fields.Many2one(
        related="ticket_id.service_project_id", store=True, index=True
    )
    catalog_service_id = fields.Many2one(related="ticket_id.catalog_service_id", store=True, index=True)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    itss_priority = fields.Selection(related="ticket_id.itss_priority", store=True, string="Priority")
    reported_at = fields.Datetime(related="ticket_id.itss_reported_at", store=True, index=True)
    warning_date = fields.Datetime(
        string="Team Leader Escalation", compute="_compute_deadline", store=True, itss_protected=True
    )
    manager_date = fields.Datetime(
        string="O&M Manager Escalation", compute="_compute_deadline", store=True, itss_protected=True
    )
    escalation_level = fields.Selection(
        [("0", "None"), ("1", "Team Leader"), ("2", "O&M Manager")],
        default="0",
        readonly=True,
        copy=False,
        itss_protected=True,
    )
    reached_at = fields.Datetime(string="Met At", readonly=True, copy=False, itss_protected=True)
    breached = fields.Boolean(
        compute="_compute_breached", store=True, index=True, itss_protected=True,
        help="The target was missed: expired, or met after its deadline.",
    )

    def _itss_locked_fnames(self):
        """A clock stays on its ticket and its SLA: another target is another row."""
        return frozenset({"ticket_id", "sla_id"})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_finished(self):
        # helpdesk_mgmt_sla's public set_sla and refresh_sla drop rows to re-create them: a finished
        # target is evidence and stays, whoever calls them.
        finished = self.browse() if self.env.su else self.filtered(lambda row: row.state in FINISHED_STATES)
        if finished:
            raise UserError(self.env._(
                "The SLA target %(target)s is finished (met or missed): it stays as it was found.",
                target=finished[0].display_name))

    def _itss_locked_message(self, field_label):
        return self.env._(
            "The SLA clock %(target)s cannot be moved to another ticket or SLA (“%(field)s”).",
            target=self.display_name, field=field_label)

    @api.depends("state", "deadline", "reached_at")
    def _compute_breached(self):
        for row in self:
            row.breached = row.state == "expired" or bool(
                row.reached_at and row.deadline and row.reached_at > row.deadline
            )

    def _itss_calendar(self):
        ticket = self.ticket_id
        return (
            ticket.service_project_id.resource_calendar_id
            or ticket.team_id.resource_calendar_id
            or (ticket.company_id or self.env.company).resource_calendar_id
        )

    def _itss_target_hours(self, calendar):
        return self.sla_id.hours + calendar.hours_per_day * self.sla_id.days

    def _itss_pauses(self):
        pause_stages = self.sla_id.ignore_stage_ids
        return [
            (period.date_start, period.date_end or None)
            for period in self.ticket_id.itss_stage_period_ids
            if period.stage_id in pause_stages
        ]

    @api.model
    def _itss_working_time(self, calendar, begin, end):
        """Working intervals of ``calendar`` between two days, read once and cached.

        Every new ticket needs the same few days of the same project calendars; the cache is keyed
        on the calendar's stamp, which changes with the calendar, its attendances and its public
        leaves.
        """
        first_day = begin.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=1)
        last_day = end.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
        stamp = self.env["resource.calendar"]._itss_cache_stamp("resource.calendar", calendar.id)
        if stamp is None:
            return WorkingTime(self._itss_intervals(calendar.id, first_day, last_day))
        return WorkingTime(self._itss_intervals_cached(calendar.id, first_day, last_day, stamp))

    @api.model
    @tools.ormcache("calendar_id", "first_day", "last_day", "stamp")
    def _itss_intervals_cached(self, calendar_id, first_day, last_day, stamp):
        return self._itss_intervals(calendar_id, first_day, last_day)

    @api.model
    def _itss_intervals(self, calendar_id, first_day, last_day):
        calendar = self.env["resource.calendar"].sudo().browse(calendar_id)
        intervals = calendar._work_intervals_batch(
            utc.localize(first_day), utc.localize(last_day), compute_leaves=True
        )[False]
        return tuple(
            (start.astimezone(utc).replace(tzinfo=None), stop.astimezone(utc).replace(tzinfo=None))
            for start, stop, _meta in intervals
        )

    def _itss_running_state(self):
        """A response target runs or waits with the ticket's stage, whatever the target stage."""
        return "on_hold" if self.ticket_id.stage_id in self.sla_id.ignore_stage_ids else "in_progress"

    def _compute_sla_data(self):
        res = super()._compute_sla_data()
        for row in self:
            calendar = row._itss_calendar()
            if calendar:
                row.hours = row._itss_target_hours(calendar)
            if row.itss_target == "response":
                row.state = row._itss_running_state()
        return res

    @api.depends(
        "hours", "consumed_time", "ticket_id", "last_state_date", "state",
        "ticket_id.itss_reported_at", "ticket_id.service_project_id",
        "ticket_id.itss_stage_period_ids.date_end",
        "sla_id.escalation_leader_percent", "sla_id.escalation_manager_percent",
    )
    def _compute_deadline(self):
        now = fields.Datetime.now()
        by_calendar = defaultdict(list)
        for row in self:
            if row.state in ("accomplished", "expired") and row.deadline:
                continue
            calendar = row._itss_calendar()
            if not calendar:
                row.deadline = row.warning_date = row.manager_date = False
                continue
            by_calendar[calendar].append(row)
        for calendar, rows in by_calendar.items():
            starts = {row: row.ticket_id.itss_reported_at or row.ticket_id.create_date or now for row in rows}
            # a start outside the supported years (refused on the ticket) has no deadline, never a traceback
            for row in [row for row in rows if not CLOCK_MIN <= starts[row] < CLOCK_MAX]:
                row.deadline = row.warning_date = row.manager_date = False
                rows.remove(row)
                del starts[row]
            if not rows:
                continue
            pauses = {row: row._itss_pauses() for row in rows}
            begin = min(starts.values())
            latest = max([now, *starts.values(), *(end for p in pauses.values() for _b, end in p if end)])
            # Read only as many days of the calendar as the longest target needs (weekends and
            # holidays included); a longer horizon is read below when it falls short.
            longest = max(
                row._itss_target_hours(calendar) * max(1.0, row.sla_id.escalation_manager_percent / 100)
                for row in rows
            )
            days = longest / (calendar.hours_per_day or 8.0)
            end = min(latest + timedelta(days=int(days * 1.5) + HORIZON_DAYS), CLOCK_MAX)
            pending = rows
            for _attempt in range(5):
                working = self._itss_working_time(calendar, begin, end)
                pending = [
                    row for row in pending
                    if not row._itss_set_moments(calendar, working, starts[row], pauses[row])
                ]
                if not pending or end >= CLOCK_MAX:
                    break
                end = min(end + (end - begin) * 2, CLOCK_MAX)
            for row in pending:
                row.deadline = row.warning_date = row.manager_date = False

    def _itss_set_moments(self, calendar, working, start, pauses):
        """Set deadline and escalation moments; False when the calendar horizon is too short."""
        hours = self._itss_target_hours(calendar)
        moments = [
            sla_deadline(start, hours * share, pauses, working.work_hours, working.plan_hours)
            for share in (
                1.0,
                self.sla_id.escalation_leader_percent / 100,
                self.sla_id.escalation_manager_percent / 100,
            )
        ]
        paused = any(end is None for _begin, end in pauses)
        if not paused and None in moments:
            return False
        self.deadline, self.warning_date, self.manager_date = (m or False for m in moments)
        return True

    def _stage_recompute(self):
        # helpdesk_mgmt_sla calls this from the ticket's write, as the user who moved the ticket:
        # the clock figures are the clock's own, written with superuser rights.
        if not self.env.su:
            return self.sudo()._stage_recompute()
        now = fields.Datetime.now()
        if self.itss_target == "response":
            if self.state not in ("accomplished", "expired"):
                self.state = self._itss_running_state()
                self.last_state_date = now
            return None
        res = super()._stage_recompute()
        if self.state == "accomplished" and not self.reached_at:
            self.reached_at = now
        elif self.state == "in_progress" and self.reached_at:
            self.reached_at = False
        return res

    def _itss_response_reached(self, when):
        """First public reply or on-site arrival: the response targets are met (or late)."""
        for row in self.sudo().filtered(lambda r: r.itss_target == "response" and not r.reached_at):
            on_time = not row.deadline or when <= row.deadline
            row.write({
                "reached_at": when,
                "state": "accomplished" if on_time and row.state != "expired" else "expired",
            })

    @api.model
    def _cron_itss_sla_watch(self):
        """Expire targets whose deadline passed and escalate by activities and messages."""
        clock = self.sudo()  # the clock's own work, whoever runs the cron
        now = fields.Datetime.now()
        clock.search([("state", "=", "in_progress"), ("deadline", "<", now)]).write(
            {"state": "expired"}
        )
        open_rows = [("ticket_id.stage_id.closed", "=", False), ("reached_at", "=", False)]
        leader_rows = clock.search(
            open_rows + [("escalation_level", "=", "0"), ("warning_date", "<=", now),
                         ("state", "in", ("in_progress", "expired"))]
        )
        leader_rows._itss_escalate("1")
        manager_rows = clock.search(
            open_rows + [("escalation_level", "!=", "2"), ("manager_date", "<=", now),
                         ("state", "in", ("in_progress", "expired"))]
        )
        manager_rows._itss_escalate("2")

    def _itss_escalate(self, level):
        managers_group = self.env.ref("itss_capability.group_itss_manager")
        for row in self:
            ticket = row.ticket_id
            if level == "1":
                users = ticket.team_id.user_id or ticket.user_id
                summary = self.env._("SLA at risk: %(target)s", target=row.name)
            else:
                users = ticket.service_project_id.manager_id or managers_group.user_ids.filtered(
                    lambda u, c=ticket.company_id: not c or c in u.company_ids
                )[:1]
                summary = self.env._("SLA escalated to O&M manager: %(target)s", target=row.name)
            note = self.env._(
                "%(target)s of %(ticket)s is due %(deadline)s (UTC).",
                target=row.name, ticket=ticket.display_name, deadline=row.deadline or "-",
            )
            for user in users:
                ticket.activity_schedule(
                    "mail.mail_activity_data_todo", user_id=user.id, summary=summary, note=note
                )
            ticket.message_post(
                body=note, subject=summary, message_type="comment", subtype_xmlid="mail.mt_note",
                partner_ids=users.partner_id.ids,
            )
        self.sudo().escalation_level = level
