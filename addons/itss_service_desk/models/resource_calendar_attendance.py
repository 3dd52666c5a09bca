# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ResourceCalendarAttendance(models.Model):
    """Service hours of the SLA clocks: changes clear the cached working intervals."""

    _name = "resource.calendar.attendance"
    _inherit = ["resource.calendar.attendance", "itss.cache.clear.mixin"]
