# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class StockPicking(models.Model):
    _inherit = "stock.picking"

    itss_spare_request_id = fields.Many2one(
        "itss.spare.request", string="Spare Request", index="btree_not_null", readonly=True, copy=False,
    )

    def _action_done(self):
        for picking in self.filtered("itss_spare_request_id"):
            request = picking.itss_spare_request_id
            if picking == request.issue_picking_id:
                picking._itss_check_issue_lots()
            elif picking == request.return_picking_id:
                request._itss_check_return_lots(picking)
        res = super()._action_done()
        for picking in self.filtered(lambda p: p.itss_spare_request_id and p.state == "done"):
            request = picking.itss_spare_request_id
            if picking == request.issue_picking_id and request.state == "approved":
                request._itss_after_issue(picking)
            elif picking == request.return_picking_id and request.state == "installed":
                request._itss_after_return(picking)
        return res

    def _itss_check_issue_lots(self):
        """Every issued serial is really in the library location it leaves from (never issued on credit)."""
        Quant = self.env["stock.quant"].sudo()
        for line in self.move_line_ids.filtered(lambda ml: ml.quantity):
            if not line.lot_id:
                if line.product_id.tracking != "none":
                    raise ValidationError(self.env._(
                        "Give the serial number of %(part)s issued with %(picking)s.",
                        part=line.product_id.display_name, picking=self.name))
                continue
            quants = Quant._gather(line.product_id, line.location_id, lot_id=line.lot_id,
                                   owner_id=line.owner_id or None, strict=False)
            on_hand = sum(quants.mapped("quantity"))
            if float_compare(on_hand, line.quantity, precision_rounding=line.product_uom_id.rounding) < 0:
                raise ValidationError(self.env._(
                    "Serial %(serial)s of %(part)s is not in %(location)s: it cannot be issued from there.",
                    serial=line.lot_id.name, part=line.product_id.display_name,
                    location=line.location_id.display_name))
