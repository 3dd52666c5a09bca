# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.addons.itss_capability.tests.common import ItssBaseCase


class ItssAuditCase(ItssBaseCase):
    """Two departments with their heads, an allocation table, and one user per ITSS role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.role_users("au", "qa", "executive", "manager", "engineer")
        Department = cls.env["hr.department"]
        cls.dept_om = Department.create({"name": "Test operations department", "company_id": cls.company.id})
        cls.dept_qa = Department.create({"name": "Test QA department", "company_id": cls.company.id})
        Employee = cls.env["hr.employee"]
        cls.emp_manager = Employee.create({"name": "OM head", "user_id": cls.manager.id,
                                           "department_id": cls.dept_om.id, "company_id": cls.company.id})
        cls.emp_qa = Employee.create({"name": "QA auditor", "user_id": cls.qa.id,
                                      "department_id": cls.dept_qa.id, "company_id": cls.company.id})
        cls.dept_om.manager_id = cls.emp_manager
        cls.clause_incident = cls.env.ref("itss_audit.clause_2012_9_4")
        cls.clause_change = cls.env.ref("itss_audit.clause_2012_9_7")
        cls.clause_check = cls.env.ref("itss_audit.clause_2012_5_4")
        # Only the test departments in the table: drop any demo allocation of this company.
        cls.env["itss.clause.allocation"].search([("company_id", "=", cls.company.id)]).unlink()
        cls.env["itss.clause.allocation"].with_user(cls.qa).create([
            {"clause_id": cls.clause_incident.id, "department_id": cls.dept_om.id, "responsibility": "lead"},
            {"clause_id": cls.clause_change.id, "department_id": cls.dept_om.id, "responsibility": "participate"},
            {"clause_id": cls.clause_check.id, "department_id": cls.dept_qa.id, "responsibility": "lead"},
        ])
        cls.project = cls.make_project("Test bank O&M", "Test Rural Bank")
        cls.year = 2039

    def make_programme(self, user=None, departments=None):
        """A draft programme of ``self.year`` with one audit per department (audited by QA unless its own)."""
        Programme = self.env["itss.audit.programme"].with_user(user or self.qa)
        programme = Programme.create({"name": f"{self.year} internal audit programme", "year": self.year})
        for department in departments if departments is not None else self.dept_om:
            self.env["mgmtsystem.audit"].with_user(user or self.qa).create({
                "name": f"Audit of {department.name}", "itss_programme_id": programme.id,
                "itss_department_id": department.id, "itss_project_id": self.project.id,
                "itss_planned_date": f"{self.year}-06-10", "user_id": self.qa.id,
                "auditor_user_ids": [(6, 0, self.qa.ids)], "auditee_user_ids": [(6, 0, self.manager.ids)],
            })
        return programme
