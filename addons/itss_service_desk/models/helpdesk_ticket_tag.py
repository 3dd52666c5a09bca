# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class HelpdeskTicketTag(models.Model):
    _inherit = "helpdesk.ticket.tag"

    def unlink(self):
        self.env["helpdesk.sla"]._itss_limits_removed("tag_ids", self.ids)
        return super().unlink()
