# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from contextlib import contextmanager

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class ItssPeopleCase(TransactionCase):
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

    @contextmanager
    def assertRefused(self, exception, pattern):
        """Like assertRaisesRegex, inside a savepoint so nothing half-written stays behind."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), pattern)
