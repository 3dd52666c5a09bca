# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

USER_GROUP = "itss_capability.group_itss_user"


class ItssProblem(models.Model):
    """A problem (问题): the unknown cause behind one or more incidents."""

    _name = "itss.problem"
    _description = "Problem"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "date_opened desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True,
                                 default=lambda self: self.env.company)
    project_id = fields.Many2one("itss.service.project", string="Service Project", index=True,
                                 check_company=True, tracking=True)
    partner_id = fields.Many2one(related="project_id.partner_id", string="Customer", store=True, index=True)
    incident_ids = fields.Many2many("helpdesk.ticket", "itss_problem_helpdesk_ticket_rel", "problem_id",
                                    "ticket_id", string="Incidents", check_company=True)
    incident_count = fields.Integer(compute="_compute_incident_count")
    user_id = fields.Many2one("res.users", string="Owner", default=lambda self: self.env.user,
                              index=True, tracking=True)
    description = fields.Html()
    root_cause = fields.Text(tracking=True)
    workaround = fields.Text(tracking=True)
    known_error = fields.Boolean(readonly=True, tracking=True, index=True)
    resolution = fields.Text(tracking=True)
    state = fields.Selection(
        [("new", "New"), ("investigating", "Investigating"), ("known_error", "Known Error"),
         ("resolved", "Resolved"), ("closed", "Closed")],
        default="new", required=True, readonly=True, tracking=True, index=True, group_expand=True)
    article_ids = fields.One2many("itss.knowledge.article", "problem_id", string="Knowledge Articles")
    article_count = fields.Integer(compute="_compute_article_count")
    date_opened = fields.Datetime(string="Opened", required=True, default=fields.Datetime.now, index=True)
    date_resolved = fields.Datetime(string="Resolved On", readonly=True, index=True)
    resolution_days = fields.Float(string="Resolution Time (days)", compute="_compute_resolution",
                                   store=True, aggregator="avg", digits=(16, 2))
    is_resolved = fields.Integer(string="Resolved (count)", compute="_compute_resolution", store=True,
                                 aggregator="sum",
                                 help="1 once the problem is resolved or closed: summed for the resolution rate.")

    @api.depends("incident_ids")
    def _compute_incident_count(self):
        for problem in self:
            problem.incident_count = len(problem.incident_ids)

    @api.depends("article_ids")
    def _compute_article_count(self):
        for problem in self:
            problem.article_count = len(problem.article_ids)

    @api.depends("state", "date_opened", "date_resolved")
    def _compute_resolution(self):
        for problem in self:
            done = problem.state in ("resolved", "closed") and problem.date_resolved
            problem.is_resolved = 1 if done else 0
            if done:
                delta = problem.date_resolved - problem.date_opened
                problem.resolution_days = max(delta.total_seconds(), 0.0) / 86400.0
            else:
                problem.resolution_days = 0.0

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state == "closed" else frozenset()

    def _itss_problem_action(self):
        return self._itss_action([USER_GROUP], message=self.env._(
            "Only O&M engineers and managers work on problems."))

    def _check_state(self, allowed, action):
        for problem in self:
            if problem.state not in allowed:
                raise UserError(self.env._(
                    "Problem %(problem)s cannot %(action)s from its current state.",
                    problem=problem.name, action=action))

    def action_investigate(self):
        self._check_state(("new",), self.env._("start investigating"))
        self._itss_problem_action().write({"state": "investigating"})
        return True

    def action_known_error(self):
        self._check_state(("new", "investigating"), self.env._("become a known error"))
        for problem in self:
            if not (problem.root_cause and problem.workaround):
                raise UserError(self.env._(
                    "Problem %(problem)s needs a root cause and a workaround to become a known error.",
                    problem=problem.name))
        self._itss_problem_action().write({"state": "known_error", "known_error": True})
        return True

    def action_resolve(self):
        self._check_state(("new", "investigating", "known_error"), self.env._("be resolved"))
        for problem in self:
            if not problem.resolution:
                raise UserError(self.env._("Problem %(problem)s needs a resolution to be resolved.",
                                           problem=problem.name))
        self._itss_problem_action().write({"state": "resolved", "date_resolved": fields.Datetime.now()})
        return True

    def action_close(self):
        self._check_state(("resolved",), self.env._("be closed"))
        self._itss_problem_action().write({"state": "closed"})
        return True

    def action_reopen(self):
        self._check_state(("resolved", "closed"), self.env._("be reopened"))
        self._itss_problem_action().write({"state": "investigating", "date_resolved": False})
        return True

    def action_publish_knowledge(self):
        """Publish the known error to the knowledge base in one click (approved at once by a manager)."""
        self.ensure_one()
        if not self.known_error:
            raise UserError(self.env._("Problem %(problem)s is not a known error: nothing to publish.",
                                       problem=self.name))
        if not self.workaround:
            raise UserError(self.env._("Problem %(problem)s has no workaround to publish.", problem=self.name))
        article = self.article_ids[:1]
        if not article:
            Article = self.env["itss.knowledge.article"]
            Article.check_access("create")
            self.check_access("write")
            # the source problem is set here only (a protected field), then back to the user's rights
            article = Article.sudo().create({
                "name": self.env._("Known error: %(problem)s", problem=self.name),
                "category_id": self.env.ref("itss_service_desk.knowledge_category_known_error").id,
                "project_id": self.project_id.id,
                "company_id": self.company_id.id,
                "problem_id": self.id,
                "content": self._knowledge_content(),
                "user_id": self.env.user.id,
            }).sudo(False)
            article.action_submit()
            if self.env.user.has_group("itss_capability.group_itss_manager"):
                article.action_approve()
        return {
            "type": "ir.actions.act_window",
            "res_model": "itss.knowledge.article",
            "res_id": article.id,
            "view_mode": "form",
        }

    def _knowledge_content(self):
        parts = [
            (self.env._("Symptoms"), self.description),
            (self.env._("Root cause"), self.root_cause and plaintext2html(self.root_cause)),
            (self.env._("Workaround"), plaintext2html(self.workaround)),
            (self.env._("Resolution"), self.resolution and plaintext2html(self.resolution)),
        ]
        return Markup("").join(
            Markup("<h3>%s</h3>%s") % (title, Markup(body)) for title, body in parts if body)

    def action_view_articles(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Knowledge Articles"),
            "res_model": "itss.knowledge.article",
            "view_mode": "list,form",
            "domain": [("problem_id", "=", self.id)],
        }

    def action_view_incidents(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Incidents"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": [("id", "in", self.incident_ids.ids)],
        }

    @api.model
    def _problem_statistics(self, domain=None, groupby="project_id"):
        """{group record: (resolution rate %, mean resolution days)} with one grouped read."""
        result = {}
        groups = self._read_group(domain or [], [groupby],
                                  ["__count", "is_resolved:sum", "resolution_days:sum"])
        for group, count, resolved, days in groups:
            rate = 100.0 * resolved / count if count else 0.0
            mean = days / resolved if resolved else 0.0
            result[group] = (rate, mean)
        return result
