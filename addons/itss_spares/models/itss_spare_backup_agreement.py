# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssSpareBackupAgreement(models.Model):
    """A backup agreement (备件保障协议): a supplier guarantees parts within N hours for named projects."""

    _name = "itss.spare.backup.agreement"
    _description = "Spare Backup Agreement"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_to desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Supplier", required=True, index=True, tracking=True, check_company=True,
    )
    product_tmpl_ids = fields.Many2many(
        "product.template", "itss_spare_agreement_product_rel", "agreement_id", "product_tmpl_id",
        string="Spares", domain="[('itss_is_spare', '=', True)]",
    )
    category_ids = fields.Many2many(
        "itss.spare.category", "itss_spare_agreement_category_rel", "agreement_id", "category_id",
        string="Spare Categories", help="Every spare of these categories is covered.",
    )
    delivery_hours = fields.Float(
        string="Delivery Time (hours)", required=True, tracking=True,
        help="The supplier delivers a covered part on site within this time.",
    )
    project_ids = fields.Many2many(
        "itss.service.project", "itss_spare_agreement_project_rel", "agreement_id", "project_id",
        string="Service Projects", check_company=True, help="Empty: all the company's service projects.",
    )
    date_from = fields.Date(string="Valid From", required=True, tracking=True)
    date_to = fields.Date(string="Valid To", required=True, tracking=True)
    active = fields.Boolean(default=True)
    contract_ref = fields.Char(string="Contract Reference")
    note = fields.Html()
    covered_product_tmpl_ids = fields.Many2many(
        "product.template", compute="_compute_covered_product_tmpl_ids", string="Covered Spares",
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for agreement in self:
            if agreement.date_to < agreement.date_from:
                raise ValidationError(self.env._(
                    "The backup agreement %(agreement)s cannot end before it starts.", agreement=agreement.name))

    @api.constrains("delivery_hours", "product_tmpl_ids", "category_ids")
    def _check_coverage(self):
        for agreement in self:
            if agreement.delivery_hours <= 0:
                raise ValidationError(self.env._(
                    "The delivery time of the backup agreement %(agreement)s must be positive.",
                    agreement=agreement.name))
            if not agreement.product_tmpl_ids and not agreement.category_ids:
                raise ValidationError(self.env._(
                    "The backup agreement %(agreement)s covers no spare: choose spares or spare categories.",
                    agreement=agreement.name))

    @api.depends("product_tmpl_ids", "category_ids")
    def _compute_covered_product_tmpl_ids(self):
        for agreement in self:
            by_category = self.env["product.template"].search([
                ("itss_is_spare", "=", True), ("itss_spare_category_id", "in", agreement.category_ids.ids)])
            agreement.covered_product_tmpl_ids = agreement.product_tmpl_ids | by_category
