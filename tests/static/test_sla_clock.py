# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python tests of the SLA clock (working hours, pauses), no Odoo needed."""

from datetime import datetime, timedelta

from _tools import load

module = load("addons/itss_service_desk/tools/sla_clock.py", "itss_sla_clock")

HOLIDAYS = {datetime(2041, 10, 1).date()}


def _working(moment):
    """Mon–Fri 09:00–17:00, no work on HOLIDAYS: the hour slot starting at ``moment``."""
    return moment.weekday() < 5 and 9 <= moment.hour < 17 and moment.date() not in HOLIDAYS


def work_hours(a, b):
    total, step = 0.0, timedelta(minutes=1)
    while a < b:
        if _working(a):
            total += 1 / 60
        a += step
    return total


def plan_hours(hours, a):
    step = timedelta(minutes=1)
    minutes = round(hours * 60)
    while not _working(a):
        a += step
    while minutes:
        if _working(a):
            minutes -= 1
        a += step
    return a


def deadline(start, hours, pauses=()):
    return module.sla_deadline(start, hours, pauses, work_hours, plan_hours)


def test_within_one_day():
    """4 working hours from Monday 10:00 end Monday 14:00."""
    assert deadline(datetime(2041, 9, 23, 10), 4) == datetime(2041, 9, 23, 14)


def test_weekend_skipped():
    """Friday 15:00 + 4 h: 2 h on Friday, the weekend is skipped, Monday 11:00."""
    assert deadline(datetime(2041, 9, 27, 15), 4) == datetime(2041, 9, 30, 11)


def test_holiday_skipped():
    """Monday 30 Sep 15:00 + 4 h with Tuesday 1 Oct a holiday: Wednesday 11:00."""
    assert deadline(datetime(2041, 9, 30, 15), 4) == datetime(2041, 10, 2, 11)


def test_pause_not_counted():
    """A 2-hour pause inside working time moves the deadline by exactly 2 hours."""
    start = datetime(2041, 9, 23, 9)
    pause = (datetime(2041, 9, 23, 10), datetime(2041, 9, 23, 12))
    assert deadline(start, 4, [pause]) == datetime(2041, 9, 23, 15)


def test_pause_overnight_counts_only_working_hours():
    """A pause from 16:00 to the next day 10:00 removes 2 working hours, not 18."""
    start = datetime(2041, 9, 23, 9)
    pause = (datetime(2041, 9, 23, 16), datetime(2041, 9, 24, 10))
    assert deadline(start, 8, [pause]) == datetime(2041, 9, 24, 11)


def test_open_pause_stops_the_clock():
    """While the ticket waits for the customer there is no deadline."""
    start = datetime(2041, 9, 23, 9)
    assert deadline(start, 4, [(datetime(2041, 9, 23, 10), None)]) is None


def test_breached_before_pause_keeps_deadline():
    """A pause that starts after the target was reached does not move the deadline."""
    start = datetime(2041, 9, 23, 9)
    pause = (datetime(2041, 9, 23, 15), None)
    assert deadline(start, 2, [pause]) == datetime(2041, 9, 23, 11)


def test_pause_before_start_ignored_and_zero_target():
    """Pauses ended before the start are ignored; a zero target ends at the next working minute."""
    start = datetime(2041, 9, 23, 8)
    old = (datetime(2041, 9, 22, 10), datetime(2041, 9, 22, 11))
    assert deadline(start, 0, [old]) == datetime(2041, 9, 23, 9)


def test_two_pauses_same_as_total():
    """Two pauses of 1 h each move the deadline by 2 h, in any order given."""
    start = datetime(2041, 9, 23, 9)
    pauses = [(datetime(2041, 9, 23, 13), datetime(2041, 9, 23, 14)),
              (datetime(2041, 9, 23, 10), datetime(2041, 9, 23, 11))]
    assert deadline(start, 4, pauses) == datetime(2041, 9, 23, 15)


def _intervals(first_day, days):
    """Mon–Fri 09:00–17:00 intervals from ``first_day``, without HOLIDAYS."""
    day = first_day
    for _ in range(days):
        if day.weekday() < 5 and day.date() not in HOLIDAYS:
            yield day.replace(hour=9), day.replace(hour=17)
        day += timedelta(days=1)


def test_working_time_matches_minute_count():
    """WorkingTime over calendar intervals gives the same deadlines as counting minute by minute."""
    calendar = module.WorkingTime(_intervals(datetime(2041, 9, 20), 40))
    pauses = [(datetime(2041, 9, 27, 16), datetime(2041, 9, 30, 10))]
    for start, hours in ((datetime(2041, 9, 27, 15), 4), (datetime(2041, 9, 30, 15), 4),
                         (datetime(2041, 9, 23, 8), 0), (datetime(2041, 9, 26, 12), 13.5)):
        assert module.sla_deadline(start, hours, pauses, calendar.work_hours, calendar.plan_hours) \
            == deadline(start, hours, pauses)


def test_working_time_horizon():
    """Past the last interval read, plan_hours says None so that the caller reads further."""
    calendar = module.WorkingTime(_intervals(datetime(2041, 9, 23), 1))
    assert calendar.plan_hours(9, datetime(2041, 9, 23, 9)) is None
    assert calendar.plan_hours(8, datetime(2041, 9, 23, 9)) == datetime(2041, 9, 23, 17)
