# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class ItssServiceProject(models.Model):
    """Service desk terms of the customer contract: when the monthly service report is due."""

    _inherit = "itss.service.project"

    report_due_days = fields.Integer(
        string="Report Due (days after month end)",
        default=5,
        help="The monthly service report is due this many days after the end of the month; "
        "reports delivered later count against the on-time delivery KPI.",
    )
    report_partner_ids = fields.Many2many(
        "res.partner",
        "itss_service_project_report_partner_rel",
        "project_id",
        "partner_id",
        string="Report Recipients",
        help="Customer contacts who receive the monthly service report.",
    )
    sla_override_ids = fields.Many2many(
        "helpdesk.sla",
        "helpdesk_sla_itss_service_project_rel",
        "project_id",
        "sla_id",
        string="Contract SLA Overrides",
        help="Service levels the contract sets itself: for their target kind and priority they replace "
        "the levels of the subscribed catalog services. Every change is logged on the project.",
    )
    service_sla_ids = fields.Many2many(
        "helpdesk.sla", compute="_compute_service_sla_ids", string="Service Levels from the Catalog",
        help="The levels of the subscribed catalog services that apply to this project.",
    )
    overridden_sla_ids = fields.Many2many(
        "helpdesk.sla", compute="_compute_service_sla_ids", string="Replaced by the Contract",
        help="Levels of the subscribed services that a contract override replaces.",
    )

    site_document_count = fields.Integer(compute="_compute_site_document_count", string="Site Documents")

    def _compute_site_document_count(self):
        counts = self.env["itss.site.document"]._itss_counts("project_id", self)
        for project in self:
            project.site_document_count = counts.get(project, 0)

    def action_view_site_documents(self):
        self.ensure_one()
        return self.env["itss.site.document"]._itss_open([("project_id", "=", self.id)],
                                                          {"default_project_id": self.id})

    @api.depends("catalog_service_ids.sla_ids", "sla_override_ids.itss_target", "sla_override_ids.itss_priority",
                 "sla_override_ids.catalog_service_id")
    def _compute_service_sla_ids(self):
        for project in self:
            overrides = project.sla_override_ids
            from_services = project.catalog_service_ids.sla_ids

            def replaced(sla, overrides=overrides):
                return any(
                    override.itss_target == sla.itss_target
                    and override.itss_priority in (False, sla.itss_priority)
                    and (not override.catalog_service_id or override.catalog_service_id == sla.catalog_service_id)
                    for override in overrides
                )

            project.overridden_sla_ids = from_services.filtered(replaced)
            project.service_sla_ids = from_services - project.overridden_sla_ids
