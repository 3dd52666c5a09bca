# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import io
import unicodedata

from openpyxl import load_workbook
from PyPDF2 import PdfReader

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestSkillMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_officer = new_test_user(cls.env, "sm_hr", groups="hr.group_hr_user")
        cls.hr_manager = new_test_user(cls.env, "sm_hr_mgr", groups="hr.group_hr_manager")
        cls.executive = new_test_user(cls.env, "sm_exec", groups="itss_capability.group_itss_executive")
        cls.engineer_user = new_test_user(cls.env, "sm_eng", groups="itss_capability.group_itss_user")
        skill_type = cls.env["hr.skill.type"].create({
            "name": "O&M Skills",
            "skill_ids": [(0, 0, {"name": "Network"}), (0, 0, {"name": "Database"}), (0, 0, {"name": "Linux"})],
            "skill_level_ids": [
                (0, 0, {"name": "Basic", "level_progress": 30}),
                (0, 0, {"name": "Skilled", "level_progress": 60}),
                (0, 0, {"name": "Expert", "level_progress": 100}),
            ],
        })
        cls.network, cls.database, cls.linux = skill_type.skill_ids
        cls.basic, cls.skilled, cls.expert = skill_type.skill_level_ids.sorted("level_progress")
        cls.job = cls.env["hr.job"].create({
            "name": "Senior O&M Engineer",
            "itss_grade_id": cls.env.ref("itss_hr_skills.grade_senior").id,
            "headcount_needed": 2,
            "itss_responsibilities": "<p>Leads major-incident handling.</p>",
            "job_skill_ids": [
                (0, 0, {"skill_type_id": skill_type.id, "skill_id": cls.network.id, "skill_level_id": cls.expert.id}),
                (0, 0, {"skill_type_id": skill_type.id, "skill_id": cls.database.id, "skill_level_id": cls.skilled.id}),
            ],
        })
        cls.alice = cls.env["hr.employee"].create({"name": "Alice", "job_id": cls.job.id})
        cls.bob = cls.env["hr.employee"].create({"name": "Bob", "job_id": cls.job.id})
        cls.env["hr.employee.skill"].create([
            {"employee_id": cls.alice.id, "skill_type_id": skill_type.id, "skill_id": cls.network.id,
             "skill_level_id": cls.expert.id},
            {"employee_id": cls.alice.id, "skill_type_id": skill_type.id, "skill_id": cls.linux.id,
             "skill_level_id": cls.basic.id},
            {"employee_id": cls.bob.id, "skill_type_id": skill_type.id, "skill_id": cls.network.id,
             "skill_level_id": cls.skilled.id},
        ])
        cls.env.flush_all()

    def _rows(self, employee):
        return {row.skill_id: row for row in self.env["itss.skill.matrix"].search([("employee_id", "=", employee.id)])}

    def test_matrix_and_gaps(self):
        """The matrix holds held and required skills; gaps are required minus current level."""
        alice, bob = self._rows(self.alice), self._rows(self.bob)
        self.assertEqual(set(alice), {self.network, self.database, self.linux})
        self.assertEqual((alice[self.network].gap, alice[self.database].gap, alice[self.linux].gap), (0, 60, 0))
        self.assertFalse(alice[self.linux].is_required)
        self.assertEqual(bob[self.network].gap, 40)
        self.assertEqual(bob[self.database].required_level_id, self.skilled)
        self.assertFalse(bob[self.database].skill_level_id)
        gaps = self.env["itss.skill.matrix"].search([("has_gap", "=", True), ("job_id", "=", self.job.id)])
        self.assertEqual(len(gaps), 3)

    def test_matrix_xlsx(self):
        """The XLSX export has the employees × skills matrix and the list of gaps."""
        report = self.env.ref("itss_hr_skills.skill_matrix_xlsx_report_action")
        content, kind = self.env["ir.actions.report"].with_user(self.hr_officer)._render(
            report.report_name, (self.alice | self.bob).ids)
        self.assertEqual(kind, "xlsx")
        matrix, gaps = load_workbook(io.BytesIO(content)).worksheets
        header = [cell.value for cell in matrix[1]]
        self.assertEqual(header[:3], ["Employee", "Post", "Department"])
        self.assertEqual(sorted(header[3:]), ["Database", "Linux", "Network"])
        alice_row = [cell.value for cell in matrix[2]]
        self.assertEqual(alice_row[0], "Alice")
        self.assertEqual(alice_row[header.index("Network")], "Expert")
        self.assertEqual(alice_row[header.index("Database")], "—")
        self.assertEqual(gaps.max_row, 4)

    def test_job_description_pdf(self):
        """The job description PDF renders (Chinese headings for zh_CN users) with the post's content."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "itss_hr_skills")])._update_translations(["zh_CN"])
        self.hr_officer.lang = "zh_CN"
        report = self.env["ir.actions.report"].with_user(self.hr_officer).with_context(
            force_report_rendering=True, lang="zh_CN")
        pdf, kind = report._render_qweb_pdf("itss_hr_skills.hr_job_description_report_action", self.job.ids)
        self.assertEqual(kind, "pdf")
        text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
        for expected in ("岗位职责说明书", "岗位职责", "任职资格", "技能要求"):
            self.assertIn(expected, text)
        html = report._render_qweb_html("itss_hr_skills.hr_job_description_report_action", self.job.ids)[0].decode()
        self.assertIn("Leads major-incident handling.", html)
        self.assertIn("Expert", html)

    def test_hr_plan(self):
        """The HR plan takes a snapshot of every post's reserve figures; only HR managers or executives approve."""
        plan = self.env["itss.hr.plan"].with_user(self.hr_officer).create({"year": 2041})
        plan.action_refresh_lines()
        line = plan.line_ids.filtered(lambda l: l.job_id == self.job)
        self.assertEqual((line.headcount_needed, line.holder_count, line.reserve_headcount), (2, 2, 0))
        self.assertEqual(line.reserve_rate_display, "0.0 %")
        with self.assertRaises(AccessError):
            plan.with_user(self.hr_officer).action_approve()
        plan.with_user(self.executive).action_approve()
        self.assertEqual(plan.state, "approved")
        with self.assertRaises(UserError):
            plan.with_user(self.hr_officer).action_refresh_lines()
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, _kind = report._render_qweb_pdf("itss_hr_skills.itss_hr_plan_report_action", plan.ids)
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_engineer_cannot_read_matrix(self):
        """O&M engineers do not read the skill matrix of their colleagues."""
        with self.assertRaises(AccessError):
            self.env["itss.skill.matrix"].with_user(self.engineer_user).search([])
