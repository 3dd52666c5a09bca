# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ResourceCalendar(models.Model):
    """Service hours of the SLA clocks: changes clear the cached working intervals."""

    _name = "resource.calendar"
    _inherit = ["resource.calendar", "itss.cache.clear.mixin"]
