# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    itss_spare_currency_id = fields.Many2one(related="company_id.currency_id", string="Spare Currency")
    itss_spare_approval_threshold = fields.Monetary(
        related="company_id.itss_spare_approval_threshold", readonly=False, currency_field="itss_spare_currency_id",
    )
    itss_spare_rules_file = fields.Binary(related="company_id.itss_spare_rules_file", readonly=False)
    itss_spare_rules_filename = fields.Char(related="company_id.itss_spare_rules_filename", readonly=False)
    itss_spare_rules_url = fields.Char(related="company_id.itss_spare_rules_url", readonly=False)
