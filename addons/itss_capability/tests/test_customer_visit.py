# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ItssCase


class VisitCase(ItssCase):
    """Customer-visit fixtures: the hospital project of ItssCase, managed by the O&M manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.manager_id = cls.manager
        cls.Visit = cls.env["itss.customer.visit"]

    @classmethod
    def make_visit(cls, partner=None, day="2025-03-10", satisfaction=4, state="done", env=None, **vals):
        partner = partner or cls.customer
        return (env or cls.env)["itss.customer.visit"].create({
            "name": f"Visit {partner.name} {day}",
            "partner_id": partner.id,
            "date": day,
            "satisfaction": satisfaction,
            "state": state,
            **vals,
        })


@tagged("post_install", "-at_install")
class TestCustomerVisit(VisitCase):
    def test_satisfaction_between_1_and_5(self):
        """A satisfaction score outside 1–5 is refused, and a done visit needs one."""
        for score in (6, -1, 10):
            with self.assertRefused(ValidationError, "between 1 and 5"):
                self.make_visit(satisfaction=score)
        with self.assertRefused(ValidationError, "satisfaction score"):
            self.make_visit(satisfaction=0)
        planned = self.make_visit(satisfaction=0, state="draft")
        with self.assertRefused(ValidationError, "satisfaction score"):
            planned.action_done()
        planned.satisfaction = 5
        planned.action_done()
        self.assertEqual(planned.state, "done")
        with self.assertRefused(UserError, "already done"):
            planned.action_done()

    def test_project_must_belong_to_customer(self):
        """A visit cannot be linked to another customer's service project."""
        other = self.env["res.partner"].create({"name": "Other customer", "is_company": True})
        with self.assertRefused(ValidationError, "belongs to another customer"):
            self.make_visit(partner=other, project_id=self.project.id)
        visit = self.make_visit(project_id=self.project.id)
        self.assertEqual(visit.year, 2025)

    def test_roles(self):
        """O&M users record and edit visits; QA and executives only read them; nobody but managers deletes."""
        visit = self.make_visit(env=self.env(user=self.engineer), state="draft", satisfaction=0)
        self.assertEqual(visit.visitor_ids, self.engineer)
        visit.with_user(self.engineer).write({"minutes": "<p>Minutes</p>", "satisfaction": 4})
        visit.with_user(self.engineer).action_done()
        with self.assertRaises(AccessError):
            visit.with_user(self.engineer).unlink()
        for user in (self.qa, self.executive):
            self.assertEqual(visit.with_user(user).satisfaction, 4)
            with self.assertRaises(AccessError):
                visit.with_user(user).needs = "Changed"
            with self.assertRaises(AccessError):
                self.make_visit(env=self.env(user=user))
        visit.with_user(self.manager).unlink()

    def test_suggestions_become_improvement(self):
        """A done visit's suggestions become one improvement measure of source "customer visit", linked back."""
        visit = self.make_visit(project_id=self.project.id, suggestions="Send the weekend duty roster earlier.")
        action = visit.with_user(self.manager).action_create_improvement()
        improvement = self.env["itss.improvement"].browse(action["res_id"])
        self.assertEqual(improvement.source, "customer_visit")
        self.assertEqual(improvement.customer_visit_id, visit)
        self.assertEqual(improvement.description, "Send the weekend duty roster earlier.")
        self.assertEqual(improvement.owner_id, self.manager)
        self.assertEqual(visit.improvement_count, 1)
        with self.assertRefused(UserError, "already an improvement measure"):
            visit.with_user(self.manager).action_create_improvement()

    def test_improvement_refused(self):
        """No improvement from a planned visit, from a visit without suggestions, or by an O&M user."""
        planned = self.make_visit(state="draft", satisfaction=0, suggestions="Faster on-site response.")
        with self.assertRefused(UserError, "Only a done visit"):
            planned.action_create_improvement()
        silent = self.make_visit(suggestions="  ")
        with self.assertRefused(UserError, "no improvement suggestions"):
            silent.action_create_improvement()
        done = self.make_visit(suggestions="Faster on-site response.")
        with self.assertRaises(AccessError):
            done.with_user(self.engineer).action_create_improvement()
        self.assertFalse(done.improvement_ids)


