# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ItssPeopleCase


@tagged("post_install", "-at_install")
class TestOnsiteAbsence(ItssPeopleCase):
    """An approved absence informs the customer contact by mail and plans the replacement's shift."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.env["res.partner"].create({
            "name": "Dr. Contact", "parent_id": cls.customer.id, "email": "contact@hospital.example.com",
            "lang": "en_US"})
        Assignment = cls.env["itss.onsite.assignment"]
        cls.assignment = Assignment.create({
            "employee_id": cls.engineer.id, "project_id": cls.project.id, "date_from": "2041-09-01",
            "date_to": "2041-12-31", "contact_id": cls.contact.id})
        cls.shift = cls.env["itss.onsite.shift"].create({
            "assignment_id": cls.assignment.id, "planned_start": datetime(2041, 9, 23, 0),
            "planned_end": datetime(2041, 9, 23, 9), "absence_reason": "Sick leave",
            "replacement_id": cls.engineer2.id})

    def replacement_shifts(self):
        return self.env["itss.onsite.shift"].search([("replaced_shift_id", "=", self.shift.id)])

    def test_customer_informed_and_replacement_planned(self):
        """Approving the absence mails the contact and gives the replacement a shift at the same hours."""
        self.shift.with_user(self.om_manager).action_mark_absent()
        self.assertEqual((self.shift.state, self.shift.customer_informed), ("absent", True))
        message = self.shift.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(message), 1)
        self.assertIn(self.contact, message.partner_ids)
        self.assertIn("Absence of 张三", message.subject)
        self.assertIn("李四", str(message.body))
        replacement = self.replacement_shifts()
        self.assertEqual(replacement.employee_id, self.engineer2)
        self.assertEqual((replacement.planned_start, replacement.planned_end),
                         (self.shift.planned_start, self.shift.planned_end))
        self.assertEqual(replacement.project_id, self.project)
        self.assertEqual(self.shift.replacement_shift_id, replacement)
        self.assertEqual((replacement.assignment_id.date_from, replacement.assignment_id.date_to),
                         (date(2041, 9, 23), date(2041, 9, 23)))
        self.assertEqual(replacement.assignment_id.contact_id, self.contact)

    def test_replacement_reuses_assignment_at_site(self):
        """A replacement already stationed at the site gets the shift on their own assignment."""
        own = self.env["itss.onsite.assignment"].create({
            "employee_id": self.engineer2.id, "project_id": self.project.id, "date_from": "2041-09-01"})
        self.shift.with_user(self.om_manager).action_mark_absent()
        self.assertEqual(self.replacement_shifts().assignment_id, own)

    def test_overlapping_replacement_refused(self):
        """A replacement already on duty at those hours is refused; nothing is written, nobody mailed."""
        own = self.env["itss.onsite.assignment"].create({
            "employee_id": self.engineer2.id, "project_id": self.project.id, "date_from": "2041-09-01"})
        self.env["itss.onsite.shift"].create({"assignment_id": own.id, "planned_start": datetime(2041, 9, 23, 4),
                                              "planned_end": datetime(2041, 9, 23, 12)})
        with self.assertRefused(ValidationError, "cannot overlap"):
            self.shift.with_user(self.om_manager).action_mark_absent()
        self.assertEqual((self.shift.state, self.shift.customer_informed), ("planned", False))
        self.assertFalse(self.replacement_shifts())
        self.assertFalse(self.shift.message_ids.filtered(lambda m: m.message_type == "comment"))

    def test_replacement_stationed_elsewhere_refused(self):
        """A replacement stationed at another customer that day is refused with the reason."""
        self.env["itss.onsite.assignment"].create({
            "employee_id": self.engineer2.id, "project_id": self.project2.id, "date_from": "2041-09-01"})
        with self.assertRefused(ValidationError, "already on site"):
            self.shift.with_user(self.om_manager).action_mark_absent()
        self.assertEqual(self.shift.state, "planned")

    def test_no_replacement_still_informs(self):
        """Without a replacement the customer is still informed, and told no one replaces the engineer."""
        self.shift.replacement_id = False
        self.shift.with_user(self.om_manager).action_mark_absent()
        message = self.shift.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn("No replacement", str(message.body))
        self.assertFalse(self.replacement_shifts())

    def test_mail_in_contact_language(self):
        """The contact reads the mail in their language (Chinese here), whatever the manager's."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["itss_hr_skills"], ["zh_CN"], overwrite=True)
        self.contact.lang = "zh_CN"
        self.shift.with_user(self.om_manager).action_mark_absent()
        message = self.shift.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn("缺勤", message.subject)
        self.assertIn("顶岗", str(message.body))
