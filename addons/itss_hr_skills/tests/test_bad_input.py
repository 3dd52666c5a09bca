# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PeopleGuardCase


@tagged("post_install", "-at_install")
class TestBadInput(PeopleGuardCase):
    """Bad input is refused with a clear ValidationError."""

    def test_template_without_criteria(self):
        """A template without criteria (0 %) or not summing to 100 % is refused; 100 % is accepted."""
        Template = self.env["itss.appraisal.template"].with_user(self.hr_manager)
        with self.assertRefused(ValidationError, "no criteria"):
            Template.create({"name": "Empty", "period_type": "month"})
        with self.assertRefused(ValidationError, "no criteria"):
            self.template.with_user(self.hr_manager).write({"line_ids": [Command.clear()]})
        with self.assertRefused(ValidationError, "sum to 90"):
            Template.create({"name": "90", "line_ids": [Command.create({"name": "A", "weight": 90})]})
        self.assertTrue(Template.create({"name": "Full", "line_ids": [Command.create({"name": "A", "weight": 100})]}))

    def test_periods_in_range(self):
        """Appraisal periods, evaluation dates, plan years and batch days outside 2000–2100 are refused."""
        with self.assertRefused(ValidationError, "2000 and 2100"):
            self.make_appraisal(start="1999-12-01")
        with self.assertRefused(ValidationError, "2000 and 2100"):
            self.make_appraisal(start="2101-01-01", period_type="year")
        with self.assertRefused(ValidationError, "2000 and 2100"):
            self.make_evaluation(date="1900-01-01")
        with self.assertRefused(ValidationError, "2000 and 2100"):
            self.env["itss.hr.plan"].with_user(self.hr_officer).create({"year": 20250})
        with self.assertRefused(ValidationError, "2000 and 2100"):
            self.env["itss.appraisal.batch"].with_user(self.hr_officer).create({
                "department_id": self.department.id, "template_id": self.template.id, "date": "2200-03-01"})
