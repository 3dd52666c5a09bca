# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import is_html_empty

from .itss_priority_matrix import LEVELS, PRIORITIES

# Datetimes the module computes with (SLA clocks, periods): outside these years they are refused.
DATETIME_MIN, DATETIME_MAX = datetime(2000, 1, 1), datetime(2100, 12, 31, 23, 59, 59)
FINISHED_STATES = ("accomplished", "expired")

SLA_KEYS = {
    "itss_impact", "itss_urgency", "itss_priority_override", "service_project_id", "team_id",
    "category_id", "tag_ids", "itss_reported_at", "catalog_service_id",
}
# helpdesk_mgmt's star priority of each ITSS priority: lists, kanban, the team dashboard's "high
# priority" count and the upstream filters then agree with the impact × urgency priority.
HELPDESK_PRIORITY = {"P1": "3", "P2": "2", "P3": "1", "P4": "0"}
# Per target kind, a ticket takes the most specific service levels that apply to it.
SLA_LEVEL_RANK = {"general": 0, "service": 1, "contract": 2}


class HelpdeskTicket(models.Model):
    """ITSS incident management on the helpdesk ticket: classification, priority, dispatch, closure."""

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "itss.guard.mixin"]
    # helpdesk_mgmt's own fields stay as they are; the SLA figures below are set by the clock only.
    _itss_guard_readonly = False

    itss_kind = fields.Selection(
        [
            ("incident", "Incident"),
            ("service_request", "Service Request"),
            ("complaint", "Complaint"),
            ("consultation", "Consultation"),
        ],
        string="Ticket Kind",
        default="incident",
        required=True,
        tracking=True,
        index=True,
    )
    itss_channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "Email"),
            ("portal", "Portal"),
            ("onsite", "On-site"),
            ("monitoring", "Monitoring"),
        ],
        string="Reporting Channel",
        default="phone",
        tracking=True,
    )
    service_project_id = fields.Many2one(
        "itss.service.project",
        check_company=True,
        tracking=True,
        index=True,
        help="The customer O&M contract this ticket belongs to; project-level KPIs group by it.",
    )
    catalog_service_id = fields.Many2one(
        "itss.catalog.service",
        compute="_compute_catalog_service_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        tracking=True,
        index=True,
        domain="[('project_ids', '=', service_project_id)]",
        help="The service of the catalog, among those the project subscribes, this ticket is about: "
        "its service levels apply unless the contract overrides them.",
    )
    equipment_ids = fields.Many2many(
        "maintenance.equipment",
        "helpdesk_ticket_maintenance_equipment_rel",
        "ticket_id",
        "equipment_id",
        string="Affected Configuration Items",
        check_company=True,
    )
    itss_impact = fields.Selection(LEVELS, string="Impact", default=lambda self: self._default_level(),
                                   tracking=True)
    itss_urgency = fields.Selection(LEVELS, string="Urgency", default=lambda self: self._default_level(),
                                    tracking=True)
    itss_priority_override = fields.Selection(
        PRIORITIES,
        string="Priority Override",
        tracking=True,
        help="Set by an agent to replace the priority given by the impact × urgency matrix.",
    )
    itss_priority_reason = fields.Char(string="Override Reason", tracking=True)
    itss_priority = fields.Selection(
        PRIORITIES,
        string="ITSS Priority",
        compute="_compute_itss_priority",
        store=True,
        index=True,
        tracking=True,
        itss_protected=True,
    )
    priority = fields.Selection(
        compute="_compute_priority",
        store=True,
        readonly=True,
        itss_protected=True,
        help="Follows the ITSS priority (P1 = Very High … P4 = Low); change the impact, the urgency or "
        "the priority override instead.",
    )
    is_major_incident = fields.Boolean(
        string="Major Incident",
        compute="_compute_is_major_incident",
        store=True,
        readonly=False,
        tracking=True,
        help="Set automatically for P1 incidents; the notification list is informed when it is set.",
    )
    major_incident_partner_ids = fields.Many2many(
        "res.partner",
        "helpdesk_ticket_major_incident_partner_rel",
        "ticket_id",
        "partner_id",
        string="Major Incident Notification List",
    )
    major_incident_report = fields.Html(
        string="Post-incident Report", help="Required before a major incident is closed."
    )
    dispatch_ids = fields.One2many("itss.ticket.dispatch", "ticket_id", string="Dispatches")
    dispatch_count = fields.Integer(compute="_compute_dispatch_counts", store=True, itss_protected=True)
    returned_dispatch_count = fields.Integer(
        string="Returned Dispatches", compute="_compute_dispatch_counts", store=True, itss_protected=True
    )
    onsite_visit_ids = fields.One2many("itss.onsite.visit", "ticket_id", string="On-site Visits")
    return_visit_ids = fields.One2many("itss.return.visit", "ticket_id", string="Return Visits")
    itss_first_response_at = fields.Datetime(
        string="First Response", readonly=True, copy=False, itss_protected=True,
        help="First public reply to the customer or first on-site arrival, whichever came first.",
    )
    itss_resolution_code = fields.Selection(
        [
            ("fixed", "Fixed"),
            ("workaround", "Workaround"),
            ("config_change", "Configuration Changed"),
            ("hardware_replaced", "Hardware Replaced"),
            ("user_guidance", "User Guidance"),
            ("no_fault", "No Fault Found"),
            ("third_party", "Resolved by Third Party"),
        ],
        string="Resolution Code",
        tracking=True,
    )
    itss_resolution_notes = fields.Html(string="Resolution Notes")
    reopen_count = fields.Integer(string="Reopened", readonly=True, copy=False, default=0, itss_protected=True)
    itss_reported_at = fields.Datetime(
        string="Reported At",
        default=fields.Datetime.now,
        required=True,
        copy=False,
        index=True,
        tracking=True,
        help="When the customer reported the ticket: the SLA clocks start here and monthly "
        "figures count the ticket in this month.",
    )
    itss_stage_period_ids = fields.One2many(
        "itss.ticket.stage.period", "ticket_id", string="Stage History", readonly=True, itss_protected=True
    )
    itss_resolution_hours = fields.Float(
        string="Resolution Time (h)",
        compute="_compute_itss_resolution_hours",
        store=True,
        itss_protected=True,
        aggregator="avg",
        digits=(16, 2),
        help="Hours from the report to the closure.",
    )
    itss_sla_breached = fields.Boolean(
        string="SLA Breached", compute="_compute_itss_sla_breached", store=True, index=True,
        itss_protected=True,
    )
    ticket_sla_ids = fields.One2many(itss_protected=True)
    # Monthly KPIs, service and work reports count the tickets closed in a period: without an
    # index each of them read the whole ticket table (250 ms apiece at 1,000,000 tickets).
    closed_date = fields.Datetime(index=True)
    itss_sla_at_risk = fields.Boolean(
        string="SLA at Risk",
        compute="_compute_itss_sla_at_risk",
        search="_search_itss_sla_at_risk",
        help="A target is past its team-leader escalation moment and not yet due.",
    )

    @api.depends("service_project_id")
    def _compute_catalog_service_id(self):
        """A project subscribing a single service gives it; another project's service is dropped."""
        for ticket in self:
            services = ticket.service_project_id.sudo().catalog_service_ids
            if ticket.catalog_service_id and ticket.catalog_service_id in services:
                continue
            ticket.catalog_service_id = services if len(services) == 1 else False

    @api.constrains("catalog_service_id", "service_project_id")
    def _check_catalog_service(self):
        for ticket in self:
            service = ticket.catalog_service_id
            if service and service not in ticket.service_project_id.sudo().catalog_service_ids:
                raise ValidationError(self.env._(
                    "The ticket %(ticket)s is about the service %(service)s, which its project %(project)s "
                    "does not subscribe.",
                    ticket=ticket.display_name, service=service.display_name,
                    project=ticket.service_project_id.display_name or "-"))

    @api.depends("itss_reported_at", "closed_date")
    def _compute_itss_resolution_hours(self):
        for ticket in self:
            if ticket.closed_date and ticket.itss_reported_at:
                seconds = (ticket.closed_date - ticket.itss_reported_at).total_seconds()
                ticket.itss_resolution_hours = max(seconds, 0) / 3600
            else:
                ticket.itss_resolution_hours = 0.0

    @api.depends("ticket_sla_ids.breached")
    def _compute_itss_sla_breached(self):
        for ticket in self:
            ticket.itss_sla_breached = any(ticket.ticket_sla_ids.mapped("breached"))

    @api.model
    def _itss_at_risk_domain(self):
        now = fields.Datetime.now()
        return Domain([
            ("state", "=", "in_progress"),
            ("reached_at", "=", False),
            ("warning_date", "<=", now),
            ("deadline", ">", now),
        ])

    def _compute_itss_sla_at_risk(self):
        at_risk = set(
            self.env["helpdesk.ticket.sla"].search(
                self._itss_at_risk_domain() & Domain("ticket_id", "in", self.ids)
            ).ticket_id.ids
        )
        for ticket in self:
            ticket.itss_sla_at_risk = ticket.id in at_risk

    def _search_itss_sla_at_risk(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = Domain("ticket_sla_ids", "any", self._itss_at_risk_domain())
        return domain if (operator == "=") == value else ~domain

    @api.model
    def _default_level(self):
        """Medium-low impact/urgency (3) when the company has a priority matrix, else none."""
        return "3" if self.env["itss.priority.matrix"]._priority_for("3", "3", self.env.company) else False

    @api.depends("itss_impact", "itss_urgency", "itss_priority_override", "company_id")
    def _compute_itss_priority(self):
        Matrix = self.env["itss.priority.matrix"]
        for ticket in self:
            if ticket.itss_priority_override:
                ticket.itss_priority = ticket.itss_priority_override
            elif ticket.itss_impact and ticket.itss_urgency:
                ticket.itss_priority = Matrix._priority_for(
                    ticket.itss_impact, ticket.itss_urgency, ticket.company_id or self.env.company
                )
            else:
                ticket.itss_priority = False

    @api.depends("itss_priority")
    def _compute_priority(self):
        for ticket in self:
            ticket.priority = HELPDESK_PRIORITY.get(ticket.itss_priority) or ticket.priority or "1"

    @api.depends("itss_priority", "itss_kind")
    def _compute_is_major_incident(self):
        for ticket in self:
            ticket.is_major_incident = ticket.is_major_incident or (
                ticket.itss_kind == "incident" and ticket.itss_priority == "P1"
            )

    @api.depends("dispatch_ids", "dispatch_ids.returned")
    def _compute_dispatch_counts(self):
        for ticket in self:
            ticket.dispatch_count = len(ticket.dispatch_ids)
            ticket.returned_dispatch_count = len(ticket.dispatch_ids.filtered("returned"))

    @api.constrains("itss_impact", "itss_urgency", "company_id")
    def _check_priority_matrix(self):
        Matrix = self.env["itss.priority.matrix"]
        for ticket in self:
            if ticket.itss_impact and ticket.itss_urgency and not Matrix._priority_for(
                ticket.itss_impact, ticket.itss_urgency, ticket.company_id or self.env.company
            ):
                raise ValidationError(
                    self.env._(
                        "The priority matrix has no priority for impact %(impact)s and urgency "
                        "%(urgency)s: ask a manager to complete it.",
                        impact=ticket.itss_impact,
                        urgency=ticket.itss_urgency,
                    )
                )

    @api.constrains("company_id", "service_project_id", "equipment_ids")
    def _check_itss_company(self):
        self._check_company(["service_project_id", "equipment_ids"])

    @api.model
    def _itss_check_datetime_range(self, *values):
        """Refuse datetimes the clocks and periods cannot compute with (year 1, 9999...)."""
        for value in values:
            if value and not DATETIME_MIN <= fields.Datetime.to_datetime(value) <= DATETIME_MAX:
                raise ValidationError(self.env._(
                    "The date %(date)s is outside the supported range (2000-01-01 to 2100-12-31).",
                    date=fields.Datetime.to_string(fields.Datetime.to_datetime(value))))

    @api.constrains("itss_reported_at")
    def _check_itss_reported_at(self):
        for ticket in self:
            self._itss_check_datetime_range(ticket.itss_reported_at)

    @api.constrains("itss_priority_override", "itss_priority_reason")
    def _check_priority_reason(self):
        for ticket in self:
            if ticket.itss_priority_override and not (ticket.itss_priority_reason or "").strip():
                raise ValidationError(
                    self.env._("Give a reason for overriding the priority of %(ticket)s.",
                               ticket=ticket.display_name)
                )

    @api.constrains("stage_id", "is_major_incident", "major_incident_report")
    def _check_major_incident_report(self):
        for ticket in self:
            if ticket.stage_id.closed and ticket.is_major_incident and is_html_empty(
                ticket.major_incident_report
            ):
                raise ValidationError(
                    self.env._(
                        "The major incident %(ticket)s needs a post-incident report before it is closed.",
                        ticket=ticket.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._itss_default_projects(vals_list)
        tickets = super().create(vals_list)
        self.env["itss.ticket.stage.period"].sudo().create([
            {"ticket_id": ticket.id, "stage_id": ticket.stage_id.id, "date_start": ticket.itss_reported_at}
            for ticket in tickets
            if ticket.stage_id
        ])
        tickets.filtered("is_major_incident")._notify_major_incident()
        return tickets

    def write(self, vals):
        not_major = self.filtered(lambda t: not t.is_major_incident)
        reopened = self.env["helpdesk.ticket"]
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if not stage.closed:
                reopened = self.filtered(lambda t: t.stage_id.closed)
            # States still to compute must see the stage they were created in, not the new one.
            self.sudo().ticket_sla_ids.mapped("state")
            self.filtered(lambda t: t.stage_id != stage)._itss_log_stage(stage)
        res = super().write(vals)
        if vals.get("stage_id") and stage.closed:
            self.filtered(lambda t: not t.itss_first_response_at)._itss_set_first_response(
                fields.Datetime.now()
            )
        for ticket in reopened.sudo():
            ticket.reopen_count += 1
        if SLA_KEYS & vals.keys():
            self._itss_refresh_sla()
        not_major.filtered("is_major_incident")._notify_major_incident()
        return res

    @api.model
    def _itss_default_projects(self, vals_list):
        """A customer with a single active service project gets it on tickets from any channel."""
        partner_ids = {vals["partner_id"] for vals in vals_list
                       if vals.get("partner_id") and not vals.get("service_project_id")}
        if not partner_ids:
            return
        partners = self.env["res.partner"].sudo().browse(partner_ids)
        projects = self.env["itss.service.project"].sudo()._read_group(
            [("partner_id", "in", partners.commercial_partner_id.ids), ("state", "=", "active")],
            ["partner_id"], ["id:array_agg"])
        single = {partner.id: ids[0] for partner, ids in projects if len(ids) == 1}
        for vals in vals_list:
            if vals.get("partner_id") in partner_ids:
                commercial = partners.browse(vals["partner_id"]).commercial_partner_id.id
                if commercial in single:
                    vals["service_project_id"] = single[commercial]

    def _itss_replay(self, first_response_at=False, closed_at=False,
                     stage_xmlid="helpdesk_mgmt.helpdesk_ticket_stage_done"):
        """Record a ticket's past at its real moments (history migrated from another tool, demo data).

        The first response and the closure are dated when they happened, so the SLA targets are
        met or missed as they really were, and monthly figures count them in the right month.
        """
        first_response_at = first_response_at and fields.Datetime.to_datetime(first_response_at)
        closed_at = closed_at and fields.Datetime.to_datetime(closed_at)
        for ticket in self:
            if first_response_at:
                ticket._itss_set_first_response(first_response_at)
            if not closed_at:
                continue
            ticket.write({"stage_id": self.env.ref(stage_xmlid).id})
            sudo = ticket.sudo()
            sudo.write({"closed_date": closed_at, "last_stage_update": closed_at})
            periods = sudo.itss_stage_period_ids.sorted("date_start")
            periods[-2:-1].date_end = closed_at
            periods[-1:].date_start = closed_at
            for row in sudo.ticket_sla_ids.filtered(lambda r: r.itss_target != "response"):
                on_time = row.deadline and closed_at <= row.deadline
                row.write({"reached_at": closed_at, "state": "accomplished" if on_time else "expired"})
            sudo.ticket_sla_ids.filtered(lambda r: r.itss_target == "response" and r.reached_at
                                         and r.reached_at > closed_at).reached_at = closed_at
        return True

    def _itss_recompute_running_sla(self):
        """Recompute the running targets of the tickets (after a correction of their stage history)."""
        rows = self.sudo().ticket_sla_ids.filtered(lambda r: r.state not in FINISHED_STATES)
        for field in ("hours", "deadline"):
            self.env.add_to_compute(rows._fields[field], rows)
        rows.flush_recordset()
        return True

    def _itss_log_stage(self, stage):
        """Close the current stage period and open one for ``stage`` (the SLA pause history)."""
        now = fields.Datetime.now()
        Period = self.env["itss.ticket.stage.period"].sudo()
        Period.search([("ticket_id", "in", self.ids), ("date_end", "=", False)]).write({"date_end": now})
        Period.create([
            {"ticket_id": ticket.id, "stage_id": stage.id, "date_start": max(now, ticket.itss_reported_at)}
            for ticket in self
        ])

    def _get_sla_ticket_domain(self):
        domain = super()._get_sla_ticket_domain()
        domain &= Domain("itss_priority", "in", [False, self.itss_priority or False])
        domain &= Domain("catalog_service_id", "in", [False, *self.catalog_service_id.ids])
        domain &= Domain("service_project_ids", "=", False) | Domain(
            "service_project_ids", "in", self.service_project_id.ids)
        return Domain("id", "in", self.env["helpdesk.sla"]._itss_matching_ids(domain, self.company_id.id))

    def set_sla(self):
        """helpdesk_mgmt_sla's targets of new tickets, created in one batch (its loop creates them one by one)."""
        self.ticket_sla_ids.unlink()
        self.env["helpdesk.ticket.sla"].create([
            {"ticket_id": ticket.id, "sla_id": sla.id}
            for ticket in self.filtered("team_id.use_sla")
            for sla in ticket._get_sla()
        ])

    def _get_sla(self):
        """Per target kind, the contract's overrides replace the service's levels, which replace the
        team's general targets: a ticket never runs two clocks of different sources for one target."""
        slas = super()._get_sla()
        best = {}
        for sla in slas:
            rank = SLA_LEVEL_RANK[sla.itss_level or "general"]
            best[sla.itss_target] = max(best.get(sla.itss_target, rank), rank)
        return slas.filtered(lambda sla: SLA_LEVEL_RANK[sla.itss_level or "general"] == best[sla.itss_target])

    def _itss_refresh_sla(self):
        """Priority, project or matching fields changed: apply the SLAs that fit now.

        Only the running targets follow: those no longer applying are dropped and the ones kept are
        recomputed from the report time with the pauses already recorded. A finished target (met or
        missed) stays exactly as it was found; a closed ticket gets no new target.
        """
        TicketSla = self.env["helpdesk.ticket.sla"]
        for ticket in self.sudo().filtered("team_id.use_sla"):
            before = ticket.ticket_sla_ids
            finished = before.filtered(lambda r: r.state in FINISHED_STATES)
            running = before - finished
            slas = ticket._get_sla()
            running.filtered(lambda r, slas=slas: r.sla_id not in slas).unlink()
            added = TicketSla.sudo()
            if not ticket.stage_id.closed:
                added = TicketSla.sudo().create([
                    {"ticket_id": ticket.id, "sla_id": sla.id} for sla in slas - ticket.ticket_sla_ids.sla_id
                ])
            rows = ticket.ticket_sla_ids
            kept = rows & running
            for field in ("hours", "deadline"):
                self.env.add_to_compute(TicketSla._fields[field], kept)
            if ticket.itss_first_response_at:
                added._itss_response_reached(ticket.itss_first_response_at)
            if rows != before:
                ticket.message_post(
                    body=self.env._(
                        "Service level targets recomputed: %(targets)s.",
                        targets=", ".join(rows.sla_id.mapped("name")) or "-",
                    ),
                    message_type="comment",
                    subtype_xmlid="mail.mt_note",
                )

    def _notify_major_incident(self):
        for ticket in self:
            ticket.message_post(
                body=self.env._(
                    "Major incident declared: %(ticket)s (priority %(priority)s).",
                    ticket=ticket.display_name,
                    priority=ticket.itss_priority or "-",
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                partner_ids=ticket.major_incident_partner_ids.ids,
            )

    def _itss_set_first_response(self, when):
        for ticket in self:
            if not ticket.itss_first_response_at or when < ticket.itss_first_response_at:
                ticket.sudo().itss_first_response_at = when
                ticket.sudo().ticket_sla_ids._itss_response_reached(when)

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        if (
            message.message_type == "comment"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and self.env.user._is_internal()
            and message.author_id == self.env.user.partner_id
        ):
            self._itss_set_first_response(fields.Datetime.now())
        return message

    def action_itss_dispatch(self):
        """Open the dispatch form for this ticket."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispatch"),
            "res_model": "itss.ticket.dispatch",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_ticket_id": self.id,
                "default_team_id": self.team_id.id,
                "default_user_id": self.user_id.id,
            },
        }

    def action_itss_return_dispatch(self):
        """Open the current dispatch so the engineer can return it with a reason."""
        self.ensure_one()
        dispatch = self.dispatch_ids.filtered(lambda d: not d.returned).sorted("dispatched_at")[-1:]
        if not dispatch:
            raise ValidationError(self.env._("The ticket %(ticket)s has no open dispatch to return.",
                                             ticket=self.display_name))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return Dispatch"),
            "res_model": "itss.ticket.dispatch",
            "res_id": dispatch.id,
            "view_mode": "form",
            "target": "new",
        }
