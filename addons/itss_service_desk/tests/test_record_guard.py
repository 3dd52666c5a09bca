# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import ChangeCase

PROTECTED = "set by its actions"


@tagged("post_install", "-at_install")
class TestRecordGuard(ChangeCase):
    """Workflow fields change only through the actions, whatever role writes them directly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Guard other O&M company"})
        cls.outsider = new_test_user(
            cls.env, "guard_outsider", company_id=cls.other_company.id, company_ids=cls.other_company.ids,
            groups="itss_service_desk.group_itss_change_approver,itss_capability.group_itss_manager")
        cls.ticket = cls.env["helpdesk.ticket"].create({"name": "Guard ticket", "description": "<p>x</p>",
                                                        "service_project_id": cls.project.id})
        cls.writers = cls.engineer | cls.manager | cls.approver

    def assert_protected(self, records, values, users=None, pattern=PROTECTED):
        """Each user's direct write of each value is refused."""
        for user in users or self.writers:
            for fname, value in values.items():
                with self.assertRefused(AccessError, pattern):
                    records.with_user(user).write({fname: value})

    def test_change_protected_fields(self):
        """State, approval, approver, approval date and closing date of a change are never written directly."""
        change = self.make_change()
        self.assert_protected(change, {
            "state": "approved", "approved": True, "approver_id": self.approver.id,
            "approval_date": "2026-01-01 10:00:00", "closed_at": "2026-01-02 10:00:00",
        })
        for user in (self.qa, self.executive):
            with self.assertRaises(AccessError):
                change.with_user(user).write({"state": "approved"})
        self.assertEqual(change.state, "draft")

    def test_change_requester_locked_once_submitted(self):
        """An approver cannot rewrite the requester of their own submitted change to approve it."""
        change = self.make_change(user=self.approver)
        self.assertIs(change.with_user(self.approver).action_submit(), True)
        with self.assertRefused(AccessError, "submitted"):
            change.with_user(self.approver).write({"requester_id": self.engineer.id})
        with self.assertRefused(UserError, "cannot approve their own"):
            change.with_user(self.approver).action_approve()
        self.assertIs(change.with_user(self.approver2).action_approve(), True)
        self.assertEqual((change.state, change.approver_id), ("approved", self.approver2))

    def test_change_action_other_company_refused(self):
        """A change approver of another company cannot approve this company's change."""
        change = self.make_change()
        change.action_submit()
        with self.assertRaises(AccessError):
            change.with_user(self.outsider).action_approve()
        self.assertEqual(change.state, "submitted")

    def test_closed_change_frozen(self):
        """A closed (cancelled) change refuses any write and cannot be deleted."""
        change = self.make_change()
        self.assertIs(change.action_cancel(), True)
        with self.assertRefused(AccessError, "closed"):
            change.with_user(self.manager).write({"name": "Rewritten"})
        with self.assertRefused(AccessError, "closed"):
            change.with_user(self.manager).unlink()

    def test_problem_release_event_states(self):
        """Problems, releases and security events refuse direct state writes; their actions still work."""
        problem = self.env["itss.problem"].with_user(self.engineer).create({"name": "Slow HIS"})
        self.assert_protected(problem, {"state": "closed", "known_error": True,
                                        "date_resolved": "2026-01-01 00:00:00"})
        self.assertIs(problem.action_investigate(), True)
        release = self.env["itss.release"].with_user(self.engineer).create({
            "name": "R", "rollback_plan": "<p>restore</p>", "planned_date": "2026-03-10",
            "test_plan": "<p>t</p>"})
        self.assert_protected(release, {"state": "deployed", "deployed_date": "2026-03-01"})
        self.assertIs(release.action_plan(), True)
        event = self.env["itss.security.event"].with_user(self.engineer).create({"name": "Phishing"})
        self.assert_protected(event, {"state": "closed", "handled_at": fields_now()})
        self.assertIs(event.with_user(self.engineer).action_start(), True)
        self.assertEqual((problem.state, release.state, event.state), ("investigating", "planned", "handling"))

    def test_knowledge_article_approval(self):
        """Only the approval action publishes an article and names its approver."""
        article = self.env["itss.knowledge.article"].with_user(self.engineer).create({
            "name": "Printer jam", "content": "<p>Open tray 2</p>",
            "category_id": self.env.ref("itss_service_desk.knowledge_category_known_error").id})
        self.assert_protected(article, {"state": "published", "approved_by_id": self.manager.id,
                                        "usage_count": 5})
        self.assertIs(article.with_user(self.engineer).action_submit(), True)
        with self.assertRefused(AccessError, "Only an O&M manager"):
            article.with_user(self.engineer).action_approve()
        self.assertIs(article.with_user(self.manager).action_approve(), True)
        self.assertEqual(article.approved_by_id, self.manager)

    def test_visit_dispatch_audit(self):
        """Visits, dispatches and configuration audits refuse direct state writes; closed audits are frozen."""
        dispatch = self.env["itss.ticket.dispatch"].with_user(self.engineer).create(
            {"ticket_id": self.ticket.id, "user_id": self.engineer.id})
        self.assert_protected(dispatch, {"returned": True, "returned_at": fields_now()})
        visit = self.env["itss.onsite.visit"].with_user(self.engineer).create({"ticket_id": self.ticket.id})
        self.assert_protected(visit, {"state": "done"})
        self.assertIs(visit.with_user(self.engineer).action_cancel(), True)
        with self.assertRefused(AccessError, "closed"):
            visit.with_user(self.engineer).write({"planned_arrival": "2026-01-01 10:00:00"})
        audit = self.env["itss.config.audit"].with_user(self.engineer).create({
            "name": "Q1 audit", "line_ids": [(0, 0, {"equipment_id": self.equipment.id, "matches": True})]})
        self.assert_protected(audit, {"state": "closed"})
        self.assertIs(audit.with_user(self.engineer).action_close(), True)
        with self.assertRefused(AccessError, "closed"):
            audit.line_ids.with_user(self.engineer).write({"matches": False})
        with self.assertRefused(AccessError, "Only O&M managers"):
            audit.with_user(self.engineer).action_reopen()
        self.assertIs(audit.with_user(self.manager).action_reopen(), True)

    def test_sla_clock_figures(self):
        """No role writes a ticket's SLA clock figures or its first response, reopen count and breach flag."""
        self.env["helpdesk.sla"].create({"name": "Guard 8h", "hours": 8,
                                         "stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id})
        team = self.env["helpdesk.ticket.team"].create({"name": "Guard desk", "use_sla": True,
                                                        "user_ids": [(6, 0, self.writers.ids)]})
        ticket = self.env["helpdesk.ticket"].with_user(self.engineer).create({
            "name": "Clock", "description": "<p>x</p>", "team_id": team.id, "user_id": self.engineer.id})
        rows = ticket.sudo().ticket_sla_ids
        self.assertTrue(rows)
        self.assert_protected(rows, {
            "state": "accomplished", "deadline": "2099-01-01 00:00:00", "reached_at": fields_now(),
            "breached": True, "escalation_level": "2", "consumed_time": 0.5,
        }, users=self.engineer | self.manager)
        self.assert_protected(ticket, {
            "itss_first_response_at": fields_now(), "reopen_count": 3, "itss_sla_breached": True,
        }, users=self.engineer | self.manager)

    def test_priority_matrix_managers_only(self):
        """Engineers read the priority matrix; only O&M managers change it."""
        cell = self.env["itss.priority.matrix"].search([("company_id", "=", self.env.company.id)], limit=1)
        self.assertTrue(cell.with_user(self.engineer).priority)
        with self.assertRaises(AccessError):
            cell.with_user(self.engineer).write({"priority": "P1"})
        with self.assertRaises(AccessError):
            self.env["itss.priority.matrix"].with_user(self.engineer).create(
                {"impact": "1", "urgency": "1", "priority": "P1"})
        cell.with_user(self.manager).write({"priority": cell.priority})

    def test_company_rules_on_lines(self):
        """Stage periods, report trends and assessment lines of one company are hidden from another's users."""
        period = self.ticket.itss_stage_period_ids
        self.assertTrue(period)
        for model in ("itss.ticket.stage.period", "itss.service.report.trend", "itss.sla.assessment.line",
                      "itss.sla.assessment.miss", "itss.ci.attribute"):
            rules = self.env["ir.rule"].search([("model_id.model", "=", model), ("global", "=", True)])
            self.assertTrue(rules, f"{model} has a company rule")
        self.assertFalse(self.env["itss.ticket.stage.period"].with_user(self.outsider).search(
            [("id", "in", period.ids)]))
        self.assertTrue(self.env["itss.ticket.stage.period"].with_user(self.manager).search(
            [("id", "in", period.ids)]))


def fields_now():
    return datetime(2026, 1, 5, 10, 0)
