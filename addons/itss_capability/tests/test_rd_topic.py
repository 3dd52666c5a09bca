# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ItssCase


@tagged("post_install", "-at_install")
class TestRdTopic(ItssCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({"name": "Test R&D department"})
        cls.topic = cls.env["itss.rd.topic"].with_user(cls.manager).create({
            "name": "AIOps alert noise reduction",
            "year": 2031,
            "budget": 250000,
            "department_id": cls.department.id,
            "owner_id": cls.engineer.id,
            "expected_outcome": "60% fewer alerts",
            "market_analysis": "<p>Alert volumes grow every year.</p>",
        }).with_user(cls.env.user)

    def test_only_executives_decide(self):
        """Only the executive group approves or rejects a topic; the decision records who and when."""
        for user in (self.manager, self.engineer, self.qa):
            with self.assertRefused(AccessError, "Only the executive group"):
                self.topic.with_user(user).action_approve()
            with self.assertRaises(AccessError):
                self.topic.with_user(user).action_reject()
        with self.assertRefused(AccessError, "set by its actions"):
            self.topic.with_user(self.manager).state = "approved"
        with self.assertRaises(AccessError):
            self.topic.with_user(self.executive).name = "Renamed by an executive"
        self.assertEqual(self.topic.state, "proposed")
        self.topic.with_user(self.executive).action_approve()
        self.assertEqual(self.topic.state, "approved")
        self.assertEqual(self.topic.decided_by_id, self.executive)
        self.assertEqual(self.topic.decision_date, self.topic.company_id._itss_today())
        with self.assertRefused(UserError, "Only a proposed topic"):
            self.topic.with_user(self.executive).action_reject()

    def test_rejected_topic_stays_out_of_the_plan(self):
        """A rejected (or undecided) topic cannot become a plan work item."""
        self.env["itss.capability.plan"].create({"year": 2031})
        with self.assertRefused(UserError, "is not approved"):
            self.topic.with_user(self.manager).action_create_work_item()
        self.topic.with_user(self.executive).action_reject()
        self.assertEqual(self.topic.state, "rejected")
        with self.assertRefused(UserError, "is not approved"):
            self.topic.with_user(self.manager).action_create_work_item()

    def test_work_item_in_plan_of_its_year(self):
        """An approved topic becomes one technology work item of the plan of its year, which must exist."""
        self.topic.with_user(self.executive).action_approve()
        self.env["itss.capability.plan"].create({"year": 2030})
        with self.assertRefused(UserError, "no capability plan for 2031"):
            self.topic.with_user(self.manager).action_create_work_item()
        plan = self.env["itss.capability.plan"].with_user(self.manager).create({"year": 2031})
        self.topic.with_user(self.manager).action_create_work_item()
        item = self.topic.work_item_id
        self.assertEqual(item.plan_id, plan)
        self.assertEqual(item.element_id, self.env.ref("itss_capability.itss_element_technology"))
        self.assertEqual(item.department_id, self.department)
        self.assertEqual(item.owner_id, self.engineer)
        self.assertEqual(item.name, "AIOps alert noise reduction")
        with self.assertRefused(UserError, "already in the plan"):
            self.topic.with_user(self.manager).action_create_work_item()

    def test_progress_and_outcome(self):
        """An approved topic starts, and closes only with a written outcome."""
        with self.assertRefused(UserError, "Only an approved topic"):
            self.topic.with_user(self.manager).action_start()
        self.topic.with_user(self.executive).action_approve()
        self.topic.with_user(self.manager).action_start()
        self.assertEqual(self.topic.state, "in_progress")
        with self.assertRefused(UserError, "Describe the outcome"):
            self.topic.with_user(self.manager).action_done()
        self.topic.with_user(self.manager).outcome = "<p>Alert noise reduced by 55%.</p>"
        self.topic.with_user(self.manager).action_done()
        self.assertEqual(self.topic.state, "done")

    def test_budget_year_and_access(self):
        """The budget is in the company currency, the year is checked, and O&M users and QA only read topics."""
        self.assertEqual(self.topic.currency_id, self.company.currency_id)
        with self.assertRefused(ValidationError, "not a valid year"):
            self.topic.with_user(self.manager).year = 31
        for user in (self.engineer, self.qa):
            self.assertEqual(self.topic.with_user(user).budget, 250000)
            with self.assertRaises(AccessError):
                self.env["itss.rd.topic"].with_user(user).create({"name": "Mine"})
