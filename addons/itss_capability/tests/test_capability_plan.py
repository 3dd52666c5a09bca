# Copyright 2042 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import ItssCase


class PlanCase(ItssCase):
    """Fixtures: two departments, their engineers, and a drafted 2041 plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dept_ops = cls.env["hr.department"].create({"name": "O&M Department"})
        cls.dept_hr = cls.env["hr.department"].create({"name": "HR Department"})
        cls.engineer_2 = new_test_user(cls.env, "t_engineer_2", groups="itss_capability.group_itss_user")
        cls.env["hr.employee"].create([
            {"name": "Engineer 1", "user_id": cls.engineer.id, "department_id": cls.dept_ops.id},
            {"name": "Engineer 2", "user_id": cls.engineer_2.id, "department_id": cls.dept_hr.id},
        ])
        cls.people = cls.env.ref("itss_capability.itss_element_people")
        cls.resources = cls.env.ref("itss_capability.itss_element_resources")
        cls.process_element = cls.env.ref("itss_capability.itss_element_process")
        cls.plan = cls.env["itss.capability.plan"].with_user(cls.manager).create({
            "year": 2041,
            "reviewer_id": cls.qa.id,
            "current_state": "<p>12 customers, 40 engineers.</p>",
            "objective_ids": [
                Command.create({"name": "Configuration accuracy", "target": 95, "unit": "%",
                                "kpi_id": cls.kpi_org.id}),
                Command.create({"name": "O&M revenue", "target": 1200, "unit": "10k CNY"}),
                Command.create({"name": "Customer satisfaction", "target": 4.5, "unit": "/5"}),
            ],
            "work_item_ids": [
                Command.create({"name": "Build the reserve pool", "element_id": cls.people.id,
                                "department_id": cls.dept_hr.id, "owner_id": cls.engineer_2.id,
                                "date_start": "2041-01-01", "date_end": "2041-06-30"}),
                Command.create({"name": "Spare-part spot checks", "element_id": cls.resources.id,
                                "department_id": cls.dept_ops.id, "owner_id": cls.engineer.id,
                                "date_start": "2041-01-01", "date_end": "2041-03-31"}),
                Command.create({"name": "Change review board", "element_id": cls.process_element.id,
                                "process_id": cls.env.ref("itss_capability.itss_process_change").id,
                                "department_id": cls.dept_ops.id, "date_start": "2041-02-01",
                                "date_end": "2041-12-31"}),
            ],
        })
        cls.obj_cfg, cls.obj_revenue, cls.obj_sat = cls.plan.objective_ids
        cls.item_reserve, cls.item_spares, cls.item_cab = cls.plan.work_item_ids
        cls.meet_year_checks(2041)

    @classmethod
    def meet_year_checks(cls, year):
        """With itss_audit installed a year closes only after a completed internal audit and a closed review."""
        if "mgmtsystem.audit" not in cls.env:
            return
        audit = cls.env["mgmtsystem.audit"].create({
            "name": f"{year} internal audit", "date": f"{year}-10-15 02:00:00",
            "line_ids": [Command.create({"name": "Plan records kept", "is_conformed": True})]})
        audit.button_close()
        review = cls.env["mgmtsystem.review"].create({"name": f"{year} review", "date": f"{year}-12-15 02:00:00"})
        review.button_close()

    def approve(self, plan=None):
        plan = plan or self.plan
        plan.with_user(self.manager).action_submit()
        plan.with_user(self.executive).action_approve()
        return plan


@tagged("post_install", "-at_install")
class TestPlanYear(PlanCase):
    def test_full_pdca_year(self):
        """A plan walks a whole year: approve, execute, check, improve, investigate, close, next year."""
        plan = self.plan
        self.assertEqual(plan.revision_ids.version, "1.0")
        self.approve()
        self.assertEqual(plan.state, "approved")
        self.assertTrue(plan.is_locked)
        self.assertEqual(plan.approver_id, self.executive)
        plan.with_user(self.manager).action_start_execution()
        self.assertEqual(plan.state, "execution")

        # Implement: engineers record execution on their items
        self.env["itss.plan.execution"].with_user(self.engineer).create({
            "work_item_id": self.item_spares.id, "date": "2041-03-15",
            "description": "Spot-checked 40 spare disks", "result": "39 good, 1 scrapped",
        })
        self.item_spares.with_user(self.engineer).action_done()
        self.assertEqual(self.item_spares.progress, 100)
        self.item_reserve.with_user(self.engineer_2).progress = 60
        self.add_values(self.kpi_org, [93, 94], year=2041)

        # Check: QA records a check, its finding becomes an improvement measure in one click
        plan.with_user(self.manager).action_start_check()
        check = self.env["itss.qa.check"].with_user(self.qa).create({
            "name": "Q4 check", "plan_id": plan.id, "date": "2041-11-20", "conclusion": "minor",
            "finding_ids": [Command.create({
                "description": "Reserve pool behind schedule", "work_item_id": self.item_reserve.id,
                "due_date": "2042-01-31"})],
        })
        check.with_user(self.qa).action_create_improvements()
        improvement = check.finding_ids.improvement_id
        self.assertEqual((improvement.source, improvement.plan_id, improvement.owner_id),
                         ("qa_check", plan, self.engineer_2))
        check.with_user(self.qa).action_done()

        # Improve: objectives measured; the missed one needs an investigation before closing
        plan.with_user(self.manager).action_start_improvement()
        self.obj_revenue.with_user(self.manager).actual_manual = 1250
        self.obj_sat.with_user(self.manager).actual_manual = 4.2
        self.assertAlmostEqual(self.obj_cfg.actual, 93.5)
        self.assertEqual((self.obj_cfg.status, self.obj_revenue.status, self.obj_sat.status),
                         ("missed", "met", "missed"))
        with self.assertRefused(UserError, "investigation"):
            plan.with_user(self.manager).action_close()
        for objective in self.obj_cfg | self.obj_sat:
            self.env["itss.indicator.investigation"].with_user(self.manager).create({
                "plan_id": plan.id, "objective_id": objective.id, "facts": "<p>Below target</p>",
                "root_cause": "<p>Audit backlog</p>", "measures": "<p>Monthly CMDB audit</p>"})
        self.env["itss.annual.review"].with_user(self.manager).create({
            "name": "2041 annual review", "plan_id": plan.id, "date": "2041-12-20",
            "attendee_ids": [Command.set([self.manager.id, self.executive.id])],
            "conclusions": "<p>Targets mostly met</p>"})
        plan.with_user(self.manager).action_close()
        self.assertEqual(plan.state, "closed")

        # Prepare next year: structure copied, unmet objectives and open improvements carried
        plan.with_user(self.manager).action_prepare_next_year()
        nxt = plan.next_plan_id
        self.assertEqual(nxt.year, 2042)
        self.assertEqual(nxt.state, "draft")
        self.assertFalse(nxt.is_locked)
        self.assertEqual(sorted(nxt.objective_ids.mapped("name")),
                         ["Configuration accuracy", "Customer satisfaction"])
        self.assertEqual(len(nxt.work_item_ids), 3)
        self.assertEqual(nxt.work_item_ids.mapped("state"), ["todo"] * 3)
        self.assertEqual(nxt.work_item_ids.filtered(lambda i: i.name == "Build the reserve pool").date_end,
                         date(2042, 6, 30))
        self.assertEqual(improvement.plan_id, nxt)
        self.assertEqual(improvement.origin_plan_id, plan)
        self.assertEqual(nxt.revision_ids.mapped("version"), ["1.0"])
        self.assertEqual(nxt.previous_plan_id, plan)
        with self.assertRefused(UserError, "already exists"):
            plan.with_user(self.manager).action_prepare_next_year()

    def test_improvement_effectiveness(self):
        """An improvement is implemented, then verified for effectiveness by QA."""
        improvement = self.env["itss.improvement"].with_user(self.manager).create({
            "name": "Weekend on-call", "plan_id": self.plan.id, "owner_id": self.engineer.id})
        self.assertTrue(improvement.activity_ids, "the owner gets an activity")
        with self.assertRefused(UserError, "action taken"):
            improvement.with_user(self.engineer).action_done()
        improvement.with_user(self.engineer).write({"action_taken": "Rota published"})
        improvement.with_user(self.engineer).action_done()
        with self.assertRefused(UserError, "effectiveness verification"):
            improvement.with_user(self.qa).action_verify()
        improvement.with_user(self.qa).write({"verification": "No missed weekend call in 3 months",
                                              "is_effective": True})
        improvement.with_user(self.qa).action_verify()
        self.assertEqual((improvement.state, improvement.verified_by_id), ("verified", self.qa))

    def test_overdue_items_raise_activities(self):
        """Overdue work items give their owners one activity, once."""
        self.approve()
        with freeze_time("2041-04-02"):
            self.assertEqual(self.plan.work_item_overdue_count, 1)
            self.env["itss.plan.work.item"]._cron_alert_overdue()
            self.env["itss.plan.work.item"]._cron_alert_overdue()
        self.assertEqual(self.item_spares.activity_ids.user_id, self.engineer)
        self.assertEqual(len(self.item_spares.activity_ids), 1)
        self.assertFalse(self.item_reserve.activity_ids)

    def test_plan_form(self):
        """A manager drafts a plan through the form; the first revision line is written for them."""
        with Form(self.env["itss.capability.plan"].with_user(self.manager)) as form:
            form.year = 2031
            form.document_number = "ITSS-06-02"
        self.assertEqual(form.record.revision_ids.change, "First issue")
        self.assertEqual(form.record.display_name, f"2031 {form.record.name} V1.0")


@tagged("post_install", "-at_install")
class TestPlanRules(PlanCase):
    def test_only_executive_approves(self):
        """Only the executive group approves; a manager or QA cannot."""
        self.plan.with_user(self.manager).action_submit()
        for user in (self.manager, self.qa, self.engineer):
            with self.assertRefused(AccessError, "executive"):
                self.plan.with_user(user).action_approve()
        self.plan.with_user(self.executive).action_approve()
        self.assertEqual(self.plan.state, "approved")

    def test_approved_plan_locked_until_revision(self):
        """Nobody edits an approved plan's content without a new revision entry."""
        self.approve()
        with self.assertRefused(UserError, "locked"):
            self.plan.with_user(self.manager).current_state = "<p>changed</p>"
        with self.assertRefused(UserError, "locked"):
            self.obj_revenue.with_user(self.manager).target = 2000
        with self.assertRefused(UserError, "locked"):
            self.item_cab.with_user(self.manager).date_end = "2041-11-30"
        # execution stays possible on a locked plan
        self.item_spares.with_user(self.engineer).progress = 50
        revision = Form(self.env["itss.capability.plan.revision"].with_context(
            default_plan_id=self.plan.id, itss_unlock_plan=True).with_user(self.manager))
        revision.change = "Revenue target raised after Q1"
        revision.save()
        self.assertEqual(self.plan.version, "1.1")
        self.assertFalse(self.plan.is_locked)
        self.assertEqual(self.plan.state, "draft")
        self.obj_revenue.with_user(self.manager).target = 2000
        self.assertEqual(self.plan.revision_ids.mapped("version"), ["1.1", "1.0"])

    def test_engineer_edits_own_or_department_items_only(self):
        """An O&M user edits the items they own or their department's, not the others."""
        self.item_cab.with_user(self.engineer).progress = 20  # department O&M
        self.item_spares.with_user(self.engineer).progress = 30  # owner
        with self.assertRaises(AccessError):
            self.item_reserve.with_user(self.engineer).progress = 10
        with self.assertRaises(AccessError):
            self.env["itss.plan.execution"].with_user(self.engineer).create({
                "work_item_id": self.item_reserve.id, "description": "not mine"})
        with self.assertRaises(AccessError):
            self.plan.with_user(self.engineer).name = "Renamed"

    def test_qa_records_checks_others_do_not(self):
        """QA auditors record checks; managers and engineers only read them."""
        check = self.env["itss.qa.check"].with_user(self.qa).create({"name": "Q1", "plan_id": self.plan.id})
        for user in (self.manager, self.engineer, self.executive):
            self.assertEqual(check.with_user(user).name, "Q1")
            with self.assertRaises(AccessError):
                self.env["itss.qa.check"].with_user(user).create({"name": "Q2", "plan_id": self.plan.id})

    def test_bad_input_refused(self):
        """End before start, a second active plan for the year, progress outside 0–100 are refused."""
        with self.assertRefused(ValidationError, "ends before it starts"):
            self.item_cab.write({"date_start": "2041-06-01", "date_end": "2041-05-01"})
        with self.assertRefused(ValidationError, "between 0 and 100"):
            self.item_cab.progress = 120
        with self.assertRefused(ValidationError, "between 0 and 100"):
            self.item_cab.progress = -5
        with self.assertRefused(ValidationError, "already has an active capability plan for 2041"):
            self.env["itss.capability.plan"].with_user(self.manager).create({"year": 2041})
        self.plan.active = False
        self.env["itss.capability.plan"].with_user(self.manager).create({"year": 2041})

    def test_submit_needs_content(self):
        """A plan without objectives or work items cannot be submitted."""
        empty = self.env["itss.capability.plan"].with_user(self.manager).create({"year": 2030})
        with self.assertRefused(UserError, "needs business objectives"):
            empty.action_submit()

    def test_company_isolation(self):
        """Another company's users never see this company's plan or its work items."""
        company_b = self.env["res.company"].create({"name": "Company B"})
        manager_b = new_test_user(self.env, "t_plan_manager_b", groups="itss_capability.group_itss_manager",
                                  company_id=company_b.id, company_ids=[company_b.id])
        self.assertFalse(self.env["itss.capability.plan"].with_user(manager_b).search([("year", "=", 2041)]))
        self.assertFalse(self.env["itss.plan.work.item"].with_user(manager_b).search([]))
        plan_b = self.env["itss.capability.plan"].with_user(manager_b).create({"year": 2041})
        self.assertEqual(plan_b.company_id, company_b)
