# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from odoo.addons.itss_capability.tests.common import RefusalAssertions


class PeopleCase(RefusalAssertions, TransactionCase):
    """Shared fixtures: a team (department manager, direct manager, two engineers), one user per role,
    criteria of the junior grade and a monthly appraisal template."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.hr_manager = new_test_user(cls.env, "ev_hr_manager", groups="hr.group_hr_manager")
        cls.hr_officer = new_test_user(cls.env, "ev_hr_officer", groups="hr.group_hr_user")
        cls.om_manager = new_test_user(cls.env, "ev_om_manager", groups="itss_capability.group_itss_manager")
        cls.qa = new_test_user(cls.env, "ev_qa", groups="itss_capability.group_itss_qa")
        cls.dept_head_user = new_test_user(cls.env, "ev_dept_head", groups="base.group_user")
        cls.lead_user = new_test_user(cls.env, "ev_lead", groups="base.group_user")
        cls.engineer_user = new_test_user(cls.env, "ev_engineer", groups="base.group_user")
        cls.other_user = new_test_user(cls.env, "ev_other", groups="base.group_user")
        Employee = cls.env["hr.employee"]
        Grade = cls.env["itss.engineer.grade"]
        # Own grades, after every existing one, so demo criteria and grades stay out of the way.
        cls.junior = Grade.create({"name": "Test junior", "code": "T_JUNIOR", "sequence": 9010})
        cls.intermediate = Grade.create({"name": "Test intermediate", "code": "T_INTER", "sequence": 9020})
        cls.senior = Grade.create({"name": "Test senior", "code": "T_SENIOR", "sequence": 9030})
        cls.dept_head = Employee.create({"name": "Dept Head", "user_id": cls.dept_head_user.id})
        cls.department = cls.env["hr.department"].create({"name": "Test O&M team", "manager_id": cls.dept_head.id})
        cls.other_department = cls.env["hr.department"].create({"name": "Test other team"})
        cls.lead = Employee.create({"name": "Team Lead", "user_id": cls.lead_user.id,
                                    "department_id": cls.other_department.id})
        cls.engineer = Employee.create({
            "name": "Engineer One", "user_id": cls.engineer_user.id, "department_id": cls.department.id,
            "parent_id": cls.lead.id, "itss_grade_id": cls.junior.id,
        })
        cls.engineer2 = Employee.create({
            "name": "Engineer Two", "department_id": cls.department.id, "itss_grade_id": cls.junior.id,
        })
        cls.other = Employee.create({"name": "Other Person", "user_id": cls.other_user.id,
                                     "department_id": cls.other_department.id, "itss_grade_id": cls.junior.id})
        Criterion = cls.env["itss.evaluation.criterion"]
        cls.crit_network = Criterion.create({"name": "Network basics", "grade_id": cls.junior.id,
                                             "kind": "knowledge", "max_score": 10, "weight": 3})
        cls.crit_os = Criterion.create({"name": "OS basics", "grade_id": cls.junior.id,
                                        "kind": "knowledge", "max_score": 20, "weight": 1})
        cls.crit_fault = Criterion.create({"name": "Fault handling", "grade_id": cls.junior.id,
                                           "kind": "capability", "max_score": 10, "weight": 1})
        cls.template = cls.env["itss.appraisal.template"].create({
            "name": "Test monthly", "period_type": "month",
            "line_ids": [Command.create({"name": "Quality", "weight": 60}),
                         Command.create({"name": "Efficiency", "weight": 40})],
        })

    def make_evaluation(self, employee=None, kind="knowledge", scores=None, env=None, **vals):
        """An evaluation of ``employee`` (default: engineer one) with ``scores`` per criterion name."""
        evaluation = (env or self.env)["itss.skill.evaluation"].create({
            "employee_id": (employee or self.engineer).id, "kind": kind, "date": "2025-06-10", **vals,
        })
        for line in evaluation.line_ids:
            if scores and line.criterion_id.name in scores:
                line.score = scores[line.criterion_id.name]
        return evaluation

    def make_appraisal(self, employee=None, start="2025-05-01", scores=(80, 70), period_type="month", **vals):
        appraisal = self.env["itss.performance.appraisal"].create({
            "employee_id": (employee or self.engineer).id, "template_id": self.template.id,
            "period_type": period_type, "period_start": start, **vals,
        })
        for line, score in zip(appraisal.line_ids, scores, strict=False):
            line.score = score
        return appraisal



class ItssPeopleCase(RefusalAssertions, TransactionCase):
    """Shared fixtures: one user per role, a manager and two engineers, a customer project and a
    certification skill type."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.hr_officer = new_test_user(cls.env, "pp_hr", groups="hr.group_hr_user")
        cls.om_manager = new_test_user(cls.env, "pp_manager", groups="itss_capability.group_itss_manager")
        cls.om_user = new_test_user(cls.env, "pp_engineer", groups="itss_capability.group_itss_user")
        cls.om_user2 = new_test_user(cls.env, "pp_engineer2", groups="itss_capability.group_itss_user")
        cls.qa = new_test_user(cls.env, "pp_qa", groups="itss_capability.group_itss_qa")
        cls.executive = new_test_user(cls.env, "pp_exec", groups="itss_capability.group_itss_executive")
        Employee = cls.env["hr.employee"]
        cls.manager_employee = Employee.create({"name": "李经理", "user_id": cls.om_manager.id})
        cls.engineer = Employee.create({
            "name": "张三", "user_id": cls.om_user.id, "parent_id": cls.manager_employee.id,
            "itss_grade_id": cls.env.ref("itss_hr_skills.grade_intermediate").id,
        })
        cls.engineer2 = Employee.create({
            "name": "李四", "user_id": cls.om_user2.id, "parent_id": cls.manager_employee.id,
            "itss_grade_id": cls.env.ref("itss_hr_skills.grade_junior").id,
        })
        cls.customer = cls.env["res.partner"].create({"name": "滨海市测试医院", "is_company": True})
        cls.customer2 = cls.env["res.partner"].create({"name": "Test Rural Bank", "is_company": True})
        cls.project = cls.env["itss.service.project"].create({
            "name": "Test hospital O&M", "partner_id": cls.customer.id, "state": "active",
        })
        cls.project2 = cls.env["itss.service.project"].create({
            "name": "Test bank O&M", "partner_id": cls.customer2.id, "state": "active",
        })
        cls.cert_type = cls.env["hr.skill.type"].create({
            "name": "Test certificates", "is_certification": True,
            "skill_level_ids": [(0, 0, {"name": "Certified", "level_progress": 100})],
            "skill_ids": [(0, 0, {"name": "Test network certificate"}),
                          (0, 0, {"name": "Test database certificate"})],
        })
        cls.cert_level = cls.cert_type.skill_level_ids
        cls.cert_network, cls.cert_database = cls.cert_type.skill_ids

    @classmethod
    def add_certification(cls, employee, valid_from, valid_to, skill=None):
        return cls.env["hr.employee.skill"].create({
            "employee_id": employee.id,
            "skill_type_id": cls.cert_type.id,
            "skill_id": (skill or cls.cert_network).id,
            "skill_level_id": cls.cert_level.id,
            "valid_from": valid_from,
            "valid_to": valid_to,
        })

    def activities(self, employee, summary):
        return self.env["mail.activity"].search([
            ("res_model", "=", "hr.employee"), ("res_id", "=", employee.id), ("summary", "ilike", summary),
        ])


class PeopleGuardCase(PeopleCase):
    """PeopleCase plus the remaining roles (O&M engineer, executive) and a second company with its own
    HR manager, O&M manager and executive; company 1 works in the Asia/Shanghai time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.om_engineer = new_test_user(cls.env, "ev_om_engineer", groups="itss_capability.group_itss_user")
        cls.executive = new_test_user(cls.env, "ev_executive", groups="itss_capability.group_itss_executive")
        cls.company2 = cls.env["res.company"].create({"name": "Test second company"})
        company2 = {"company_id": cls.company2.id, "company_ids": [Command.set(cls.company2.ids)]}
        cls.hr_manager2 = new_test_user(cls.env, "ev2_hr_manager", groups="hr.group_hr_manager", **company2)
        cls.om_manager2 = new_test_user(cls.env, "ev2_om_manager", groups="itss_capability.group_itss_manager",
                                        **company2)
        cls.executive2 = new_test_user(cls.env, "ev2_executive", groups="itss_capability.group_itss_executive",
                                       **company2)
