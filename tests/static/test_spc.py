# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python tests of the KPI control-limit arithmetic (no Odoo needed)."""

import math

from _tools import load

spc = load("addons/itss_capability/tools/spc.py", "itss_spc")


def test_hand_computed_example():
    """90, 92, 94, 96, 98 → mean 94, σ = √10, limits 94 ± 3√10."""
    limits = spc.control_limits([90, 92, 94, 96, 98])
    assert limits["mean"] == 94
    assert math.isclose(limits["stddev"], math.sqrt(10))
    assert math.isclose(limits["lcl"], 94 - 3 * math.sqrt(10))
    assert math.isclose(limits["ucl"], 94 + 3 * math.sqrt(10))


def test_not_enough_values():
    """Fewer than two values give no limits rather than a division error."""
    assert spc.control_limits([]) is None
    assert spc.control_limits([97.5]) is None


def test_constant_series():
    """A constant series has σ = 0 and both limits on the mean."""
    limits = spc.control_limits([5, 5, 5])
    assert limits["stddev"] == 0 and limits["lcl"] == limits["ucl"] == 5
