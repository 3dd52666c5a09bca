# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.safe_eval import safe_eval


class ItssReadinessResultPart(models.Model):
    """One part of an evidence item's result: which records were counted and how many were needed."""

    _name = "itss.readiness.result.part"
    _description = "ITSS Readiness Evidence Part"
    _inherit = ["itss.guard.mixin"]
    _order = "result_id, sequence, id"
    _itss_parent_field = "result_id"

    result_id = fields.Many2one("itss.readiness.result", required=True, readonly=True, ondelete="cascade",
                                index=True)
    company_id = fields.Many2one(related="result_id.company_id", store=True)
    sequence = fields.Integer(readonly=True)
    label = fields.Char(string="Evidence", readonly=True)
    model_name = fields.Char(string="Model", readonly=True)
    domain = fields.Char(readonly=True)
    count = fields.Float(string="Found", readonly=True, digits=(16, 0))
    need = fields.Float(string="Needed", readonly=True, digits=(16, 1))
    ratio = fields.Float(string="Completeness", readonly=True, digits=(16, 3))

    def _itss_domain(self):
        self.ensure_one()
        return safe_eval(self.domain or "[]")

    def action_open_records(self):
        """The records counted (as the user: access rules still apply)."""
        self.ensure_one()
        if self.model_name not in self.env:
            raise UserError(self.env._(
                "The records of “%(evidence)s” are kept by a module that is no longer installed.",
                evidence=self.label))
        if not self.env[self.model_name].has_access("read"):
            raise UserError(self.env._(
                "You cannot read the records of “%(evidence)s”: ask a user of the department that keeps them.",
                evidence=self.label))
        return {
            "type": "ir.actions.act_window",
            "name": self.label,
            "res_model": self.model_name,
            "view_mode": "list,form",
            "domain": self._itss_domain(),
            "context": {"active_test": False, "create": False},
            "target": "current",
        }
