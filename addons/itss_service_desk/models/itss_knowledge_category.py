# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssKnowledgeCategory(models.Model):
    """A knowledge base category (知识分类), e.g. typical fault diagnosis manual or emergency plans."""

    _name = "itss.knowledge.category"
    _description = "Knowledge Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    review_months = fields.Integer(
        string="Review Every (months)", default=12,
        help="Articles of this category get a review date this many months after their approval.")
    active = fields.Boolean(default=True)
    article_count = fields.Integer(compute="_compute_article_count")

    _name_unique = models.Constraint("UNIQUE(name)", "This knowledge category already exists.")

    def _compute_article_count(self):
        counts = dict(self.env["itss.knowledge.article"]._read_group(
            [("category_id", "in", self.ids)], ["category_id"], ["__count"]))
        for category in self:
            category.article_count = counts.get(category, 0)
