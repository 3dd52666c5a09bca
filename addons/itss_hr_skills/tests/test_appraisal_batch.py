# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PeopleCase


@tagged("post_install", "-at_install")
class TestAppraisalBatch(PeopleCase):
    def _batch(self, user=None, template=None, day="2025-03-15", department=None):
        return self.env["itss.appraisal.batch"].with_user(user or self.hr_officer).create({
            "department_id": (department or self.department).id,
            "template_id": (template or self.template).id,
            "date": day,
        })

    def test_generates_department_appraisals(self):
        """One appraisal per active employee of the department, lines from the template."""
        self.env["hr.employee"].create({"name": "Archived one", "department_id": self.department.id,
                                        "active": False})
        batch = self._batch()
        self.assertEqual((batch.period_start, batch.period_end), (date(2025, 3, 1), date(2025, 3, 31)))
        action = batch.action_generate()
        appraisals = self.env["itss.performance.appraisal"].search(action["domain"])
        self.assertEqual(appraisals.employee_id, self.engineer | self.engineer2)
        self.assertEqual(set(appraisals.mapped("period_start")), {date(2025, 3, 1)})
        self.assertEqual(appraisals[0].line_ids.mapped("weight"), [60, 40])
        self.assertEqual(set(appraisals.mapped("state")), {"draft"})

    def test_skips_existing(self):
        """Employees who already have an appraisal for the period are skipped."""
        self.make_appraisal(employee=self.engineer, start="2025-03-01")
        action = self._batch().action_generate()
        created = self.env["itss.performance.appraisal"].search(action["domain"])
        self.assertEqual(created.employee_id, self.engineer2)
        again = self._batch(day="2025-03-31").action_generate()
        self.assertFalse(self.env["itss.performance.appraisal"].search(again["domain"]))

    def test_yearly(self):
        """A yearly template generates appraisals for the whole year."""
        yearly = self.env["itss.appraisal.template"].create({
            "name": "Test yearly", "period_type": "year",
            "line_ids": [Command.create({"name": "Results", "weight": 100})],
        })
        action = self._batch(template=yearly, day="2025-08-20").action_generate()
        appraisals = self.env["itss.performance.appraisal"].search(action["domain"])
        self.assertEqual(len(appraisals), 2)
        self.assertEqual(set(appraisals.mapped("period_end")), {date(2025, 12, 31)})

    def test_refusals(self):
        """An empty department is refused, and only HR may run the wizard."""
        empty = self.env["hr.department"].create({"name": "Empty team"})
        with self.assertRefused(UserError, "no active employees"):
            self._batch(department=empty).action_generate()
        with self.assertRaises(AccessError):
            self._batch(user=self.engineer_user)
