# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    def unlink(self):
        # An SLA limited to removed categories may be left with none, i.e. apply to more tickets: the
        # SLA matching cached on the company stamp must be read again.
        self.env["helpdesk.sla"].sudo().with_context(active_test=False).search(
            [("category_ids", "in", self.ids)])._itss_bump_stamps()
        return super().unlink()
