# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssOnsiteVisitPart(models.Model):
    """With the spare library, parts used on site are the installations of spare requests.

    The serial texts of itss_service_desk stay readable (older visits) but are only written by the
    installation of a request, from its real lots; nobody types a serial any more.
    """

    _inherit = "itss.onsite.visit.part"

    request_id = fields.Many2one(
        "itss.spare.request", string="Spare Request", readonly=True, index="btree_not_null", ondelete="restrict",
    )
    equipment_id = fields.Many2one(related="request_id.equipment_id", string="Configuration Item", store=True)
    lot_id = fields.Many2one("stock.lot", string="Serial In", readonly=True, index="btree_not_null")
    removed_lot_id = fields.Many2one("stock.lot", string="Serial Out", readonly=True, index="btree_not_null")
    serial_installed = fields.Char(readonly=True)
    serial_removed = fields.Char(readonly=True)
    product_id = fields.Many2one(readonly=True)
    quantity = fields.Float(readonly=True)
