# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The SLA clock, free of Odoo so that it can be proven on its own.

A target of ``hours`` working hours starts at ``start``. Working time is measured by the
project's calendar (``work_hours(a, b)`` counts the working hours between two moments,
``plan_hours(h, a)`` returns the moment ``h`` working hours after ``a``, holidays included).
Time spent in a pause (waiting for the customer) never counts. The deadline is therefore
recomputed from the start and the full pause history each time, never accumulated: changing
the priority, the project or the SLA gives the same answer as if it had been so from the
beginning, and a pause can never be counted twice or lost.
"""

from datetime import timedelta

EPSILON_HOURS = 1e-6


def sla_deadline(start, hours, pauses, work_hours, plan_hours):
    """Moment at which ``hours`` working hours outside ``pauses`` have elapsed since ``start``.

    ``pauses`` is an iterable of ``(begin, end)`` with ``end`` None for a pause still open.
    Returns None while a pause is open and the target was not reached before it began (the
    clock is stopped, there is no deadline yet).
    """
    remaining = max(hours, 0.0)
    cursor = start
    for begin, end in sorted(pauses, key=lambda pause: pause[0]):
        if end is not None and end <= cursor:
            continue
        begin = max(begin, cursor)
        worked = work_hours(cursor, begin) if begin > cursor else 0.0
        if worked + EPSILON_HOURS >= remaining:
            return plan_hours(remaining, cursor)
        remaining -= worked
        if end is None:
            return None
        cursor = end
    return plan_hours(remaining, cursor)


class WorkingTime:
    """Working hours of one calendar as a sorted list of ``(start, stop)`` intervals.

    Read once per batch of tickets from the calendar (attendances minus leaves), so that the
    deadlines and escalation moments of many tickets cost one calendar query, not one per
    target. ``plan_hours`` returns None beyond the last interval: the caller reads a longer
    horizon and asks again.
    """

    def __init__(self, intervals):
        self.intervals = sorted((start, stop) for start, stop in intervals if stop > start)

    @property
    def horizon(self):
        return self.intervals[-1][1] if self.intervals else None

    def work_hours(self, begin, end):
        total = 0.0
        for start, stop in self.intervals:
            if stop <= begin:
                continue
            if start >= end:
                break
            total += (min(stop, end) - max(start, begin)).total_seconds() / 3600
        return total

    def plan_hours(self, hours, begin):
        for start, stop in self.intervals:
            if stop <= begin:
                continue
            start = max(start, begin)
            available = (stop - start).total_seconds() / 3600
            if hours <= available + EPSILON_HOURS:
                return start + timedelta(hours=min(hours, available))
            hours -= available
        return None

