# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from .itss_guard_mixin import MAIL_FIELDS

UNLOCKED_FIELDS = MAIL_FIELDS | {"project_ids", "active", "sequence"}


class ItssCatalogService(models.Model):
    """A service of the service catalog (服务目录): what the company offers, at which levels.

    Published services are frozen: a change of content is a new version (*Revise*), recorded in
    the chatter. Service projects subscribe published services; a service still subscribed by a
    running project cannot be retired.
    """

    _name = "itss.catalog.service"
    _description = "Catalog Service"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "sequence, code, name"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    version = fields.Integer(default=1, readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("retired", "Retired")],
        default="draft", required=True, readonly=True, tracking=True, copy=False, index=True,
    )
    published_date = fields.Date(readonly=True, copy=False)
    published_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    description = fields.Html(help="What the service is, in the customer's words.")
    scope = fields.Html(help="Systems, sites and activities covered; what is excluded.")
    resource_calendar_id = fields.Many2one(
        "resource.calendar", string="Service Hours", check_company=True, tracking=True,
        help="When the service is delivered (e.g. 5×8 office hours or 7×24).",
    )
    delivery_mode = fields.Selection(
        [("onsite", "On-site"), ("remote_onsite", "Remote + on-site")],
        required=True, default="remote_onsite", tracking=True,
    )
    process_ids = fields.Many2many(
        "itss.process", "itss_catalog_service_process_rel", "service_id", "process_id",
        string="Processes Covered", help="The ITSS O&M processes this service runs for the customer.",
    )
    deliverables = fields.Html(help="Reports, inspections and records the customer receives.")
    project_ids = fields.Many2many(
        "itss.service.project", "itss_service_project_catalog_service_rel", "service_id", "project_id",
        string="Subscribed by", readonly=True, check_company=True,
    )
    project_count = fields.Integer(compute="_compute_project_count", string="Projects")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    active = fields.Boolean(default=True)

    _code_company_unique = models.Constraint(
        "UNIQUE(code, company_id)", "This service code is already used in the catalog of this company."
    )

    @api.depends("project_ids")
    def _compute_project_count(self):
        for service in self:
            service.project_count = len(service.project_ids)

    def _itss_locked_fnames(self):
        """A published or retired service keeps its content; only ordering and archiving change."""
        if self.state in ("published", "retired"):
            return frozenset(self._fields) - UNLOCKED_FIELDS
        return frozenset()

    def _itss_locked_message(self, field_label):
        return self.env._(
            "The catalog service %(service)s is %(state)s: revise it to change “%(field)s”.",
            service=self.display_name, state=dict(self._fields["state"]._description_selection(self.env))[self.state],
            field=field_label,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        for service in self:
            if service.state != "draft" or service.version > 1:
                raise UserError(self.env._(
                    "The catalog service %(service)s has been published: retire it instead of deleting it.",
                    service=service.display_name))

    def _compute_display_name(self):
        for service in self:
            service.display_name = f"[{service.code}] {service.name}" if service.code else service.name

    def _itss_manager_action(self):
        return self._itss_action(["itss_capability.group_itss_manager"],
                                 message=self.env._("Only O&M managers publish, revise or retire catalog services."))

    def action_publish(self):
        services = self._itss_manager_action()
        for service in services:
            if service.state != "draft":
                raise UserError(self.env._("Only a draft service can be published: %(service)s.",
                                           service=service.display_name))
            if not service.description or not service.description.striptags().strip():
                raise UserError(self.env._("Describe the service %(service)s before publishing it.",
                                           service=service.display_name))
        services.write({"state": "published", "published_date": fields.Date.context_today(self),
                        "published_by_id": self.env.user.id})
        for service in services:
            service.message_post(body=self.env._("Version %(version)s published.", version=service.version))
        return True

    def action_revise(self):
        """A published service goes back to draft as its next version (subscriptions stay)."""
        services = self._itss_manager_action()
        for service in services:
            if service.state != "published":
                raise UserError(self.env._("Only a published service can be revised: %(service)s.",
                                           service=service.display_name))
            service.write({"state": "draft", "version": service.version + 1})
        return True

    def action_retire(self):
        services = self._itss_manager_action()
        for service in services:
            if service.state != "published":
                raise UserError(self.env._("Only a published service can be retired: %(service)s.",
                                           service=service.display_name))
            running = service.project_ids.filtered(lambda p: p.state != "closed")
            if running:
                raise UserError(self.env._(
                    "The service %(service)s is still subscribed by %(projects)s: end those subscriptions "
                    "before retiring it.",
                    service=service.display_name, projects=", ".join(running.mapped("display_name"))))
        services.write({"state": "retired"})
        return True

    def action_view_projects(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("itss_capability.itss_service_project_action")
        action["domain"] = [("id", "in", self.project_ids.ids)]
        return action
