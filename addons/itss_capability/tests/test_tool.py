# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ItssCase


@tagged("post_install", "-at_install")
class TestTool(ItssCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tool = cls.env["itss.tool"].with_user(cls.manager).create({
            "name": "Test Zabbix",
            "tool_type": "monitoring",
            "source": "market",
            "version": "7.0",
            "evaluation_notes": "<p>Three-month trial on the hospital project.</p>",
        }).with_user(cls.env.user)

    def log_use(self, user, tool=None, **vals):
        return self.env["itss.tool.usage"].with_user(user).create({
            "tool_id": (tool or self.tool).id, "purpose": "Monthly inspection", "project_id": self.project.id, **vals,
        })

    def test_usage_needs_approved_tool(self):
        """Only an approved tool gets usage records: not while evaluated, not once retired."""
        with self.assertRefused(ValidationError, "is not approved"):
            self.log_use(self.engineer)
        self.tool.with_user(self.manager).action_approve()
        usage = self.log_use(self.engineer)
        self.assertEqual(usage.user_id, self.engineer)
        self.assertEqual(usage.company_id, self.company)
        self.assertEqual(self.tool.usage_count, 1)
        usage.with_user(self.engineer).result = "All green"
        self.tool.with_user(self.manager).action_retire()
        with self.assertRefused(ValidationError, "is not approved"):
            self.log_use(self.engineer)
        with self.assertRefused(UserError, "has usage records"):
            self.tool.with_user(self.manager).unlink()

    def test_only_managers_approve(self):
        """O&M managers approve an evaluated tool; others are refused, and an unevaluated tool is refused."""
        for user in (self.engineer, self.qa, self.executive):
            with self.assertRefused(AccessError, "Only O&M managers"):
                self.tool.with_user(user).action_approve()
        self.tool.evaluation_notes = "<p><br></p>"
        with self.assertRefused(UserError, "Write the evaluation"):
            self.tool.with_user(self.manager).action_approve()
        self.tool.evaluation_notes = "<p>Fit for purpose.</p>"
        self.tool.with_user(self.manager).action_approve()
        self.assertEqual(self.tool.state, "approved")
        self.assertEqual(self.tool.approved_by_id, self.manager)
        self.assertTrue(self.tool.approved_date)
        with self.assertRefused(UserError, "Only a tool under evaluation"):
            self.tool.with_user(self.manager).action_approve()

    def test_parameter_needs_customer_or_project(self):
        """A monitoring parameter is set for a customer or a service project."""
        Parameter = self.env["itss.tool.parameter"].with_user(self.manager)
        values = {"tool_id": self.tool.id, "monitored_object": "HIS DB server", "indicator": "CPU usage",
                  "threshold": "> 85% for 5 min"}
        with self.assertRefused(ValidationError, "needs a customer or a service project"):
            Parameter.create(values)
        parameter = Parameter.create(dict(values, project_id=self.project.id))
        self.assertEqual(parameter.company_id, self.company)
        self.assertEqual(self.tool.parameter_ids, parameter)

    def test_roles(self):
        """O&M users read the tool library and log usage; only managers maintain tools and parameters."""
        self.tool.with_user(self.manager).action_approve()
        for user in (self.engineer, self.qa, self.executive):
            self.assertEqual(self.tool.with_user(user).name, "Test Zabbix")
            with self.assertRaises(AccessError):
                self.env["itss.tool"].with_user(user).create({"name": "Own tool"})
            with self.assertRaises(AccessError):
                self.tool.with_user(user).instructions = "<p>Changed</p>"
            with self.assertRaises(AccessError):
                self.env["itss.tool.parameter"].with_user(user).create({
                    "tool_id": self.tool.id, "partner_id": self.customer.id, "monitored_object": "x",
                    "indicator": "y",
                })
        for user in (self.qa, self.executive):
            with self.assertRaises(AccessError):
                self.log_use(user)
        usage = self.log_use(self.engineer)
        with self.assertRaises(AccessError):
            usage.with_user(self.engineer).unlink()

    def test_company_isolation(self):
        """Company A's users never see company B's tools or usage records."""
        company_b = self.env["res.company"].create({"name": "Tool company B"})
        manager_b = new_test_user(
            self.env, "t_tool_manager_b", groups="itss_capability.group_itss_manager",
            company_id=company_b.id, company_ids=[company_b.id],
        )
        env_b = self.env(user=manager_b, context={"allowed_company_ids": [company_b.id]})
        tool_b = env_b["itss.tool"].create({"name": "B tool", "evaluation_notes": "<p>ok</p>"})
        tool_b.action_approve()
        usage_b = env_b["itss.tool.usage"].create({"tool_id": tool_b.id, "purpose": "B use"})
        self.assertEqual(usage_b.company_id, company_b)
        self.assertNotIn(tool_b, self.env["itss.tool"].with_user(self.manager).search([]))
        self.assertNotIn(usage_b, self.env["itss.tool.usage"].with_user(self.manager).search([]))
        with self.assertRaises(AccessError):
            tool_b.with_user(self.manager).read(["name"])
