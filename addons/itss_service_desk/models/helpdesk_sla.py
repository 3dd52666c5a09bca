# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from .itss_priority_matrix import PRIORITIES

CLOCK_KEYS = {
    "hours", "days", "ignore_stage_ids", "escalation_leader_percent", "escalation_manager_percent",
}


class HelpdeskSla(models.Model):
    """ITSS service level targets: per customer project and priority, response or resolution."""

    _name = "helpdesk.sla"
    _inherit = ["helpdesk.sla", "itss.cache.stamp.mixin"]

    itss_target = fields.Selection(
        [("response", "First Response"), ("resolution", "Resolution")],
        string="Target",
        default="resolution",
        required=True,
        tracking=True,
        help="First response: met by the first public reply or on-site arrival. "
        "Resolution: met when the ticket reaches the target stage.",
    )
    itss_priority = fields.Selection(
        PRIORITIES, string="Priority", tracking=True, help="Leave empty for every priority."
    )
    service_project_ids = fields.Many2many(
        "itss.service.project",
        "helpdesk_sla_itss_service_project_rel",
        "sla_id",
        "project_id",
        string="Service Projects",
        help="Leave empty for every project. The project's service hours count the time.",
    )
    catalog_service_id = fields.Many2one(
        "itss.catalog.service",
        index=True,
        tracking=True,
        ondelete="restrict",
        help="The catalog service whose service level this is: the projects subscribing the service "
        "get it unless their contract sets its own target (a project SLA) for the same target.",
    )
    itss_level = fields.Selection(
        [("general", "General"), ("service", "Catalog Service"), ("contract", "Contract Override")],
        string="Source",
        compute="_compute_itss_level",
        store=True,
        help="Which target a ticket gets, per target kind: the contract's override before the "
        "catalog service's level, before the general targets of the team.",
    )
    escalation_leader_percent = fields.Integer(
        string="Escalate to Team Leader at (%)",
        default=75,
        help="Share of the target elapsed when the team leader gets an activity.",
    )
    escalation_manager_percent = fields.Integer(
        string="Escalate to O&M Manager at (%)",
        default=100,
        help="Share of the target elapsed when the project's O&M manager gets an activity.",
    )

    @api.depends("service_project_ids", "catalog_service_id")
    def _compute_itss_level(self):
        for sla in self:
            sla.itss_level = (
                "contract" if sla.service_project_ids else "service" if sla.catalog_service_id else "general"
            )

    @api.model_create_multi
    def create(self, vals_list):
        slas = super().create(vals_list)
        slas._itss_check_service_open()
        for sla in slas:
            sla._itss_log_override(sla.service_project_ids, self.env._("Contract SLA override added"))
        return slas

    def write(self, vals):
        self._itss_check_service_open()
        projects_before = self.service_project_ids
        res = super().write(vals)
        self._itss_check_service_open()
        if CLOCK_KEYS & vals.keys():
            self._itss_recompute_open_clocks()
        if CLOCK_KEYS & vals.keys() or {"service_project_ids", "itss_priority", "itss_target"} & vals.keys():
            self._itss_log_override(projects_before | self.service_project_ids,
                                    self.env._("Contract SLA override changed"))
        return res

    def unlink(self):
        self._itss_check_service_open()
        for sla in self:
            sla._itss_log_override(sla.service_project_ids, self.env._("Contract SLA override removed"))
        return super().unlink()

    def _itss_stamp_owners(self):
        # An SLA may be shared by all companies (no company) or moved to another one: every
        # company's stamp moves, so no ticket matches against a stale list of targets.
        return {"res.company": None}

    @api.model
    def _itss_limits_removed(self, fname, ids):
        """Tags or categories (``fname``) are deleted: an SLA limited to them may be left with none,
        i.e. apply to more tickets, so the matching cached on the company stamp is read again."""
        self.sudo().with_context(active_test=False).search([(fname, "in", ids)])._itss_bump_stamps()

    @api.model
    def _itss_matching_ids(self, domain, company_id):
        """Ids of the SLAs (active or not, all companies) matching a ticket's ``domain``.

        Every ticket created runs one of the same few matching searches: cached until an SLA
        changes or a tag or category an SLA uses is removed (the company stamp). The caller
        searches these ids again with its own rights and context.
        """
        stamp = self._itss_cache_stamp("res.company", company_id) if company_id else None
        if stamp is None:
            return self._itss_matching_ids_read(domain)
        return self._itss_matching_ids_cached(str(domain), company_id, stamp, domain)

    @api.model
    @tools.ormcache("domain_key", "company_id", "stamp")
    def _itss_matching_ids_cached(self, domain_key, company_id, stamp, domain):
        return self._itss_matching_ids_read(domain)

    @api.model
    def _itss_matching_ids_read(self, domain):
        return tuple(self.sudo().with_context(active_test=False).search(domain).ids)

    def _itss_check_service_open(self):
        """The levels of a published or retired catalog service change only with a new version."""
        if self.env.su:
            return
        for sla in self:
            if sla.catalog_service_id.state in ("published", "retired") and not sla.service_project_ids:
                raise UserError(self.env._(
                    "The service level %(sla)s belongs to the published catalog service %(service)s: "
                    "revise the service to change its levels.",
                    sla=sla.name, service=sla.catalog_service_id.display_name))

    def _itss_log_override(self, projects, title):
        """Contract overrides are visible on the project: every change goes to its chatter."""
        if not projects:
            return
        for sla in self:
            body = self.env._(
                "%(title)s: %(sla)s (%(target)s, %(priority)s, %(days)s d %(hours)s h).",
                title=title, sla=sla.name,
                target=dict(sla._fields["itss_target"]._description_selection(self.env)).get(sla.itss_target),
                priority=sla.itss_priority or self.env._("all priorities"), days=sla.days, hours=sla.hours,
            )
            for project in projects.sudo():
                project.message_post(body=body, message_type="comment", subtype_xmlid="mail.mt_note")

    def _itss_recompute_open_clocks(self):
        """A changed target applies to the tickets still running under it, from their report time."""
        rows = self.env["helpdesk.ticket.sla"].sudo().search([
            ("sla_id", "in", self.ids), ("state", "in", ("in_progress", "on_hold")),
        ])
        for field in ("hours", "deadline"):
            self.env.add_to_compute(rows._fields[field], rows)

    @api.constrains("escalation_leader_percent", "escalation_manager_percent")
    def _check_escalation_percents(self):
        for sla in self:
            leader, manager = sla.escalation_leader_percent, sla.escalation_manager_percent
            if not (0 < leader <= 200 and 0 < manager <= 200) or leader >= manager:
                raise ValidationError(self.env._(
                    "SLA %(sla)s: escalation percentages must lie between 1 and 200, the team "
                    "leader's below the O&M manager's.",
                    sla=sla.name,
                ))
