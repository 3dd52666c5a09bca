# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class MgmtsystemNonconformityStage(models.Model):
    """The stage states as a fixed list: mgmtsystem_nonconformity builds their labels in Python
    (``env._()``), which a Chinese user would see in English (code terms are read only from the
    module's own files); a fixed selection is reflected as records that translations reach."""

    _inherit = "mgmtsystem.nonconformity.stage"

    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("analysis", "Analysis"),
            ("pending", "Action Plan"),
            ("open", "In Progress"),
            ("done", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
    )
