# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import random

from odoo import Command, fields, models
from odoo.exceptions import UserError


class ItssSpareCheckSample(models.TransientModel):
    """Propose the spares a spot check tests: N random spares, or the most critical ones first."""

    _name = "itss.spare.check.sample"
    _description = "Spot Check Sample"

    check_id = fields.Many2one("itss.spare.check", required=True, ondelete="cascade")
    size = fields.Integer(string="Sample Size", default=10, required=True)
    mode = fields.Selection(
        [("random", "Random"), ("critical", "Critical first (A, then B, then C)")],
        default="critical", required=True)
    criticality = fields.Selection(
        [("a", "A only"), ("ab", "A and B"), ("all", "All")], default="all", required=True)

    def _candidate_quants(self):
        """Own and consignment stock of spares in the library's usable locations (no faulty/quarantine)."""
        warehouse = self.check_id.warehouse_id
        excluded = (warehouse.itss_faulty_location_id | warehouse.itss_quarantine_location_id).ids
        domain = [
            ("location_id", "child_of", warehouse.view_location_id.id),
            ("location_id.usage", "=", "internal"),
            ("quantity", ">", 0),
            ("product_id.itss_is_spare", "=", True),
        ]
        if excluded:
            domain.append(("location_id", "not in", self.env["stock.location"].search(
                [("id", "child_of", excluded)]).ids))
        if self.criticality == "a":
            domain.append(("product_id.itss_criticality", "=", "a"))
        elif self.criticality == "ab":
            domain.append(("product_id.itss_criticality", "in", ("a", "b")))
        return self.env["stock.quant"].search(domain)

    def action_apply(self):
        """Add the sample to the check (one line per serial, or per product and location)."""
        self.ensure_one()
        check = self.check_id._itss_keeper_action()
        if check.state != "draft":
            raise UserError(self.env._("Spot check %(check)s is closed.", check=check.display_name))
        if self.size <= 0:
            raise UserError(self.env._("The sample size must be positive."))
        taken = {(line.product_id.id, line.location_id.id, line.lot_id.id, line.owner_id.id)
                 for line in check.line_ids}
        quants = [quant for quant in self._candidate_quants()
                  if (quant.product_id.id, quant.location_id.id, quant.lot_id.id, quant.owner_id.id) not in taken]
        if not quants:
            raise UserError(self.env._(
                "The library %(library)s holds no spare that is not in the check yet.",
                library=check.warehouse_id.display_name))
        rank = {"a": 0, "b": 1, "c": 2}
        rng = random.Random()
        rng.shuffle(quants)
        if self.mode == "critical":
            quants.sort(key=lambda quant: rank.get(quant.product_id.itss_criticality, 3))
        check.line_ids = [Command.create({
            "product_id": quant.product_id.id,
            "location_id": quant.location_id.id,
            "lot_id": quant.lot_id.id,
            "owner_id": quant.owner_id.id,
            "quantity": min(quant.quantity, 1.0),
        }) for quant in quants[:self.size]]
        return {"type": "ir.actions.act_window_close"}
