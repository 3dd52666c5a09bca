# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
import unicodedata

from freezegun import freeze_time
from PyPDF2 import PdfReader

from odoo.tests import tagged

from .common import ItssPeopleCase

REPORT = "itss_hr_skills.hr_employee_experience_report_action"


@tagged("post_install", "-at_install")
class TestExperienceRecord(ItssPeopleCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line = cls.env["hr.resume.line"].create({
            "employee_id": cls.engineer.id, "name": "Hospital on-site engineer",
            "date_start": "2025-01-01", "itss_project_id": cls.project.id, "itss_role": "Network lead",
        })
        cls.env["itss.onsite.assignment"].create({
            "employee_id": cls.engineer.id, "project_id": cls.project.id, "role": "On-site DBA",
            "date_from": "2025-01-01",
        })
        cls.add_certification(cls.engineer, "2024-01-01", "2099-12-31")

    def test_resume_line_customer_from_project(self):
        """A résumé line takes the customer of its service project; both stay optional."""
        self.assertEqual(self.line.itss_partner_id, self.customer)
        plain = self.env["hr.resume.line"].create({"employee_id": self.engineer.id, "name": "University"})
        self.assertFalse(plain.itss_partner_id)

    def test_review_reminder_once(self):
        """More than a year after the review the manager gets one activity, once until reviewed again."""
        Employee = self.env["hr.employee"]
        self.engineer.experience_reviewed_on = "2025-03-01"
        with freeze_time("2026-03-01"):
            Employee._cron_remind_experience_review()
        self.assertFalse(self.activities(self.engineer, "experience record"))
        with freeze_time("2026-03-02"):
            Employee._cron_remind_experience_review()
            Employee._cron_remind_experience_review()
        reminder = self.activities(self.engineer, "experience record")
        self.assertEqual(reminder.user_id, self.om_manager)
        with freeze_time("2026-04-01"):
            Employee._cron_remind_experience_review()
        self.assertEqual(self.activities(self.engineer, "experience record"), reminder)
        self.engineer.experience_reviewed_on = "2026-03-15"
        self.assertFalse(self.engineer.experience_review_reminded)
        with freeze_time("2027-03-16"):
            Employee._cron_remind_experience_review()
        self.assertEqual(len(self.activities(self.engineer, "experience record")), 2)

    def test_review_reminder_goes_to_hr_without_manager(self):
        """Without a manager's user, the HR responsible gets the review reminder."""
        self.engineer2.write({"parent_id": False, "hr_responsible_id": self.hr_officer.id,
                              "experience_reviewed_on": "2024-01-01"})
        with freeze_time("2026-01-01"):
            self.env["hr.employee"]._cron_remind_experience_review()
        self.assertEqual(self.activities(self.engineer2, "experience record").user_id, self.hr_officer)

    def test_report_html(self):
        """The record shows identity, grade, certification validity, résumé and on-site assignments."""
        html = self.env["ir.actions.report"].with_user(self.hr_officer)._render_qweb_html(
            REPORT, self.engineer.ids)[0].decode()
        for text in ("O&M Staff Experience Record", "Intermediate", "Test network certificate",
                     "12/31/2099", "Valid", "Hospital on-site engineer", "Network lead", "Test hospital O&amp;M",
                     "On-site DBA"):
            self.assertIn(text, html)

    def test_report_pdf_in_chinese(self):
        """With the user's language zh_CN the PDF is in Chinese (headings translated, Chinese data)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        view = self.env.ref("itss_hr_skills.report_experience_record_document")
        translations = {"O&amp;M Staff Experience Record": "运维人员履历表", "Certifications": "资质证书",
                        "On-site Assignments": "驻场记录"}
        sources = {entry["source"] for entry in view.get_field_translations("arch_db")[0]}
        view.update_field_translations("arch_db", {"zh_CN": {
            source: value for source, value in translations.items() if source in sources}})
        self.hr_officer.lang = "zh_CN"
        report = self.env["ir.actions.report"].with_user(self.hr_officer).with_context(force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf(REPORT, self.engineer.ids)
        self.assertEqual(kind, "pdf")
        text = unicodedata.normalize("NFKC", "".join(
            page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
        for word in ("运维人员履历表", "资质证书", "驻场记录", "张三", "滨海市测试医院"):
            self.assertIn(word, text)
