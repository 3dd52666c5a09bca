# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.tools import SQL

from .itss_cache_stamp_mixin import STAMP_SEQUENCE


class ResourceCalendar(models.Model):
    """Service hours of the SLA clocks: a change gives the calendar a new cache stamp."""

    _name = "resource.calendar"
    _inherit = ["resource.calendar", "itss.cache.stamp.mixin"]

    itss_cache_stamp = fields.Integer(
        string="SLA Cache Stamp", readonly=True, copy=False,
        help="Changes whenever the calendar, its attendances or its public leaves change; keys the SLA "
        "clock's cached working intervals.",
    )

    def init(self):
        result = super().init()
        self.env.cr.execute(SQL("CREATE SEQUENCE IF NOT EXISTS %s", SQL.identifier(STAMP_SEQUENCE)))
        return result

    def _itss_stamp_owners(self):
        return {"resource.calendar": self.ids}
