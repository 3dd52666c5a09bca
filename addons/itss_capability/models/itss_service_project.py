# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssServiceProject(models.Model):
    """A customer O&M service contract: the "project" of project-level KPIs and SLAs."""

    _name = "itss.service.project"
    _description = "O&M Service Project"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date_start desc, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(string="Contract Number", tracking=True, copy=False)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, tracking=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    manager_id = fields.Many2one(
        "res.users", string="Project Manager", tracking=True, default=lambda self: self.env.user
    )
    date_start = fields.Date(string="Start Date", tracking=True)
    date_end = fields.Date(string="End Date", tracking=True)
    service_mode = fields.Selection(
        [("onsite", "On-site (stationed engineers)"), ("remote_onsite", "Remote + on-site")],
        default="remote_onsite",
        required=True,
        tracking=True,
        help="On-site: engineers are stationed at the customer. Remote + on-site: the service "
        "desk takes the call first and dispatches an on-site engineer when needed.",
    )
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Service Hours",
        check_company=True,
        help="Working hours and public holidays used to count SLA time for this project.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Service"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    description = fields.Html()
    catalog_service_ids = fields.Many2many(
        "itss.catalog.service", "itss_service_project_catalog_service_rel", "project_id", "service_id",
        string="Catalog Services", check_company=True, tracking=True,
        help="The published services of the service catalog (服务目录) this contract subscribes; the "
        "project's service level targets come from them unless the contract overrides them.",
    )
    active = fields.Boolean(default=True)
    kpi_value_count = fields.Integer(compute="_compute_kpi_value_count", string="KPI Values")
    visit_reminder_year = fields.Integer(
        readonly=True, copy=False,
        help="Last year the manager was reminded that the customer had no visit yet (客户拜访).",
    )

    _code_company_unique = models.Constraint(
        "UNIQUE(code, company_id)", "This contract number is already used in this company."
    )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for project in self:
            if project.date_start and project.date_end and project.date_end < project.date_start:
                raise ValidationError(
                    self.env._(
                        "The service project %(name)s ends before it starts.", name=project.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        projects = super().create(vals_list)
        projects._itss_check_subscribed(projects.catalog_service_ids)
        return projects

    def write(self, vals):
        before = {project: project.catalog_service_ids for project in self} if "catalog_service_ids" in vals else {}
        res = super().write(vals)
        for project, services in before.items():
            project._itss_check_subscribed(project.catalog_service_ids - services)
        return res

    def _itss_check_subscribed(self, added):
        """Only published services of the catalog can be subscribed."""
        unpublished = added.filtered(lambda s: s.state != "published")
        if unpublished:
            raise ValidationError(self.env._(
                "Only published catalog services can be subscribed: %(services)s is not published.",
                services=", ".join(unpublished.mapped("display_name"))))

    def _compute_kpi_value_count(self):
        counts = dict(
            self.env["itss.kpi.value"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.kpi_value_count = counts.get(project, 0)

    def _itss_manager_action(self):
        return self._itss_action(["itss_capability.group_itss_manager"],
                                 message=self.env._("Only O&M managers start or close service projects."))

    def action_start(self):
        self._itss_manager_action().write({"state": "active"})
        return True

    def action_close(self):
        self._itss_manager_action().write({"state": "closed"})
        return True

    def action_view_kpi_values(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "itss_capability.itss_kpi_value_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action
