# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .test_capability_plan import PlanCase


@tagged("post_install", "-at_install")
class TestPlanGuard(PlanCase):
    """The plan's state, lock and approver change only through its actions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Second O&M Co."})
        cls.other_executive = new_test_user(
            cls.env, "t_other_exec", groups="itss_capability.group_itss_executive",
            company_id=cls.other_company.id, company_ids=[(6, 0, cls.other_company.ids)])

    def test_manager_cannot_write_approval(self):
        """An O&M manager cannot write a submitted plan to approved, locked or with an approver."""
        plan = self.plan.with_user(self.manager)
        plan.action_submit()
        for vals in ({"state": "approved"}, {"is_locked": True}, {"approver_id": self.manager.id},
                     {"approval_date": "2041-01-02"}):
            with self.assertRefused(AccessError, "set by its actions"):
                plan.write(vals)
        self.assertEqual(self.plan.state, "submitted")
        self.assertFalse(self.plan.approver_id)

    def test_manager_cannot_unlock_or_close_by_write(self):
        """An approved plan is not unlocked by writing is_locked; a draft plan is not closed by writing state."""
        draft = self.plan.copy({"year": 2042}).with_user(self.manager)
        with self.assertRefused(AccessError, "set by its actions"):
            draft.write({"state": "closed"})
        self.approve()
        with self.assertRefused(AccessError, "set by its actions"):
            self.plan.with_user(self.manager).write({"is_locked": False})
        with self.assertRefused(AccessError, "approved and locked"):
            self.plan.with_user(self.manager).write({"customer_needs": "<p>rewritten</p>"})
        self.assertTrue(self.plan.is_locked)

    def test_other_company_executive_cannot_approve(self):
        """An executive of another company cannot approve this company's plan, and nothing is written."""
        self.plan.with_user(self.manager).action_submit()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.other_executive).action_approve()
        self.assertEqual(self.plan.state, "submitted")
        self.assertFalse(self.plan.approver_id)

    def test_actions_return_true(self):
        """Every step of the plan returns a value an XML-RPC client can marshal."""
        self.assertIs(self.plan.with_user(self.manager).action_submit(), True)
        self.assertIs(self.plan.with_user(self.executive).action_reject(), True)
        self.plan.with_user(self.manager).action_submit()
        self.assertIs(self.plan.with_user(self.executive).action_approve(), True)
        self.assertIs(self.plan.with_user(self.manager).action_start_execution(), True)
        self.assertIs(self.plan.with_user(self.manager).action_start_check(), True)
        self.assertIs(self.plan.with_user(self.manager).action_start_improvement(), True)

    def test_revision_records_and_unlocks(self):
        """A new revision is the only way to unlock an approved plan, and it records who and why."""
        self.approve()
        revision = self.env["itss.capability.plan.revision"].with_user(self.manager).create({
            "plan_id": self.plan.id, "version": "1.1", "change": "New customer contract"})
        self.assertFalse(self.plan.is_locked)
        self.assertEqual(self.plan.state, "draft")
        self.assertEqual(revision.user_id, self.manager)
        with self.assertRefused(AccessError, "set by its actions"):
            revision.with_user(self.manager).write({"user_id": self.executive.id})
        with self.assertRefused(AccessError, "Only O&M managers revise"):
            self.env["itss.capability.plan.revision"].with_user(self.engineer).create({
                "plan_id": self.plan.id, "version": "1.2", "change": "Sneaky"})


@tagged("post_install", "-at_install")
class TestKpiValueGuard(PlanCase):
    """KPI values: the target, the control figures and the lock are never written by a user."""

    def test_target_is_the_kpis(self):
        """An engineer cannot record a value with their own target; the value takes the KPI's target."""
        Value = self.env["itss.kpi.value"].with_user(self.engineer)
        with self.assertRefused(AccessError, "set by its actions"):
            Value.create({"kpi_id": self.kpi_project.id, "project_id": self.project.id,
                          "date_from": "2041-01-01", "value": 50, "target": 0})
        value = Value.create({"kpi_id": self.kpi_project.id, "project_id": self.project.id,
                              "date_from": "2041-01-01", "value": 50})
        self.assertEqual(value.target, 90.0)
        self.assertEqual(value.status, "missed")
        self.kpi_project.target = 40.0
        self.assertEqual(value.target, 90.0, "a later target change must not rewrite a past value")

    def test_control_figures_and_lock_refused(self):
        """Control limits, the out-of-control flag, the status and the lock are refused to an engineer."""
        value = self.add_values(self.kpi_org, [96, 97, 95, 20])[-1].with_user(self.engineer)
        for vals in ({"control_ucl": 200.0}, {"out_of_control": False}, {"status": "met"},
                     {"locked": True}, {"source": "provider"}, {"alerted": False}):
            with self.assertRefused(AccessError, "set by its actions"):
                value.write(vals)
        self.assertTrue(value.out_of_control)

    def test_locked_value_stays(self):
        """A value of a closed period cannot be unlocked, edited or deleted by any role."""
        value = self.add_values(self.kpi_org, [96])
        value.sudo().write({"locked": True})
        for user in (self.engineer, self.manager, self.env.ref("base.user_admin")):
            with self.assertRefused(AccessError, "set by its actions"):
                value.with_user(user).write({"locked": False})
            with self.assertRefused(AccessError, "closed"):
                value.with_user(user).write({"value": 10})
        with self.assertRefused(AccessError, "closed"):
            value.with_user(self.manager).unlink()
        self.assertEqual(value.value, 96)

    def test_form_records_a_value(self):
        """The form (as the web client) records a value as an engineer: it sends no protected field."""
        with Form(self.env["itss.kpi.value"].with_user(self.engineer)) as form:
            form.kpi_id = self.kpi_project
            form.project_id = self.project
            form.date_from = date(2041, 2, 1)
            form.value = 95
            self.assertEqual(form.target, 90.0)
        value = form.record
        self.assertEqual((value.target, value.status, value.source), (90.0, "met", "manual"))

    def test_period_out_of_range(self):
        """A value dated 9999-12 or 0001-01 is refused with a clear message, not a traceback."""
        Value = self.env["itss.kpi.value"].with_user(self.engineer)
        for day in ("9999-12-01", "0001-01-01"):
            with self.assertRefused(ValidationError, "between 2000 and 2100"):
                Value.create({"kpi_id": self.kpi_org.id, "date_from": day, "value": 50})


