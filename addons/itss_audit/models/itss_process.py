# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssProcess(models.Model):
    _inherit = "itss.process"

    clause_ids = fields.One2many("itss.standard.clause", "process_id", string="Standard Clauses")
