# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import UserError


class ResCompany(models.Model):
    """The spare request approval threshold, and the spare library rules (备件库管理制度): a file or a
    link opened from the spare library menu (a plain attachment/URL keeps the module independent of
    the audit module's document control)."""

    _inherit = "res.company"

    itss_spare_approval_threshold = fields.Monetary(
        string="Spare Approval Threshold", currency_field="currency_id", default=5000.0,
        help="Spare requests worth more than this need the O&M manager's approval (urgent P1 requests excepted).",
    )
    itss_spare_rules_file = fields.Binary(string="Spare Library Rules", attachment=True)
    itss_spare_rules_filename = fields.Char(string="Spare Library Rules File Name")
    itss_spare_rules_url = fields.Char(string="Spare Library Rules Link",
                                       help="Link to the controlled document, e.g. in the document register.")

    def _itss_action_spare_rules(self):
        """Open the rules: the link if set, else the file."""
        company = (self[:1] or self.env.company).sudo()
        if company.itss_spare_rules_url:
            return {"type": "ir.actions.act_url", "url": company.itss_spare_rules_url, "target": "new"}
        if company.itss_spare_rules_file:
            return {
                "type": "ir.actions.act_url", "target": "new",
                "url": f"/web/content/res.company/{company.id}/itss_spare_rules_file/"
                f"{company.itss_spare_rules_filename or 'rules'}?download=false",
            }
        raise UserError(self.env._(
            "The spare library rules (备件库管理制度) are not set yet: an administrator adds the file or its "
            "link in Settings → Inventory → ITSS Spare Library."))
