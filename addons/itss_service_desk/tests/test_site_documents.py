# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.itss_capability.tests.common import ItssPortalCase

from .common import ServiceDeskCase

PDF = base64.b64encode(b"%PDF-1.4 training material").decode()


@tagged("post_install", "-at_install")
class TestSiteDocuments(ServiceDeskCase):
    """Training material and technical data per site and CI: who writes, who reads, which CIs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qa = new_test_user(cls.env, "sd_doc_qa", groups="itss_capability.group_itss_qa")
        Equipment = cls.env["maintenance.equipment"]
        cls.server = Equipment.create({"name": "HIS server", "project_id": cls.project.id})
        cls.other_project = cls.make_project("Bank O&M", "Doc Bank")
        cls.bank_switch = Equipment.create({"name": "Bank switch", "project_id": cls.other_project.id})

    def make_document(self, user=None, **vals):
        return self.env["itss.site.document"].with_user(user or self.engineer).create({
            "name": "HIS server daily check", "project_id": self.project.id, "datas": PDF,
            "file_name": "his_check.pdf", "equipment_ids": [(6, 0, self.server.ids)], **vals})

    def test_engineer_collects_documents(self):
        """An engineer files training material for a site and its CI; the file is an attachment."""
        document = self.make_document()
        self.assertEqual((document.partner_id, document.company_id), (self.customer, self.company))
        self.assertTrue(document.share_with_customer)
        attachment = self.env["ir.attachment"].search([
            ("res_model", "=", "itss.site.document"), ("res_id", "=", document.id), ("res_field", "=", "datas")])
        self.assertEqual(len(attachment), 1)
        self.assertEqual(self.server.site_document_count, 1)
        self.assertEqual(self.project.site_document_count, 1)
        self.assertEqual(self.server.action_view_site_documents()["domain"], [("equipment_ids", "in", self.server.ids)])

    def test_technical_data_not_shared_by_default(self):
        """Technical data stays internal unless shared on purpose."""
        self.assertFalse(self.make_document(kind="technical").share_with_customer)

    def test_ci_of_another_site_refused(self):
        """A document of one site cannot describe another site's CI; nothing is created."""
        with self.assertRefused(ValidationError, "belong to another site"):
            self.make_document(equipment_ids=[(6, 0, self.bank_switch.ids)])
        self.assertFalse(self.env["itss.site.document"].search([("name", "=", "HIS server daily check")]))

    def test_read_only_roles(self):
        """QA and executives read the documents; they neither file nor change them."""
        document = self.make_document()
        self.assertEqual(document.with_user(self.qa).name, "HIS server daily check")
        with self.assertRaises(AccessError):
            self.make_document(user=self.executive)
        with self.assertRaises(AccessError):
            document.with_user(self.qa).write({"name": "x"})
        with self.assertRaises(AccessError):
            document.with_user(self.engineer).unlink()
        document.with_user(self.manager).unlink()


@tagged("post_install", "-at_install")
class TestSiteDocumentsPortal(ItssPortalCase):
    """Customer contacts download their own site's shared documents, never another customer's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _hospital, cls.hospital_user, hospital_project = cls.portal_customer(
            "sd_doc_hospital", "Doc Hospital", "Dr. Doc", project_name="Doc hospital on-site")
        _bank, cls.bank_user, bank_project = cls.portal_customer(
            "sd_doc_bank", "Doc Bank", "Mr. Doc", project_name="Doc bank on-site")
        Document = cls.env["itss.site.document"]
        cls.training = Document.create({"name": "Hospital terminal training", "project_id": hospital_project.id,
                                        "datas": PDF, "file_name": "terminal.pdf"})
        cls.technical = Document.create({"name": "Hospital network drawing", "project_id": hospital_project.id,
                                         "kind": "technical", "datas": PDF, "file_name": "network.pdf"})
        cls.bank_training = Document.create({"name": "Bank teller training", "project_id": bank_project.id,
                                             "datas": PDF, "file_name": "teller.pdf"})

    def test_own_site_training_material(self):
        """The hospital contact lists and downloads the hospital's training material, not its technical data."""
        self.authenticate("sd_doc_hospital", "sd_doc_hospital")
        page = self.url_open("/my/site_documents").text
        self.assertIn("Hospital terminal training", page)
        self.assertNotIn("Hospital network drawing", page)
        self.assertNotIn("Bank teller training", page)
        response = self.url_open(f"/my/site_documents/{self.training.id}/download")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, base64.b64decode(PDF))
        self.assertIn("terminal.pdf", response.headers.get("Content-Disposition", ""))

    def test_other_customer_refused(self):
        """The bank contact cannot download the hospital's documents by their id, nor read the model."""
        self.authenticate("sd_doc_bank", "sd_doc_bank")
        for document in (self.training, self.technical):
            response = self.url_open(f"/my/site_documents/{document.id}/download", allow_redirects=False)
            self.assertEqual(response.status_code, 303)
        self.assertNotIn("Hospital terminal training", self.url_open("/my/site_documents").text)
        with self.assertRaises(AccessError):
            self.env["itss.site.document"].with_user(self.bank_user).search([])
