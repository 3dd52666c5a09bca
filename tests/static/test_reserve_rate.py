# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure-Python tests of the reserve rate definition (储备率), no Odoo needed."""


import pytest
from _tools import load

module = load("addons/itss_hr_skills/tools/reserve_rate.py", "itss_reserve_rate")


@pytest.mark.parametrize("needed,holders,reserve,expected_r,expected_rate", [
    (10, 10, 2, 2, 2 / 12),      # surplus: 16.7 %
    (10, 10, 0, 0, 0.0),         # exact
    (10, 8, 0, -2, -2 / 8),      # shortfall: -25 %
    (10, 8, 1, -1, -1 / 9),      # shortfall, one in reserve: -11.1 %
    (0, 3, 1, 4, 1.0),           # zero need: everyone is reserve
    (10, 0, 0, -10, None),       # nobody: no rate, no crash
    (0, 0, 0, 0, None),
])
def test_reserve_figures(needed, holders, reserve, expected_r, expected_rate):
    """R = H + V − N and rate = R / (H + V), negative on shortfall, None without staff."""
    r, rate = module.reserve_figures(needed, holders, reserve)
    assert r == expected_r
    assert rate == pytest.approx(expected_rate) if expected_rate is not None else rate is None


def test_negative_headcount_refused():
    """Negative headcounts are not a valid input."""
    with pytest.raises(ValueError):
        module.reserve_figures(-1, 0, 0)
