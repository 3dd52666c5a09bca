# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
from datetime import date, datetime

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.itss_capability.tests.common import ItssTzCompanyMixin

YEAR = 2025


@tagged("post_install", "-at_install")
class TestReadinessServiceDesk(ItssTzCompanyMixin, TransactionCase):
    """Readiness rules of the service desk, knowledge, documents, SLA, reports and the ITSS processes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls._company("Readiness desk company")
        cls.empty = cls._company("Readiness desk empty company")
        company = cls.company.id
        Matrix = cls.env["itss.priority.matrix"]
        Matrix.create([{"impact": impact, "urgency": urgency, "company_id": company, "priority": "P3"}
                       for impact in "1234" for urgency in "1234"])
        customer = cls.env["res.partner"].create({"name": "Readiness hospital", "is_company": True})
        cls.project = cls.env["itss.service.project"].create({
            "name": "Readiness hospital O&M", "partner_id": customer.id, "company_id": company, "state": "active"})
        cls.team = cls.env["helpdesk.ticket.team"].create({"name": "Readiness desk", "company_id": company})
        cls.env["helpdesk.sla"].create({"name": "Readiness P1 resolution", "team_ids": cls.team.ids, "hours": 4})
        # Tickets from January to May, and one reported at 01:00 on June 1st in Shanghai (May 31st in UTC).
        Ticket = cls.env["helpdesk.ticket"]
        cls.tickets = Ticket.create([{
            "name": f"Readiness ticket {month}", "description": "<p>Down</p>", "company_id": company,
            "team_id": cls.team.id, "service_project_id": cls.project.id, "partner_id": customer.id,
            "itss_reported_at": reported,
        } for month, reported in enumerate(
            [datetime(YEAR, month, 15, 2, 0) for month in range(1, 6)] + [datetime(YEAR, 5, 31, 17, 0)])])
        cls.tickets[:3].write({"stage_id": cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id,
                               "itss_resolution_code": "fixed"})
        cls.env["itss.return.visit"].create([
            {"ticket_id": ticket.id, "date": date(YEAR, 2, 20), "score": "5"} for ticket in cls.tickets[:3]])
        # Service months January-June closed with their SLA self-assessment; reports delivered the 3rd.
        for month in range(1, 7):
            service_month = cls.env["itss.service.month"].create({"company_id": company,
                                                                  "date_from": date(YEAR, month, 1)})
            cls.env["itss.sla.assessment"].create({"month_id": service_month.id, "project_id": cls.project.id})
            service_month.state = "closed"
            report = cls.env["itss.service.report"].create({
                "project_id": cls.project.id, "company_id": company, "date_from": date(YEAR, month, 1)})
            report.write({"state": "delivered", "delivered_at": date(YEAR, month + 1, 3)})
        # Knowledge: four articles approved in February, one in July; the first one from a problem.
        category = cls.env["itss.knowledge.category"].create({"name": "Readiness category"})
        Problem = cls.env["itss.problem"]
        cls.problem = Problem.create({"name": "Readiness slow logins", "company_id": company})
        cls.problem.write({"state": "resolved", "date_resolved": datetime(YEAR, 2, 10, 2, 0)})
        cls.problem_late = Problem.create({"name": "Readiness batch overrun", "company_id": company})
        cls.problem_late.write({"state": "closed", "date_resolved": datetime(YEAR, 8, 10, 2, 0)})
        cls.env["itss.knowledge.article"].create([{
            "name": f"Readiness article {index}", "company_id": company, "category_id": category.id,
            "content": "<p>Steps</p>", "state": "published", "approved_date": approved,
            "problem_id": cls.problem.id if index == 0 else False,
        } for index, approved in enumerate([date(YEAR, 2, 1)] * 4 + [date(YEAR, 7, 1)])])
        cls.env["itss.inspection"].create({
            "project_id": cls.project.id, "user_id": cls.env.user.id, "date": date(YEAR, 3, 1), "state": "done"})
        # CMDB and its audit in April.
        ci_type = cls.env["itss.ci.type"].create({"name": "Readiness server"})
        cls.env["maintenance.equipment"].create({"name": "Readiness HIS DB", "company_id": company,
                                                 "ci_type_id": ci_type.id})
        cls.env["itss.config.audit"].create({"name": "Readiness CMDB audit", "company_id": company,
                                             "auditor_id": cls.env.user.id, "date": date(YEAR, 4, 1),
                                             "state": "closed"})
        # Changes: one approved and closed in March; one closed unapproved (cancelled) in August.
        Change = cls.env["itss.change.request"]
        Change.create({"name": "Readiness patch", "reason": "Vendor fix", "company_id": company,
                       "requester_id": cls.env.user.id, "approval_date": datetime(YEAR, 3, 1, 2, 0),
                       "state": "closed", "result": "successful", "closed_at": datetime(YEAR, 3, 10, 2, 0)})
        Change.create({"name": "Readiness dropped change", "reason": "Not needed", "company_id": company,
                       "requester_id": cls.env.user.id, "state": "closed", "result": "cancelled",
                       "closed_at": datetime(YEAR, 8, 10, 2, 0)})
        # Releases: on time in May, late in September.
        Release = cls.env["itss.release"]
        for name, planned, deployed in (("Readiness Q2", date(YEAR, 5, 1), date(YEAR, 5, 1)),
                                        ("Readiness Q3", date(YEAR, 9, 1), date(YEAR, 9, 20))):
            Release.create({"name": name, "company_id": company, "rollback_plan": "<p>Restore the image</p>",
                            "planned_date": planned, "state": "deployed", "deployed_date": deployed})
        # Security events: handled within the deadline in June, late in October.
        Event = cls.env["itss.security.event"]
        for reported, handled in ((datetime(YEAR, 6, 1, 2, 0), datetime(YEAR, 6, 1, 3, 0)),
                                  (datetime(YEAR, 10, 1, 2, 0), datetime(YEAR, 10, 20, 2, 0))):
            Event.create({"name": "Readiness intrusion attempt", "company_id": company, "reported_at": reported,
                          "deadline": datetime(reported.year, reported.month, reported.day, 12, 0),
                          "state": "handled", "handled_at": handled})
        cls.document_vals = {"name": "Readiness network topology", "kind": "technical",
                             "project_id": cls.project.id, "date": date(YEAR, 1, 20),
                             "datas": base64.b64encode(b"topology"), "file_name": "topology.pdf"}

    def _item(self, code, company=None):
        items = self.env["itss.readiness.item"]._itss_company_items(company or self.company)
        return items.filtered(lambda item: item.rule_code == code)

    def _ratio(self, code, date_to=date(YEAR, 12, 31), company=None):
        item = self._item(code, company)
        parts = getattr(item, f"_itss_readiness_rule_{code}")(item.company_id, date(YEAR, 1, 1), date_to)
        return sum(part["ratio"] for part in parts) / len(parts)

    def assertStatuses(self, code, present, partial):
        """``code`` is present and partial at those month ends (or full year), missing for the empty company."""
        self.assertEqual(self._ratio(code, **present), 1.0)
        self.assertTrue(0.0 < self._ratio(code, **partial) < 1.0)
        self.assertEqual(self._ratio(code, company=self.empty), 0.0)

    def test_service_desk_months_in_company_time_zone(self):
        """Item 16 counts the months with tickets in Shanghai time: six with the ticket of June 1st, 01:00."""
        self.assertStatuses("service_desk", {}, {"date_to": date(YEAR, 5, 31)})
        self.assertAlmostEqual(self._ratio("service_desk", date_to=date(YEAR, 5, 31)), 5 / 6)
        months = self.env["itss.readiness.item"]._itss_readiness_running_months(
            self.company, date(YEAR, 1, 1), date(YEAR, 12, 31))
        self.assertEqual(months, {date(YEAR, month, 1) for month in range(1, 7)})

    def test_knowledge_base(self):
        """Item 18: five approved articles are present; four by June are partial."""
        self.assertStatuses("knowledge_base", {}, {"date_to": date(YEAR, 6, 30)})

    def test_technical_documents(self):
        """Item 20: an inspection and a solution article are present; a site document stands for the article."""
        self.assertStatuses("technical_documents", {}, {"date_to": date(YEAR, 2, 28)})
        self.env["itss.knowledge.article"].search([("problem_id", "=", self.problem.id)]).problem_id = False
        self.assertEqual(self._ratio("technical_documents"), 0.5)
        self.env["itss.site.document"].create(self.document_vals)
        self.assertEqual(self._ratio("technical_documents"), 1.0)

    def test_sla(self):
        """Item 21: a quantified SLA of the company's team and six closed self-assessment months."""
        self.assertStatuses("sla", {}, {"date_to": date(YEAR, 3, 31)})

    def test_service_report(self):
        """Item 22: six reports delivered on time by July; three by April's end are partial."""
        self.assertStatuses("service_report", {}, {"date_to": date(YEAR, 4, 30)})

    def test_incident(self):
        """Item 23: six months of incidents and three return visits; five months are partial."""
        self.assertStatuses("incident", {}, {"date_to": date(YEAR, 5, 31)})

    def test_problem(self):
        """Item 24: a resolved problem with its article is present; a later one without article makes it partial."""
        self.assertStatuses("problem", {"date_to": date(YEAR, 6, 30)}, {})

    def test_configuration(self):
        """Item 25: CIs in the CMDB and a closed configuration audit; before the audit it is partial."""
        self.assertStatuses("configuration", {}, {"date_to": date(YEAR, 3, 31)})

    def test_change(self):
        """Item 26: a closed approved change is present; a closed change never approved makes it partial."""
        self.assertStatuses("change", {"date_to": date(YEAR, 6, 30)}, {})

    def test_release(self):
        """Item 27: a release deployed on time with its rollback plan; a late one makes it partial."""
        self.assertStatuses("release", {"date_to": date(YEAR, 6, 30)}, {})

    def test_information_security(self):
        """Item 28: an event handled within its deadline; a late one makes it partial."""
        self.assertStatuses("information_security", {"date_to": date(YEAR, 6, 30)}, {})

    def test_reports_of_company_and_year(self):
        """Service reports and the catalog go to the pack for this company's records of the year only."""
        start, end = date(YEAR, 1, 1), date(YEAR, 12, 31)
        other = self.env["itss.service.report"].create({
            "project_id": self.project.id, "company_id": self.company.id, "date_from": date(YEAR - 1, 12, 1)})
        other.write({"state": "delivered", "delivered_at": date(YEAR - 1, 12, 31)})
        reports = dict(self._item("service_report")._itss_readiness_reports_service_report(self.company, start, end))
        delivered = self.env["itss.service.report"].search([("project_id", "=", self.project.id)]) - other
        self.assertEqual(len(delivered), 6)
        for xmlid in ("itss_service_desk.itss_service_report_pdf_action",
                      "itss_service_desk.itss_service_report_xlsx_action"):
            self.assertEqual(self.env.ref(xmlid).model, "itss.service.report")
            self.assertEqual(reports[xmlid], delivered)
        reports = dict(self._item("sla")._itss_readiness_reports_sla(self.empty, start, end))
        self.assertFalse(reports["itss_service_desk.itss_catalog_service_pdf_action"])
