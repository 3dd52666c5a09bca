# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import models
from odoo.exceptions import UserError


class ItssCapabilityPlan(models.Model):
    _inherit = "itss.capability.plan"

    def action_close(self):
        """A year audited in the suite closes only after one completed internal audit and one management review."""
        for plan in self:
            missing = plan._itss_missing_checks()
            if missing:
                raise UserError(self.env._(
                    "Plan %(plan)s cannot close the year %(year)s yet: %(missing)s.",
                    plan=plan.display_name, year=plan.year, missing="; ".join(missing)))
        return super().action_close()

    def _itss_missing_checks(self):
        """What the year still lacks; empty for years without an internal audit programme in the suite."""
        self.ensure_one()
        Programme = self.env["itss.audit.programme"].sudo()
        programme = Programme.search([("company_id", "=", self.company_id.id), ("year", "=", self.year)], limit=1)
        if not programme:
            return []
        missing = []
        if not programme.audit_ids.filtered(lambda a: a.state == "done"):
            missing.append(self.env._("no internal audit of programme %(programme)s is completed",
                                      programme=programme.name))
        start, end = self.company_id._itss_utc_bounds(date(self.year, 1, 1), date(self.year, 12, 31))
        if not self.env["mgmtsystem.review"].sudo().search_count([
            ("company_id", "=", self.company_id.id), ("state", "=", "done"),
            ("date", ">=", start), ("date", "<", end)], limit=1):
            missing.append(self.env._("no management review of %(year)s is closed", year=self.year))
        return missing
