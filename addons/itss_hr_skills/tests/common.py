# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from contextlib import contextmanager

from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class PeopleCase(TransactionCase):
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

    @contextmanager
    def assertRefused(self, exception, pattern):
        """Like assertRaisesRegex, inside a savepoint so nothing half-written stays behind."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), pattern)
