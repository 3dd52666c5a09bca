# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    def unlink(self):
        self.env["helpdesk.sla"]._itss_limits_removed("category_ids", self.ids)
        return super().unlink()
