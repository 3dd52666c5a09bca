# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ResourceCalendarLeaves(models.Model):
    """Public holidays move the SLA clocks: a change gives the calendars a new cache stamp.

    A person's time off (a leave with a resource) does not change a calendar's working time, so it
    leaves every cache alone.
    """

    _name = "resource.calendar.leaves"
    _inherit = ["resource.calendar.leaves", "itss.cache.stamp.mixin"]

    def _itss_stamp_owners(self):
        public = self.sudo().filtered(lambda leave: not leave.resource_id)
        if not public:
            return {}
        if any(not leave.calendar_id for leave in public):
            return {"resource.calendar": None}
        return {"resource.calendar": public.calendar_id.ids}
