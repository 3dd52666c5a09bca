# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
from datetime import date, timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from odoo.addons.itss_capability.tests.common import ItssPortalCase

# A 1×1 transparent PNG: enough for a signature image.
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
).decode()


@tagged("post_install", "-at_install")
class TestServiceDeskPortal(ItssPortalCase):
    """Portal customers: their tickets, on-site signatures and delivered reports, nothing of others."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hospital, cls.portal, cls.project = cls.portal_customer(
            "sd_portal_customer", "Portal Hospital", "Dr. Portal", "dr@h.example.com",
            project_name="Hospital portal maintenance")
        contact = cls.portal.partner_id
        cls.bank = cls.env["res.partner"].create({"name": "Portal Bank", "is_company": True})
        cls.bank_project = cls.env["itss.service.project"].create({
            "name": "Bank portal maintenance", "partner_id": cls.bank.id, "state": "active"})
        engineer = new_test_user(cls.env, "sd_portal_engineer", groups="itss_capability.group_itss_user")
        Ticket = cls.env["helpdesk.ticket"]
        cls.ticket = Ticket.create({"name": "Ward printer down", "description": "<p>x</p>", "partner_id": contact.id})
        cls.bank_ticket = Ticket.create({"name": "Bank ATM", "description": "<p>x</p>", "partner_id": cls.bank.id})
        arrival = fields.Datetime.now() - timedelta(hours=1)
        cls.env["itss.ticket.dispatch"].create([
            {"ticket_id": ticket.id, "user_id": engineer.id, "dispatched_at": arrival - timedelta(hours=1)}
            for ticket in (cls.ticket, cls.bank_ticket)
        ])
        Visit = cls.env["itss.onsite.visit"]
        cls.visit = Visit.create({"ticket_id": cls.ticket.id, "user_id": engineer.id, "actual_arrival": arrival})
        cls.bank_visit = Visit.create({"ticket_id": cls.bank_ticket.id, "user_id": engineer.id,
                                       "actual_arrival": arrival})
        Report = cls.env["itss.service.report"]
        month = date(2041, 9, 1)
        cls.report = Report.create({"project_id": cls.project.id, "date_from": month})
        cls.bank_report = Report.create({"project_id": cls.bank_project.id, "date_from": month})
        (cls.report | cls.bank_report).action_mark_delivered()
        cls.draft_report = Report.create({"project_id": cls.project.id, "date_from": date(2041, 10, 1)})

    def test_ticket_gets_customer_project(self):
        """A ticket of a customer with one active project is filed under that project."""
        self.assertEqual(self.ticket.service_project_id, self.project)
        self.assertEqual(self.bank_ticket.service_project_id, self.bank_project)

    def test_service_reports_pages(self):
        """The customer lists and opens their delivered reports; others' and drafts redirect away."""
        self.authenticate("sd_portal_customer", "sd_portal_customer")
        page = self.url_open("/my/service_reports")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.report.name, page.text)
        self.assertNotIn(self.bank_report.name, page.text)
        self.assertIn(self.report.name, self.url_open(f"/my/service_reports/{self.report.id}").text)
        for other in (self.bank_report, self.draft_report):
            response = self.url_open(f"/my/service_reports/{other.id}", allow_redirects=False)
            self.assertEqual(response.status_code, 303)
        pdf = self.url_open(f"/my/service_reports/{self.report.id}?report_type=html")
        self.assertEqual(pdf.status_code, 200)

    def test_sign_onsite_visit(self):
        """The customer signs their on-site visit on the portal; another customer's visit is refused."""
        self.authenticate("sd_portal_customer", "sd_portal_customer")
        self.assertIn(f"/my/onsite_visit/{self.visit.id}", self.url_open(f"/my/ticket/{self.ticket.id}").text)
        result = self.make_jsonrpc_request(
            f"/my/onsite_visit/{self.visit.id}/sign", {"name": "Dr. Portal", "signature": SIGNATURE})
        self.assertTrue(result.get("force_refresh"), result)
        self.assertEqual(self.visit.signed_by, "Dr. Portal")
        self.assertTrue(self.visit.customer_signature)
        again = self.make_jsonrpc_request(
            f"/my/onsite_visit/{self.visit.id}/sign", {"name": "Dr. Portal", "signature": SIGNATURE})
        self.assertIn("already signed", again["error"])
        refused = self.make_jsonrpc_request(
            f"/my/onsite_visit/{self.bank_visit.id}/sign", {"name": "Intruder", "signature": SIGNATURE})
        self.assertIn("error", refused)
        self.assertFalse(self.bank_visit.signed_by)
        response = self.url_open(f"/my/onsite_visit/{self.bank_visit.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)


@tagged("post_install", "-at_install")
class TestWorkReportPortal(ItssPortalCase):
    """Customers sign off their own on-site work reports on the portal, never another customer's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _hospital, _user, hospital_project = cls.portal_customer(
            "sd_sign_hospital", "Sign Hospital", "Dr. Sign", project_name="Sign hospital on-site")
        _bank, _user, bank_project = cls.portal_customer(
            "sd_sign_bank", "Sign Bank", "Mr. Bank", project_name="Sign bank on-site")
        Report = cls.env["itss.work.report"]
        cls.report = Report.create({"date_from": date(2041, 9, 1), "project_id": hospital_project.id})
        cls.bank_report = Report.create({"date_from": date(2041, 9, 1), "project_id": bank_project.id})
        (cls.report | cls.bank_report).action_generate()
        (cls.report | cls.bank_report).action_send()

    def sign(self, report, name):
        token = self.csrf_token(f"/my/work_reports/{self.report.id}")
        return self.url_open(f"/my/work_reports/{report.id}/sign",
                             data={"csrf_token": token, "name": name, "comment": "Agreed"})

    def test_sign_off_own_report(self):
        """The hospital contact reads and signs off the hospital's report; name and time are recorded."""
        self.authenticate("sd_sign_hospital", "sd_sign_hospital")
        self.assertIn(self.report.name, self.url_open("/my/work_reports").text)
        self.assertNotIn(self.bank_report.name, self.url_open("/my/work_reports").text)
        self.sign(self.report, "Dr. Sign")
        self.assertEqual((self.report.state, self.report.signed_by), ("signed", "Dr. Sign"))
        self.assertEqual(self.report.customer_comment, "Agreed")

    def test_cannot_sign_other_customer(self):
        """The hospital contact cannot open nor sign the bank's report; it stays unsigned."""
        self.authenticate("sd_sign_hospital", "sd_sign_hospital")
        response = self.url_open(f"/my/work_reports/{self.bank_report.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.sign(self.bank_report, "Dr. Sign")
        self.assertEqual(self.bank_report.state, "sent")

    def test_sign_needs_name(self):
        """A sign-off without a name is refused with a message; the report stays unsigned."""
        self.authenticate("sd_sign_hospital", "sd_sign_hospital")
        response = self.sign(self.report, " ")
        self.assertIn("Type your name", response.text)
        self.assertEqual(self.report.state, "sent")


@tagged("post_install", "-at_install")
class TestPortalTicketService(ItssPortalCase):
    """On the portal ticket form the customer picks one of their own projects' services, nothing else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _hospital, cls.hospital_user, cls.hospital_project = cls.portal_customer(
            "sd_svc_hospital", "Service Hospital", "Dr. Service", "svc@h.example.com",
            project_name="Service hospital O&M")
        _bank, _user, cls.bank_project = cls.portal_customer(
            "sd_svc_bank", "Service Bank", "Mr. Service", project_name="Service bank O&M")
        Service = cls.env["itss.catalog.service"]
        cls.database = Service.create({"name": "Portal database O&M", "code": "T-PDB", "description": "<p>D</p>"})
        cls.desktop = Service.create({"name": "Portal desktop O&M", "code": "T-PDT", "description": "<p>T</p>"})
        cls.atm = Service.create({"name": "Portal ATM O&M", "code": "T-PATM", "description": "<p>A</p>"})
        (cls.database | cls.desktop | cls.atm).action_publish()
        cls.hospital_project.catalog_service_ids = cls.database | cls.desktop
        cls.bank_project.catalog_service_ids = cls.atm

    def submit(self, choice, subject):
        return self.url_open("/submitted/ticket", data={
            "csrf_token": self.csrf_token("/new/ticket"), "subject": subject, "description": "Broken",
            "itss_service": choice})

    def test_form_offers_own_services(self):
        """The form lists the hospital's subscribed services, never the bank's."""
        self.authenticate("sd_svc_hospital", "sd_svc_hospital")
        page = self.url_open("/new/ticket").text
        self.assertIn("Portal database O&amp;M", page)
        self.assertIn("Portal desktop O&amp;M", page)
        self.assertNotIn("Portal ATM O&amp;M", page)

    def test_ticket_takes_chosen_service(self):
        """The ticket is filed under the chosen service and its project, through the portal channel."""
        self.authenticate("sd_svc_hospital", "sd_svc_hospital")
        self.submit(f"{self.hospital_project.id}-{self.desktop.id}", "Ward PC frozen")
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "Ward PC frozen")])
        self.assertEqual((ticket.service_project_id, ticket.catalog_service_id, ticket.itss_channel),
                         (self.hospital_project, self.desktop, "portal"))

    def test_forged_service_refused(self):
        """A service of another customer's project, forged in the form, is refused; no ticket is created."""
        self.authenticate("sd_svc_hospital", "sd_svc_hospital")
        response = self.submit(f"{self.bank_project.id}-{self.atm.id}", "Forged service")
        self.assertIn("Choose one of the services", response.text)
        self.assertFalse(self.env["helpdesk.ticket"].search([("name", "=", "Forged service")]))
        response = self.submit(f"{self.hospital_project.id}-{self.atm.id}", "Forged pair")
        self.assertFalse(self.env["helpdesk.ticket"].search([("name", "=", "Forged pair")]))
