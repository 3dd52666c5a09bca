# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models


class ItssCacheClearMixin(models.AbstractModel):
    """Clears the suite's caches when these records change.

    The SLA clock caches the working intervals of calendars and the priority matrix, read on every
    new ticket; any change to a calendar, its attendances, its leaves or the matrix drops them.
    """

    _name = "itss.cache.clear.mixin"
    _description = "Cache Invalidation"

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
