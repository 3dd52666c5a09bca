# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import ItssPeopleCase


@tagged("post_install", "-at_install")
class TestOnsiteAssignment(ItssPeopleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Assignment = cls.env["itss.onsite.assignment"]
        cls.assignment = cls.Assignment.create({
            "employee_id": cls.engineer.id, "project_id": cls.project.id, "role": "On-site network engineer",
            "date_from": "2026-01-01", "date_to": "2026-06-30",
        })

    def test_customer_and_history(self):
        """The customer comes from the project; the engineer's history lists the assignments."""
        self.assertEqual(self.assignment.partner_id, self.customer)
        later = self.Assignment.create({
            "employee_id": self.engineer.id, "project_id": self.project2.id,
            "date_from": "2026-07-01",
        })
        self.assertEqual(self.engineer.onsite_assignment_ids, self.assignment | later)
        self.assertEqual(self.engineer.onsite_assignment_ids.partner_id, self.customer | self.customer2)

    def test_overlap_refused(self):
        """Overlapping on-site assignments of one engineer are refused, also open-ended ones."""
        with self.assertRefused(ValidationError, "cannot overlap"):
            self.Assignment.create({
                "employee_id": self.engineer.id, "project_id": self.project2.id,
                "date_from": "2026-06-30", "date_to": "2026-08-31",
            })
        with self.assertRefused(ValidationError, "cannot overlap"):
            self.Assignment.create({
                "employee_id": self.engineer.id, "project_id": self.project2.id, "date_from": "2025-01-01",
            })
        open_ended = self.Assignment.create({
            "employee_id": self.engineer.id, "project_id": self.project2.id, "date_from": "2026-09-01",
        })
        with self.assertRefused(ValidationError, "cannot overlap"):
            self.assignment.date_to = "2026-12-31"
        self.assertTrue(open_ended)

    def test_other_engineer_and_dates(self):
        """Another engineer may be on site at the same time; an end before the start is refused."""
        self.Assignment.create({
            "employee_id": self.engineer2.id, "project_id": self.project.id,
            "date_from": "2026-01-01", "date_to": "2026-06-30",
        })
        with self.assertRefused(ValidationError, "ends before it starts"):
            self.Assignment.create({
                "employee_id": self.engineer2.id, "project_id": self.project2.id,
                "date_from": "2026-08-01", "date_to": "2026-07-01",
            })

    def test_roles(self):
        """O&M users read only their own assignments; managers and HR manage; QA and executives read."""
        mine = self.Assignment.with_user(self.om_user).search([])
        self.assertEqual(mine, self.assignment)
        self.assertFalse(self.Assignment.with_user(self.om_user2).search([]) & self.assignment)
        with self.assertRaises(AccessError):
            self.assignment.with_user(self.om_user).role = "Changed"
        self.assignment.with_user(self.om_manager).role = "Team lead"
        self.Assignment.with_user(self.hr_officer).create({
            "employee_id": self.engineer2.id, "project_id": self.project2.id, "date_from": "2026-02-01",
        })
        for user in (self.qa, self.executive):
            self.assertIn(self.assignment, self.Assignment.with_user(user).search([]))
            with self.assertRaises(AccessError):
                self.assignment.with_user(user).role = "Changed"
