# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ResourceCalendarAttendance(models.Model):
    """Service hours of the SLA clocks: a change gives its calendar a new cache stamp."""

    _name = "resource.calendar.attendance"
    _inherit = ["resource.calendar.attendance", "itss.cache.stamp.mixin"]

    def _itss_stamp_owners(self):
        return {"resource.calendar": self.calendar_id.ids}
