# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reserve rate (储备率) of a post, pure Python (no Odoo import) so it is tested everywhere.

N = headcount the business needs for the post this year, H = active holders of the post,
V = reserve members of the post. Reserve headcount R = H + V − N, and
reserve rate = R / (N + R) = R / (H + V). R and the rate are negative when the staff cannot
cover the need; with H + V = 0 there is no rate (None), never a division error.
"""


def reserve_figures(needed, holders, reserve_members):
    """Return (reserve headcount R, reserve rate as a fraction or None)."""
    if needed < 0 or holders < 0 or reserve_members < 0:
        raise ValueError("headcounts cannot be negative")
    staff = holders + reserve_members
    reserve = staff - needed
    return reserve, (reserve / staff if staff else None)
