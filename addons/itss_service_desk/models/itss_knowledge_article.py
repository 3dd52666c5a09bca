# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

USER_GROUP = "itss_capability.group_itss_user"
MANAGER_GROUP = "itss_capability.group_itss_manager"
# Fields whose change on a published article would bypass the manager's approval.
APPROVED_FIELDS = {"name", "content", "category_id"}


class ItssKnowledgeArticle(models.Model):
    """A knowledge base article (知识库文章): approved by an O&M manager before it is published."""

    _name = "itss.knowledge.article"
    _description = "Knowledge Article"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "usage_count desc, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True,
                                 default=lambda self: self.env.company)
    category_id = fields.Many2one("itss.knowledge.category", required=True, index=True, tracking=True,
                                  ondelete="restrict")
    project_id = fields.Many2one("itss.service.project", string="Service Project", index=True,
                                 check_company=True)
    problem_id = fields.Many2one("itss.problem", string="Source Problem", index=True, check_company=True,
                                 readonly=True)
    content = fields.Html()
    user_id = fields.Many2one("res.users", string="Author", default=lambda self: self.env.user, index=True,
                              tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("to_approve", "To Approve"), ("published", "Published")],
        default="draft", required=True, readonly=True, tracking=True, index=True, group_expand=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    approved_date = fields.Date(readonly=True)
    review_date = fields.Date(tracking=True, index=True,
                              help="The article is reviewed on this date; its author gets a reminder activity.")
    usage_count = fields.Integer(readonly=True, aggregator="sum",
                                 help="How many times the article was used to solve a ticket.")

    def write(self, vals):
        if (APPROVED_FIELDS & set(vals) and not self.env.su
                and not self.env.user.has_group("itss_capability.group_itss_manager")):
            for article in self.filtered(lambda a: a.state == "published"):
                raise UserError(self.env._(
                    "Article %(article)s is published: put it back to draft to change it, "
                    "then submit it again for approval.", article=article.name))
        return super().write(vals)

    def action_submit(self):
        for article in self:
            if article.state != "draft":
                raise UserError(self.env._("Only draft articles can be submitted: %(article)s is not.",
                                           article=article.name))
            if not article.content:
                raise UserError(self.env._("Article %(article)s has no content to approve.",
                                           article=article.name))
        self._itss_action([USER_GROUP], message=self.env._(
            "Only O&M engineers and managers write knowledge articles.")).write({"state": "to_approve"})
        return True

    def action_approve(self):
        articles = self._itss_action([MANAGER_GROUP], message=self.env._(
            "Only an O&M manager can approve and publish knowledge articles."))
        today = fields.Date.context_today(self)
        for article in articles:
            if article.state != "to_approve":
                raise UserError(self.env._("Article %(article)s is not waiting for approval.",
                                           article=article.name))
            months = article.category_id.review_months
            article.write({
                "state": "published",
                "approved_by_id": self.env.user.id,
                "approved_date": today,
                "review_date": article.review_date or (today + relativedelta(months=months) if months else False),
            })
        return True

    def action_reset_draft(self):
        self._itss_action([USER_GROUP], message=self.env._(
            "Only O&M engineers and managers write knowledge articles.")).write(
            {"state": "draft", "approved_by_id": False, "approved_date": False})
        return True

    def action_use(self):
        """Used to solve a ticket: count the use."""
        for article in self:
            if article.state != "published":
                raise UserError(self.env._("Article %(article)s is not published: it cannot be used yet.",
                                           article=article.name))
        for article in self._itss_action([USER_GROUP], access="read", message=self.env._(
                "Only O&M engineers and managers use knowledge articles.")):
            article.usage_count += 1
            article.message_post(body=self.env._("Used to solve a ticket."))
        return True

    @api.model
    def _cron_review_reminder(self):
        """Give the author a to-do activity on published articles whose review date has come."""
        today = fields.Date.context_today(self)
        due = self.search([("state", "=", "published"), ("review_date", "<=", today)])
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for article in due:
            if article.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
                continue
            article.activity_schedule(
                "mail.mail_activity_data_todo", date_deadline=article.review_date,
                summary=self.env._("Review the knowledge article"),
                user_id=(article.user_id or self.env.user).id)
        return due
