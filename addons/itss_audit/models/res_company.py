# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .itss_standard_clause import EDITIONS


class ResCompany(models.Model):
    _inherit = "res.company"

    itss_standard_edition = fields.Selection(
        EDITIONS, string="GB/T 28827.1 Edition", default="2012", required=True,
        help="The edition of the standard the company's allocation table, programmes and checklists follow.")
