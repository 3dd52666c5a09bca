# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models
from odoo.exceptions import UserError


class ItssCapabilityPlan(models.Model):
    _inherit = "itss.capability.plan"

    def action_close(self):
        """The year closes only after one completed internal audit and one closed management review of it."""
        for plan in self:
            missing = plan._itss_missing_checks()
            if missing:
                raise UserError(self.env._(
                    "Plan %(plan)s cannot close the year %(year)s yet: %(missing)s.",
                    plan=plan.display_name, year=plan.year, missing="; ".join(missing)))
        return super().action_close()

    def _itss_missing_checks(self):
        """What the plan's year still lacks: a completed internal audit, a closed management review."""
        self.ensure_one()
        missing = []
        company = self.company_id
        if not self.env["mgmtsystem.audit"].sudo().search_count([
                ("company_id", "=", company.id), ("state", "=", "done"), ("itss_year", "=", self.year)], limit=1):
            missing.append(self.env._("no internal audit of %(year)s is completed", year=self.year))
        if not self.env["mgmtsystem.review"].sudo().search_count([
                ("company_id", "=", company.id), ("state", "=", "done"), ("itss_year", "=", self.year)], limit=1):
            missing.append(self.env._("no management review of %(year)s is closed", year=self.year))
        return missing
