# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    itss_spare_approval_threshold = fields.Monetary(
        string="Spare Approval Threshold", currency_field="currency_id", default=5000.0,
        help="Spare requests worth more than this need the O&M manager's approval (urgent P1 requests excepted).",
    )
