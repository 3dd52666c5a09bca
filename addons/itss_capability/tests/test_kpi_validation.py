# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import ItssCase


@tagged("post_install", "-at_install")
class TestKpiValidation(ItssCase):
    def test_target_on_qualitative_kpi_refused(self):
        """A qualitative KPI cannot carry a numeric target."""
        with self.assertRefused(ValidationError, "qualitative"):
            self.env["itss.kpi"].create({
                "name": "Customer feedback", "code": "T_FB", "value_type": "qualitative", "target": 3,
            })
        kpi = self.env["itss.kpi"].create({"name": "Customer feedback", "code": "T_FB", "value_type": "qualitative"})
        with self.assertRefused(ValidationError, "qualitative"):
            kpi.target = 5

    def test_percentage_out_of_range_refused(self):
        """Percentages outside 0–100 are refused for targets and values."""
        with self.assertRefused(ValidationError, "between 0 and 100"):
            self.kpi_org.target = 120
        with self.assertRefused(ValidationError, "between 0 and 100"):
            self.add_values(self.kpi_org, [101])

    def test_period_end_before_start_refused(self):
        """A value whose period ends before it starts is refused and nothing is written."""
        with self.assertRefused(ValidationError, "cannot end before it starts"):
            self.env["itss.kpi.value"].create({
                "kpi_id": self.kpi_org.id, "date_from": "2025-03-01", "date_to": "2025-02-01", "value": 90,
            })
        self.assertFalse(self.env["itss.kpi.value"].search([("kpi_id", "=", self.kpi_org.id)]))

    def test_duplicate_value_refused(self):
        """A second value for the same KPI, period and project is refused with a clear message."""
        self.add_values(self.kpi_project, [95], project=self.project)
        with self.assertRefused(ValidationError, "already has a value for the period"):
            self.add_values(self.kpi_project, [96], project=self.project)
        self.add_values(self.kpi_project, [96], project=self.project.copy({"name": "Other"}))
        self.add_values(self.kpi_org, [95])
        with self.assertRefused(ValidationError, "already has a value"):
            self.add_values(self.kpi_org, [97])

    def test_level_and_project_must_agree(self):
        """Project KPIs need a project; organization KPIs refuse one."""
        with self.assertRefused(ValidationError, "choose the project"):
            self.add_values(self.kpi_project, [95])
        with self.assertRefused(ValidationError, "leave the project empty"):
            self.add_values(self.kpi_org, [95], project=self.project)

    def test_project_end_before_start_refused(self):
        """A service project cannot end before it starts."""
        with self.assertRefused(ValidationError, "ends before it starts"):
            self.project.write({"date_start": "2026-01-01", "date_end": "2025-01-01"})

    def test_value_form_as_engineer(self):
        """An engineer records a value through the form; period end and target fill themselves."""
        with Form(self.env["itss.kpi.value"].with_user(self.engineer)) as form:
            form.kpi_id = self.kpi_project
            form.project_id = self.project
            form.date_from = "2025-02-01"
            form.value = 92
        value = form.record
        self.assertEqual(str(value.date_to), "2025-02-28")
        self.assertEqual(value.target, 90)
        self.assertEqual(value.status, "met")