@tagged("post_install", "-at_install")
class TestCustomerVisitKpi(VisitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_x = cls.env["res.company"].create({"name": "Visit KPI company"})
        Partner = cls.env["res.partner"]
        cls.cust_a, cls.cust_b, cls.cust_c = Partner.create([
            {"name": "Customer A", "is_company": True},
            {"name": "Customer B", "is_company": True},
            {"name": "Customer C", "is_company": True},
        ])
        cls.env["itss.service.project"].create([
            {"name": "A O&M", "partner_id": cls.cust_a.id, "state": "active", "company_id": cls.company_x.id},
            {"name": "A O&M bis", "partner_id": cls.cust_a.id, "state": "active", "company_id": cls.company_x.id},
            {"name": "B O&M", "partner_id": cls.cust_b.id, "state": "active", "company_id": cls.company_x.id},
            {"name": "C O&M", "partner_id": cls.cust_c.id, "state": "closed", "company_id": cls.company_x.id},
        ])
        company = {"company_id": cls.company_x.id}
        cls.make_visit(cls.cust_a, "2025-03-10", 4, **company)
        cls.make_visit(cls.cust_a, "2025-05-01", 2, **company)
        cls.make_visit(cls.cust_b, "2025-04-15", 0, state="draft", **company)
        cls.make_visit(cls.cust_b, "2024-12-01", 5, **company)
        cls.make_visit(cls.cust_c, "2025-02-01", 5, **company)
        cls.make_visit(cls.cust_b, "2025-05-20", 1)  # another company: ignored
        cls.kpi_coverage = cls.env["itss.kpi"].create({
            "name": "Visit coverage", "code": "T_VISIT_COV", "level": "organization", "value_type": "percent",
            "target": 100, "period": "quarter", "provider": "customer_visit_coverage",
            "company_id": cls.company_x.id,
        })
        cls.kpi_satisfaction = cls.env["itss.kpi"].create({
            "name": "Visit satisfaction", "code": "T_VISIT_SAT", "level": "organization", "value_type": "number",
            "target": 4.5, "period": "quarter", "provider": "customer_visit_satisfaction",
            "company_id": cls.company_x.id,
        })

    def test_catalog(self):
        """The KPI catalog ships the coverage and satisfaction KPIs with their providers."""
        self.assertEqual(self.env.ref("itss_capability.itss_kpi_visit_coverage").provider, "customer_visit_coverage")
        self.assertEqual(self.env.ref("itss_capability.itss_kpi_visit_satisfaction").code, "VISIT_SATISFACTION")

    def test_coverage(self):
        """Coverage = in-service customers with a done visit since January 1st of the period's year up to its end."""
        coverage = self.kpi_coverage._itss_kpi_provider_customer_visit_coverage
        self.assertEqual(coverage(date(2025, 4, 1), date(2025, 6, 30)), {False: 50.0})
        self.assertEqual(coverage(date(2025, 1, 1), date(2025, 3, 9)), {False: 0.0})
        self.make_visit(self.cust_b, "2025-06-30", 5, company_id=self.company_x.id)
        self.assertEqual(coverage(date(2025, 4, 1), date(2025, 6, 30)), {False: 100.0})
        values = self.kpi_coverage._compute_provider_values(date(2025, 4, 1), date(2025, 6, 30))
        self.assertEqual(values.value, 100.0)
        self.assertEqual(values.company_id, self.company_x)
        self.kpi_coverage.company_id = self.env["res.company"].create({"name": "No projects"})
        self.assertEqual(coverage(date(2025, 4, 1), date(2025, 6, 30)), {})

    def test_satisfaction(self):
        """Satisfaction = average score of the done visits of the period, nothing when there is none."""
        satisfaction = self.kpi_satisfaction._itss_kpi_provider_customer_visit_satisfaction
        self.assertEqual(satisfaction(date(2025, 1, 1), date(2025, 3, 31)), {False: 4.5})
        self.assertEqual(satisfaction(date(2025, 4, 1), date(2025, 6, 30)), {False: 2.0})
        self.assertEqual(satisfaction(date(2025, 7, 1), date(2025, 9, 30)), {})


@tagged("post_install", "-at_install")
class TestCustomerVisitReminder(VisitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        visited = cls.env["res.partner"].create({"name": "Visited customer", "is_company": True})
        cls.visited_project = cls.env["itss.service.project"].create({
            "name": "Visited O&M", "partner_id": visited.id, "state": "active", "manager_id": cls.manager.id,
        })
        cls.make_visit(visited, "2025-06-12", 5)
        cls.make_visit(cls.customer, "2024-12-12", 5)  # last year's visit does not count

    def reminders(self, project):
        return self.env["mail.activity"].search([
            ("res_model", "=", "itss.service.project"), ("res_id", "=", project.id),
            ("summary", "=", "Customer not yet visited this year"),
        ])

    def run_cron(self, day):
        with freeze_time(day):
            self.Visit._cron_remind_unvisited_customers()

    def test_reminder_from_november_once_per_year(self):
        """From November 1st the manager of an unvisited customer's project gets one reminder a year, never twice."""
        self.run_cron("2025-10-31")
        self.assertFalse(self.reminders(self.project))
        self.run_cron("2025-11-01")
        reminder = self.reminders(self.project)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.manager)
        self.assertEqual(reminder.date_deadline, date(2025, 12, 31))
        self.assertFalse(self.reminders(self.visited_project))
        self.run_cron("2025-11-01")
        self.run_cron("2025-11-02")
        self.assertEqual(len(self.reminders(self.project)), 1)
        reminder.action_feedback(feedback="Visit planned")
        self.run_cron("2025-11-03")
        self.assertFalse(self.reminders(self.project))
        self.run_cron("2026-11-01")
        self.assertEqual(len(self.reminders(self.project)), 1)
        self.assertEqual(len(self.reminders(self.visited_project)), 1)
