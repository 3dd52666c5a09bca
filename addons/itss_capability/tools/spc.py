# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Statistical process control for KPI baselines (pure Python, no Odoo import)."""

import statistics

SIGMA_LIMIT = 3


def control_limits(values):
    """Mean, sample standard deviation and mean ± 3σ of ``values``.

    Returns None when fewer than two values are given: no deviation can be computed.
    """
    values = list(values)
    if len(values) < 2:
        return None
    mean = statistics.fmean(values)
    sigma = statistics.stdev(values)
    return {
        "mean": mean,
        "stddev": sigma,
        "lcl": mean - SIGMA_LIMIT * sigma,
        "ucl": mean + SIGMA_LIMIT * sigma,
    }
