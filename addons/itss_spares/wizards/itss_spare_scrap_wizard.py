# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssSpareScrapWizard(models.TransientModel):
    """Scrap the faulty part of a request, with the reason (Odoo scrap order)."""

    _name = "itss.spare.scrap.wizard"
    _description = "Scrap Faulty Spare"

    request_id = fields.Many2one("itss.spare.request", required=True, ondelete="cascade")
    reason = fields.Text(string="Scrap Reason")
    reason_tag_ids = fields.Many2many("stock.scrap.reason.tag", string="Reason Tags")

    def action_confirm(self):
        """Scrap the part; refused without a reason."""
        self.ensure_one()
        self.request_id._itss_scrap(self.reason, self.reason_tag_ids)
        return {"type": "ir.actions.act_window_close"}
