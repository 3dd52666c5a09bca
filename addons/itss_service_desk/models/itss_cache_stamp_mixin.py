# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.tools import SQL

STAMP_SEQUENCE = "itss_cache_stamp_seq"


class ItssCacheStampMixin(models.AbstractModel):
    """Keys the suite's cached figures on the records they are read from.

    The SLA clock caches a calendar's working intervals and the ticket form a company's priority
    matrix. When a record they depend on changes, its owner (the calendar, the company) takes a new
    stamp from a sequence and the caches are keyed on that stamp: nothing else is cleared, no
    other worker is signalled, and a stamp is never handed out twice — not even after a rollback,
    so a figure cached by a transaction that did not commit is never served to another one.
    """

    _name = "itss.cache.stamp.mixin"
    _description = "Cache Stamp"

    def _itss_stamp_owners(self):
        """``{model name: ids or None}`` of the owners whose stamp these records feed (None: all)."""
        return {}

    def _itss_bump_stamps(self):
        for model_name, ids in self._itss_stamp_owners().items():
            if ids is not None and not ids:
                continue
            owners = self.env[model_name]
            condition = SQL("TRUE") if ids is None else SQL("id = ANY(%s)", list(ids))
            self.env.cr.execute(SQL(
                "UPDATE %s SET itss_cache_stamp = nextval(%s) WHERE %s",
                SQL.identifier(owners._table), STAMP_SEQUENCE, condition,
            ))
            owners.invalidate_model(["itss_cache_stamp"])

    @api.model
    def _itss_cache_stamp(self, model_name, record_id):
        """The current stamp of one owner.

        Read through the ORM: usually prefetched with the owner's other fields, so no query of its
        own; a bump invalidates it and a commit or rollback clears the whole ORM cache, and within a
        transaction the database snapshot does not move. None while the registry loads (the column
        may not exist yet): callers then compute without the cache.
        """
        if not self.pool.ready:
            return None
        return self.env[model_name].sudo().browse(record_id).itss_cache_stamp

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._itss_bump_stamps()
        return records

    def write(self, vals):
        self._itss_bump_stamps()
        result = super().write(vals)
        self._itss_bump_stamps()
        return result

    def unlink(self):
        self._itss_bump_stamps()
        return super().unlink()