@tagged("post_install", "-at_install")
class TestOtherGuards(PlanCase):
    """R&D topics, tools, improvements, QA checks and projects follow the same rule."""

    def test_rd_topic_decision_only_by_executive(self):
        """A manager cannot approve an R&D topic, by action or by write; the executive's action returns True."""
        topic = self.env["itss.rd.topic"].with_user(self.manager).create({"name": "AIOps", "year": 2041})
        with self.assertRefused(AccessError, "executive group decides"):
            topic.action_approve()
        with self.assertRefused(AccessError, "set by its actions"):
            topic.write({"state": "approved"})
        with self.assertRefused(AccessError, "set by its actions"):
            topic.write({"decided_by_id": self.manager.id})
        self.assertIs(topic.with_user(self.executive).action_approve(), True)
        self.assertEqual(topic.decided_by_id, self.executive)

    def test_improvement_verification(self):
        """An engineer cannot verify an improvement nor write it verified; QA can."""
        improvement = self.env["itss.improvement"].create({
            "name": "Faster dispatch", "plan_id": self.plan.id, "owner_id": self.engineer.id})
        as_engineer = improvement.with_user(self.engineer)
        with self.assertRefused(AccessError, "set by its actions"):
            as_engineer.write({"state": "verified"})
        as_engineer.write({"action_taken": "Dispatcher on every shift"})
        self.assertIs(as_engineer.action_done(), True)
        as_engineer.write({"verification": "Dispatch time halved"})
        with self.assertRefused(AccessError, "Only QA auditors or O&M managers"):
            as_engineer.action_verify()
        self.assertIs(improvement.with_user(self.qa).action_verify(), True)
        self.assertEqual(improvement.verified_by_id, self.qa)

    def test_done_qa_check_frozen(self):
        """A concluded QA check and its findings no longer change."""
        check = self.env["itss.qa.check"].with_user(self.qa).create({
            "name": "Q1 check", "plan_id": self.plan.id, "conclusion": "minor",
            "finding_ids": [(0, 0, {"description": "Overdue spot check"})]})
        self.assertIs(check.action_done(), True)
        with self.assertRefused(AccessError, "closed"):
            check.write({"conclusion": "conform"})
        with self.assertRefused(AccessError, "closed"):
            check.finding_ids.write({"description": "Nothing"})
        self.assertIs(check.action_create_improvements(), True)
        self.assertTrue(check.finding_ids.improvement_id)

    def test_project_state_by_action(self):
        """A service project's state is set by the manager's actions, never written by an engineer."""
        project = self.make_project("Guarded project", "Guarded customer")
        with self.assertRefused(AccessError, "set by its actions"):
            project.with_user(self.manager).write({"state": "draft"})
        with self.assertRefused(AccessError, "Only O&M managers"):
            project.with_user(self.engineer).action_close()
        self.assertIs(project.with_user(self.manager).action_close(), True)


@tagged("post_install", "-at_install")
class TestCompanyPeriods(PlanCase):
    """Periods are cut in the company's time zone."""

    def test_shanghai_month_bounds(self):
        """March in Asia/Shanghai runs from Feb 28 16:00 UTC to Mar 31 16:00 UTC; 07:30 local on the 1st is March."""
        company = self.env.company
        company.resource_calendar_id.tz = "Asia/Shanghai"
        start, end = company._itss_utc_bounds(date(2041, 3, 1), date(2041, 3, 31))
        self.assertEqual(start, datetime(2041, 2, 28, 16, 0))
        self.assertEqual(end, datetime(2041, 3, 31, 16, 0))
        self.assertEqual(company._itss_local_date(datetime(2041, 2, 28, 23, 30)), date(2041, 3, 1))
        company.resource_calendar_id.tz = "UTC"
        self.assertEqual(company._itss_local_date(datetime(2041, 2, 28, 23, 30)), date(2041, 2, 28))
