# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ItssAuditCase


@tagged("post_install", "-at_install")
class TestAuditFlow(ItssAuditCase):
    def _run_audit(self, audit):
        """QA generates the checklist and answers it: 9.4 conforming with evidence, 9.7 nonconforming."""
        audit.with_user(self.qa).action_itss_generate_checklist()
        by_clause = {line.itss_clause_id: line for line in audit.line_ids}
        by_clause[self.clause_incident].with_user(self.qa).write({
            "itss_answer": "conforming", "itss_evidence_ref": f"itss.service.project,{self.project.id}"})
        by_clause[self.clause_change].with_user(self.qa).write({
            "itss_answer": "nonconforming", "comments": "Emergency changes approved after the fact"})
        return by_clause[self.clause_change]

    def test_programme_to_decision(self):
        """Programme → approval → checklist → finding → action → verification → closure → review → decision."""
        programme = self.make_programme()
        audit = programme.audit_ids
        with self.assertRefused(AccessError, "executive"):
            programme.with_user(self.qa).action_approve()
        programme.with_user(self.executive).action_approve()
        self.assertEqual((programme.state, programme.approved_by_id), ("approved", self.executive))

        line = self._run_audit(audit)
        self.assertEqual(audit.itss_clause_ids, self.clause_incident | self.clause_change)
        self.assertTrue(audit.line_ids.filtered(lambda ln: ln.itss_clause_id == self.clause_incident).is_conformed)
        with self.assertRefused(UserError, "Raise a nonconformity"):
            audit.with_user(self.qa).button_close()
        line.with_user(self.qa).action_itss_raise_finding()
        nc = line.itss_nonconformity_id
        self.assertEqual((nc.itss_clause_id, nc.itss_department_id, nc.responsible_user_id, nc.itss_audit_id),
                         (self.clause_change, self.dept_om, self.manager, audit))
        self.assertIn(nc, audit.nonconformity_ids)
        audit.with_user(self.qa).write({"itss_conclusion": "Change process partly effective"})
        audit.with_user(self.qa).button_close()
        self.assertEqual(audit.state, "done")

        # The auditee (department head) reads the audit and answers the corrective action
        self.assertEqual(audit.with_user(self.manager).itss_department_id, self.dept_om)
        nc.with_user(self.qa).action_itss_add_corrective_action()
        improvement = nc.itss_improvement_ids
        self.assertEqual((improvement.source, improvement.owner_id, improvement.audit_id, improvement.source_ref),
                         ("internal_audit", self.manager, audit, nc))
        self.assertIn(improvement.action_id, nc.action_ids)
        improvement.with_user(self.manager).write({"action_taken": "CAB meets for emergency changes"})
        improvement.with_user(self.manager).action_done()

        nc.with_user(self.qa).write({"action_comments": "Corrective action planned",
                                     "evaluation_comments": "Checked three emergency changes"})
        done = self.env.ref("mgmtsystem_nonconformity.stage_done")
        with self.assertRefused(UserError, "not verified"):
            nc.with_user(self.qa).stage_id = done
        with self.assertRefused(AccessError, "QA"):
            nc.with_user(self.manager).stage_id = done
        improvement.with_user(self.qa).write({"verification": "No late approvals in Q3"})
        improvement.with_user(self.qa).action_verify()
        self.assertTrue(improvement.action_id.itss_verified)
        self.assertTrue(improvement.action_id.stage_id.is_ending)
        nc.with_user(self.qa).stage_id = done
        self.assertEqual(nc.state, "done")
        with self.assertRefused(AccessError, "closed"):
            nc.with_user(self.qa).write({"description": "Rewritten after closing"})
        with self.assertRefused(AccessError, "closed"):
            nc.with_user(self.qa).stage_id = self.env.ref("mgmtsystem_nonconformity.stage_open")

        # Management review: inputs from live data, the executive closes, decisions become improvements
        review = self.env["mgmtsystem.review"].with_user(self.qa).create({
            "name": "Review 2039", "date": f"{self.year}-12-15 02:00:00",
            "itss_date_from": f"{self.year}-01-01", "itss_date_to": f"{self.year}-12-31",
            "itss_chair_id": self.executive.id,
        })
        with self.assertRefused(UserError, "Collect the inputs"):
            review.with_user(self.executive).button_close()
        review.with_user(self.qa).action_itss_collect_inputs()
        self.assertIn("Nonconformities still open", review.itss_inputs)
        with self.assertRefused(AccessError, "set by its actions"):
            review.with_user(self.qa).write({"itss_inputs_date": "2039-01-01 00:00:00"})
        with self.assertRefused(UserError, "decisions"):
            review.with_user(self.executive).button_close()
        self.env["itss.review.decision"].with_user(self.qa).create({
            "review_id": review.id, "name": "Second CAB member for night changes", "owner_id": self.manager.id,
            "due_date": f"{self.year + 1}-03-31"})
        review.with_user(self.executive).button_close()
        decision = review.itss_decision_ids
        self.assertEqual(review.state, "done")
        self.assertEqual((decision.improvement_id.source, decision.improvement_id.owner_id,
                          str(decision.improvement_id.due_date), decision.improvement_id.source_ref),
                         ("management_review", self.manager, f"{self.year + 1}-03-31", decision))
        with self.assertRefused(AccessError, "closed"):
            decision.with_user(self.qa).name = "Rewritten"

        programme.with_user(self.qa).action_done()
        self.assertEqual(programme.state, "done")

    def test_auditor_never_audits_own_department(self):
        """A QA auditor planned on the QA department is refused, nothing created."""
        programme = self.make_programme(departments=self.env["hr.department"])
        with self.assertRefused(ValidationError, "own department"):
            self.env["mgmtsystem.audit"].with_user(self.qa).create({
                "name": "QA self audit", "itss_programme_id": programme.id, "itss_department_id": self.dept_qa.id,
                "user_id": self.qa.id, "auditor_user_ids": [Command.set(self.qa.ids)]})
        self.assertFalse(programme.audit_ids)

    def test_auditor_added_later_from_audited_department(self):
        """Adding the audited department's head as auditor of an existing audit is refused."""
        audit = self.make_programme().audit_ids
        with self.assertRefused(ValidationError, "own department"):
            audit.with_user(self.qa).write({"auditor_user_ids": [Command.link(self.manager.id)]})
        self.assertEqual(audit.auditor_user_ids, self.qa)

    def test_empty_checklist_refused(self):
        """An audit without checklist cannot be closed; an unanswered checklist neither."""
        audit = self.make_programme().audit_ids
        with self.assertRefused(UserError, "empty checklist"):
            audit.with_user(self.qa).button_close()
        audit.with_user(self.qa).action_itss_generate_checklist()
        self.assertEqual(len(audit.line_ids), 2)
        audit.with_user(self.qa).action_itss_generate_checklist()
        self.assertEqual(len(audit.line_ids), 2, "clauses already asked are not asked twice")
        with self.assertRefused(UserError, "Answer every question"):
            audit.with_user(self.qa).button_close()
        self.assertEqual(audit.state, "open")

    def test_programme_flags_uncovered_department(self):
        """A programme that leaves the QA department (and clause 5.4) unaudited is flagged, then covered."""
        programme = self.make_programme()
        self.assertFalse(programme.is_coverage_complete)
        self.assertEqual(programme.uncovered_department_ids, self.dept_qa)
        self.assertEqual(programme.uncovered_clause_ids, self.clause_check)
        self.env["mgmtsystem.audit"].with_user(self.qa).create({
            "name": "QA department audit", "itss_programme_id": programme.id, "itss_department_id": self.dept_qa.id,
            "user_id": self.manager.id, "auditor_user_ids": [Command.set(self.manager.ids)]})
        self.assertTrue(programme.is_coverage_complete)
        self.assertFalse(programme.uncovered_clause_ids)

    def test_allocation_table_one_lead_and_gaps(self):
        """Each clause has one lead department; clauses without one are flagged as gaps."""
        with self.assertRefused(ValidationError, "already has a lead"):
            self.env["itss.clause.allocation"].with_user(self.qa).create({
                "clause_id": self.clause_incident.id, "department_id": self.dept_qa.id, "responsibility": "lead"})
        Clause = self.env["itss.standard.clause"].with_user(self.qa)
        gaps = Clause.search([("is_allocation_gap", "=", True), ("edition", "=", "2012")])
        self.assertIn(self.clause_change, gaps)
        self.assertNotIn(self.clause_incident, gaps)
        self.assertNotIn(self.env.ref("itss_audit.clause_2012_9"), gaps, "chapters are headings, not requirements")
        self.assertEqual(self.clause_incident.with_user(self.executive).lead_department_id, self.dept_om)
        self.assertIn(self.clause_incident, self.env.ref("itss_capability.itss_process_incident").clause_ids)
        with self.assertRaises(AccessError):
            self.env["itss.clause.allocation"].with_user(self.manager).create({
                "clause_id": self.clause_change.id, "department_id": self.dept_qa.id})

    def test_roles_and_other_company(self):
        """Engineers see no audit data; executives read; another company's users see nothing."""
        programme = self.make_programme()
        for model in ("itss.audit.programme", "itss.clause.allocation", "mgmtsystem.audit",
                      "mgmtsystem.nonconformity", "itss.review.decision"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.engineer).search([])
        self.assertEqual(programme.with_user(self.executive).name, programme.name)
        with self.assertRaises(AccessError):
            programme.with_user(self.executive).name = "Changed"
        with self.assertRefused(AccessError, "QA"):
            programme.audit_ids.with_user(self.manager).action_itss_generate_checklist()
        other = self.env["res.company"].create({"name": "Other audit company"})
        outsider = new_test_user(self.env, "au_outsider", company_id=other.id, company_ids=[Command.set(other.ids)],
                                 groups="itss_capability.group_itss_qa,itss_capability.group_itss_executive")
        self.assertFalse(self.env["itss.audit.programme"].with_user(outsider).search([("id", "=", programme.id)]))
        self.assertFalse(self.env["itss.clause.allocation"].with_user(outsider).search([]))
        self.assertFalse(self.env["mgmtsystem.audit"].with_user(outsider).search(
            [("id", "in", programme.audit_ids.ids)]))

    def test_plan_close_needs_audit_and_review(self):
        """Closing the plan's year with a programme but no completed audit or review names what is missing."""
        plan = self.env["itss.capability.plan"].create({"name": "Plan 2039", "year": self.year})
        plan.sudo().state = "improvement"
        programme = self.make_programme()
        with self.assertRefused(UserError, "no internal audit .* is completed; no management review"):
            plan.with_user(self.manager).action_close()
        self.assertEqual(plan.state, "improvement")
        audit = programme.audit_ids
        line = self._run_audit(audit)
        line.with_user(self.qa).write({"itss_answer": "observation"})
        audit.with_user(self.qa).button_close()
        with self.assertRefused(UserError, "no management review of 2039"):
            plan.with_user(self.manager).action_close()
        review = self.env["mgmtsystem.review"].with_user(self.qa).create({
            "name": "Review", "date": f"{self.year}-12-30 04:00:00"})
        review.with_user(self.qa).button_close()
        plan.with_user(self.manager).action_close()
        self.assertEqual(plan.state, "closed")

    def test_reminder_for_planned_audit(self):
        """An approved programme's audit planned within a week gives its audit manager one activity."""
        programme = self.make_programme()
        audit = programme.audit_ids
        today = self.company._itss_today()
        audit.with_user(self.qa).itss_planned_date = today
        programme.with_user(self.executive).action_approve()
        self.env["itss.audit.programme"]._cron_remind_audits()
        self.env["itss.audit.programme"]._cron_remind_audits()
        self.assertEqual(len(audit.activity_ids), 1)
        self.assertEqual(audit.activity_ids.user_id, self.qa)

    def test_oca_action_joins_register(self):
        """An action opened in OCA's screens on a finding is in the improvement register and must be verified."""
        audit = self.make_programme().audit_ids
        line = self._run_audit(audit)
        line.with_user(self.qa).action_itss_raise_finding()
        nc = line.itss_nonconformity_id
        action = self.env["mgmtsystem.action"].with_user(self.manager).create({
            "name": "Retrain the change managers", "type_action": "correction",
            "nonconformity_ids": [Command.link(nc.id)]})
        improvement = action.itss_improvement_ids
        self.assertEqual((improvement.nonconformity_id, improvement.audit_id, improvement.source),
                         (nc, audit, "internal_audit"))
        nc.with_user(self.qa).write({"action_comments": "Plan", "evaluation_comments": "Checked"})
        with self.assertRefused(ValidationError, "Retrain the change managers"):
            nc.with_user(self.qa).stage_id = self.env.ref("mgmtsystem_nonconformity.stage_done")
        self.assertNotEqual(nc.state, "done")

    def test_plan_close_without_programme(self):
        """Without any programme, audit or review the year still does not close, and the message says why."""
        self.company.resource_calendar_id.tz = "Asia/Shanghai"
        plan = self.env["itss.capability.plan"].create({"name": "Plan 2036", "year": 2036})
        plan.sudo().state = "improvement"
        with self.assertRefused(UserError, "no internal audit of 2036 is completed; no management review of 2036"):
            plan.with_user(self.manager).action_close()
        self.assertEqual(plan.state, "improvement")
        audit = self.env["mgmtsystem.audit"].with_user(self.qa).create({
            "name": "Audit outside a programme", "date": "2036-12-31 17:00:00",
            "line_ids": [Command.create({"name": "Records kept", "itss_answer": "conforming"})]})
        audit.with_user(self.qa).button_close()
        self.assertEqual(audit.itss_year, 2037, "17:00 UTC on 31 December is already 2037 in Shanghai")
        audit.sudo().date = "2036-12-31 15:00:00"
        self.assertEqual(audit.itss_year, 2036)
        with self.assertRefused(UserError, "no management review of 2036"):
            plan.with_user(self.manager).action_close()
        review = self.env["mgmtsystem.review"].with_user(self.qa).create({
            "name": "Review of 2036", "date": "2037-01-10 02:00:00", "itss_date_from": "2036-01-01",
            "itss_date_to": "2036-12-31"})
        self.assertEqual(review.itss_year, 2036, "the period reviewed decides the year, not the meeting day")
        review.sudo().state = "done"
        plan.with_user(self.manager).action_close()
        self.assertEqual(plan.state, "closed")

    def test_review_inputs_changes_in_resources(self):
        """The review inputs count the period's joiners, leavers, post changes and tools, frozen once collected."""
        Employee = self.env["hr.employee"]
        job_a, job_b = self.env["hr.job"].create([{"name": "Test job A"}, {"name": "Test job B"}])
        Employee.create({"name": "Joiner", "date_version": "2035-03-01", "job_id": job_a.id})
        leaver = Employee.create({"name": "Leaver", "date_version": "2034-01-01", "job_id": job_a.id})
        leaver.departure_date = "2035-05-31"
        mover = Employee.create({"name": "Mover", "date_version": "2034-01-01", "job_id": job_a.id})
        mover.create_version({"date_version": "2035-07-01", "job_id": job_b.id})
        self.env["itss.tool"].create({"name": "Test monitor 2035"}).sudo().write(
            {"state": "approved", "approved_date": "2035-04-01"})
        review = self.env["mgmtsystem.review"].with_user(self.qa).create({
            "name": "Review 2035", "date": "2035-12-15 02:00:00", "itss_date_from": "2035-01-01",
            "itss_date_to": "2035-12-31"})
        review.with_user(self.qa).action_itss_collect_inputs()
        inputs = str(review.itss_inputs)
        self.assertIn("Changes in resources", inputs)
        self.assertIn("<th>People joined / left</th><td>1 / 1</td>", inputs)
        self.assertIn("<th>Post or department changes</th><td>1</td>", inputs)
        self.assertRegex(inputs, r"<th>O&amp;M tools approved in the period; in use / retired</th><td>1; ")
        Employee.create({"name": "Late joiner", "date_version": "2035-10-01"})
        self.assertIn("<th>People joined / left</th><td>1 / 1</td>", str(review.itss_inputs),
                      "collected inputs are frozen")
        with self.assertRefused(AccessError, "set by its actions|can no longer"):
            review.with_user(self.qa).itss_inputs = "<p>rewritten</p>"

    def test_evidence_models_of_installed_modules(self):
        """Plan items, and the changes, trainings and appraisals of installed modules, can be cited as evidence."""
        cited = dict(self.env["mgmtsystem.verification.line"]._itss_evidence_models())
        self.assertIn("itss.plan.work.item", cited)
        for name in ("itss.change.request", "itss.training.plan", "itss.performance.appraisal", "hr.course"):
            if name in self.env:
                self.assertIn(name, cited)
        self.assertNotIn("itss.change", cited)
