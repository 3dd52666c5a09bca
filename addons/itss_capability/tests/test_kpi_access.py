# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ItssCase


@tagged("post_install", "-at_install")
class TestKpiAccess(ItssCase):
    def test_engineer_records_values_but_not_targets(self):
        """An O&M user records KPI values but cannot change KPI targets or definitions, nor a value's target."""
        value = self.add_values(self.kpi_org, [96], env=self.env(user=self.engineer))
        self.assertEqual(value.create_uid, self.engineer)
        with self.assertRaises(AccessError):
            self.kpi_org.with_user(self.engineer).target = 50
        for user in (self.engineer, self.manager):
            with self.assertRefused(AccessError, "set by its actions"):
                value.with_user(user).target = 50
        with self.assertRaises(AccessError):
            value.with_user(self.engineer).unlink()
        self.kpi_org.with_user(self.manager).target = 97
        self.assertEqual(self.kpi_org.target, 97)

    def test_executive_and_qa_read_only(self):
        """Executives and QA auditors read KPIs, values and baselines but change nothing."""
        value = self.add_values(self.kpi_org, [96, 97])
        for user in (self.executive, self.qa):
            self.assertEqual(self.kpi_org.with_user(user).name, "Test configuration accuracy")
            self.assertEqual(len(value.with_user(user).read(["value"])), 2)
            self.assertTrue(self.kpi_org.baseline_ids.with_user(user).read(["mean"]))
            with self.assertRaises(AccessError):
                value[0].with_user(user).value = 10
            with self.assertRaises(AccessError):
                self.project.with_user(user).name = "Renamed"
            with self.assertRaises(AccessError):
                self.add_values(self.kpi_org, [90], year=2030, env=self.env(user=user))

    def test_company_isolation(self):
        """Company A's users never see company B's KPI values, baselines or service projects."""
        company_b = self.env["res.company"].create({"name": "Company B"})
        manager_b = new_test_user(
            self.env, "t_manager_b", groups="itss_capability.group_itss_manager",
            company_id=company_b.id, company_ids=[company_b.id],
        )
        self.kpi_org.company_id = False
        env_b = self.env(user=manager_b, context={"allowed_company_ids": [company_b.id]})
        value_b = self.add_values(self.kpi_org, [91], env=env_b)
        self.assertEqual(value_b.company_id, company_b)
        self.add_values(self.kpi_org, [95])
        project_b = env_b["itss.service.project"].create({"name": "B project", "partner_id": self.customer.id})

        Value = self.env["itss.kpi.value"].with_user(self.manager)
        self.assertNotIn(value_b, Value.search([]))
        with self.assertRaises(AccessError):
            value_b.with_user(self.manager).read(["value"])
        self.assertNotIn(project_b, self.env["itss.service.project"].with_user(self.manager).search([]))
        baselines = self.env["itss.kpi.baseline"].with_user(self.manager).search([("kpi_id", "=", self.kpi_org.id)])
        self.assertEqual(baselines.company_id, self.company)
        self.assertEqual(len(env_b["itss.kpi.value"].search([("kpi_id", "=", self.kpi_org.id)])), 1)
