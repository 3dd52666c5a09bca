# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    itss_cache_stamp = fields.Integer(
        string="Service Desk Cache Stamp", readonly=True, copy=False,
        help="Changes whenever the company's priority matrix or its SLAs change; keys their cached copies.",
    )
