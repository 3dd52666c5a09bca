# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models


class CalendarCacheMixin(models.AbstractModel):
    """Clears the SLA clock's cache of working intervals when service hours or holidays change."""

    _name = "itss.calendar.cache.mixin"
    _description = "SLA Calendar Cache Invalidation"

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()
