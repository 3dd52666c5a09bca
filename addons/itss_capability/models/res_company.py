# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from odoo import fields, models


class ResCompany(models.Model):
    """Periods (days, months, years) are cut in the company's time zone, never in UTC."""

    _inherit = "res.company"

    def _itss_tz(self):
        """The company's time zone: its working calendar's, else its address's, else UTC."""
        company = self[:1] or self.env.company
        name = company.resource_calendar_id.tz or company.partner_id.tz or "UTC"
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    def _itss_utc_bounds(self, date_from, date_to):
        """Naive UTC datetimes [start, end) covering the company's local days ``date_from``..``date_to``.

        Compare stored datetimes (naive UTC) with ``>= start`` and ``< end``.
        """
        tz = self._itss_tz()
        start = datetime.combine(fields.Date.to_date(date_from), time.min, tzinfo=tz)
        end = datetime.combine(fields.Date.to_date(date_to) + timedelta(days=1), time.min, tzinfo=tz)
        return (start.astimezone(UTC).replace(tzinfo=None), end.astimezone(UTC).replace(tzinfo=None))

    def _itss_local_date(self, value):
        """The company's calendar day of a stored (naive UTC) datetime."""
        if not value:
            return False
        return fields.Datetime.to_datetime(value).replace(tzinfo=UTC).astimezone(self._itss_tz()).date()

    def _itss_today(self):
        """Today in the company's time zone (crons run without a user time zone)."""
        return self._itss_local_date(fields.Datetime.now())
