# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


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
