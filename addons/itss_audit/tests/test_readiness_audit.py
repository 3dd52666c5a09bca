# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.itss_capability.tests.common import ItssTzCompanyMixin


@tagged("post_install", "-at_install")
class TestReadinessAudit(ItssTzCompanyMixin, TransactionCase):
    """Readiness rules of the internal audit and nonconformity items, and departments from the allocation table."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls._company("Readiness audit company")
        cls.other = cls._company("Readiness audit other company")
        cls.year = cls.company._itss_today().year
        Department = cls.env["hr.department"]
        cls.dept_om = Department.create({"name": "Readiness O&M", "company_id": cls.company.id})
        cls.dept_qa = Department.create({"name": "Readiness QA", "company_id": cls.company.id})
        clause = cls.env.ref
        cls.env["itss.clause.allocation"].create([
            {"company_id": cls.company.id, "clause_id": clause("itss_audit.clause_2012_9_4").id,
             "department_id": cls.dept_om.id, "responsibility": "lead"},
            {"company_id": cls.company.id, "clause_id": clause("itss_audit.clause_2012_5_4").id,
             "department_id": cls.dept_qa.id, "responsibility": "lead"},
            {"company_id": cls.company.id, "clause_id": clause("itss_audit.clause_2012_5_5").id,
             "department_id": cls.dept_om.id, "responsibility": "participate"},
        ])
        # 16:30 UTC on March 31st is already April 1st in Shanghai: the QA audit closes in April.
        cls.audit_om = cls._audit(cls.company, cls.dept_om, datetime(cls.year, 2, 10, 2, 0))
        cls.audit_qa = cls._audit(cls.company, cls.dept_qa, datetime(cls.year, 3, 31, 16, 30))
        cls.audit_old = cls._audit(cls.company, cls.dept_qa, datetime(cls.year - 1, 6, 1, 2, 0))
        cls.audit_other = cls._audit(cls.other, cls.env["hr.department"], datetime(cls.year, 2, 10, 2, 0))
        cls.nc_closed = cls._nonconformity(cls.audit_om, closed=True)
        cls.nc_open = cls._nonconformity(cls.audit_qa, closed=False)
        cls.items = cls.env["itss.readiness.item"]._itss_company_items(cls.company)

    @classmethod
    def _audit(cls, company, department, closing):
        return cls.env["mgmtsystem.audit"].create({
            "name": f"Audit {department.name or company.name} {closing:%Y-%m}", "company_id": company.id,
            "itss_department_id": department.id, "date": closing, "state": "done", "closing_date": closing,
            "itss_conclusion": "The system runs effectively.",
        })

    @classmethod
    def _nonconformity(cls, audit, closed):
        nonconformity = cls.env["mgmtsystem.nonconformity"].create({
            "name": f"Finding of {audit.name}", "description": "Late approvals", "company_id": audit.company_id.id,
            "partner_id": audit.company_id.partner_id.id, "itss_audit_id": audit.id,
            "responsible_user_id": cls.env.user.id, "manager_user_id": cls.env.user.id,
            "itss_department_id": audit.itss_department_id.id,
        })
        if closed:
            cls.env["itss.improvement"].create({
                "name": "Corrective action", "company_id": audit.company_id.id, "source": "internal_audit",
                "nonconformity_id": nonconformity.id, "state": "done", "verification": "Effective.",
            }).action_verify()
            nonconformity.write({"evaluation_comments": "Verified effective.",
                                 "stage_id": cls.env.ref("mgmtsystem_nonconformity.stage_done").id})
        return nonconformity

    def _ratio(self, code, date_to=None, company=None):
        items = self.env["itss.readiness.item"]._itss_company_items(company or self.company)
        item = items.filtered(lambda i: i.rule_code == code)
        parts = getattr(item, f"_itss_readiness_rule_{code}")(
            item.company_id, date(self.year, 1, 1), date_to or date(self.year, 12, 31))
        return sum(part["ratio"] for part in parts) / len(parts)

    def test_internal_audit_present(self):
        """Completed audits with their conclusion covering every department of the table make item 6 present."""
        self.assertEqual(self._ratio("internal_audit"), 1.0)

    def test_internal_audit_partial_in_company_months(self):
        """Until March's end in Shanghai the QA department is not covered yet (its audit closes on April 1st)."""
        ratio = self._ratio("internal_audit", date_to=date(self.year, 3, 31))
        self.assertAlmostEqual(ratio, (1 + 0.5 + 1) / 3)

    def test_internal_audit_missing(self):
        """A company without completed audits misses item 6."""
        self.assertEqual(self._ratio("internal_audit", company=self._company("Readiness empty audit")), 0.0)

    def test_nonconformity_present_partial_missing(self):
        """Item 9: recorded, with corrective actions and closed findings (present); one without action (partial)."""
        self.assertAlmostEqual(self._ratio("nonconformity"), (1 + 0.5 + 1) / 3)
        self.env["itss.improvement"].create({
            "name": "Corrective action 2", "company_id": self.company.id, "source": "internal_audit",
            "nonconformity_id": self.nc_open.id})
        self.assertEqual(self._ratio("nonconformity"), 1.0)
        self.assertEqual(self._ratio("nonconformity", company=self.other), 0.0)

    def test_reports_of_company_and_year(self):
        """The audit reports of item 6 and the findings of item 9 hold this company's audits of the year only."""
        item = self.items.filtered(lambda i: i.rule_code == "internal_audit")
        reports = dict(item._itss_readiness_reports_internal_audit(
            self.company, date(self.year, 1, 1), date(self.year, 12, 31)))
        for xmlid in ("itss_audit.itss_audit_report_action", "itss_audit.itss_audit_findings_xlsx_action"):
            self.assertEqual(self.env.ref(xmlid).model, "mgmtsystem.audit")
            self.assertEqual(reports[xmlid], self.audit_om | self.audit_qa)
        self.assertTrue(self.env.ref("itss_audit.itss_allocation_report_action"))
        item = self.items.filtered(lambda i: i.rule_code == "nonconformity")
        reports = item._itss_readiness_reports_nonconformity(
            self.company, date(self.year, 1, 1), date(self.year, 12, 31))
        self.assertEqual(reports, [("itss_audit.itss_audit_findings_xlsx_action", self.audit_om | self.audit_qa)])

    def test_department_from_allocation_table(self):
        """The responsible department is the lead of the item's clause, else of its parent clause, else none."""
        by_code = {item.rule_code: item for item in self.items}
        self.assertEqual(by_code["internal_audit"]._itss_readiness_department(), self.dept_qa)  # 5.4
        self.assertEqual(by_code["incident"]._itss_readiness_department(), self.dept_om)  # 9.4
        self.assertFalse(by_code["improvement"]._itss_readiness_department())  # 5.5: participation only
        by_code["problem"].clause = "9.4.1"
        self.assertEqual(by_code["problem"]._itss_readiness_department(), self.dept_om)
