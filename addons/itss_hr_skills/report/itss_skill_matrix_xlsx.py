# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class ItssSkillMatrixXlsx(models.AbstractModel):
    """XLSX skill matrix (employees × skills, current level) and the gaps against the posts."""

    _name = "report.itss_hr_skills.skill_matrix_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Skill Matrix XLSX"

    def _matrix_rows(self, employees):
        """All matrix rows of the employees in one query, as plain tuples."""
        Matrix = self.env["itss.skill.matrix"]
        rows = Matrix.search_fetch(
            [("employee_id", "in", employees.ids)],
            ["employee_id", "skill_id", "skill_type_id", "skill_level_id", "required_level_id", "gap"],
            order="employee_id, skill_type_id, skill_id",
        )
        return rows

    def generate_xlsx_report(self, workbook, data, employees):
        env = self.env
        header = workbook.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True})
        gap_format = workbook.add_format({"bg_color": "#F8CBAD"})
        rows = self._matrix_rows(employees)
        skills = rows.skill_id.sorted(lambda s: (s.skill_type_id.name or "", s.name or ""))
        column = {skill.id: index for index, skill in enumerate(skills, start=3)}
        line = {employee.id: index for index, employee in enumerate(employees.sorted("name"), start=1)}

        matrix = workbook.add_worksheet(env._("Skill Matrix"))
        matrix.freeze_panes(1, 3)
        matrix.set_column(0, 0, 24)
        matrix.set_column(1, 2, 18)
        for col, title in enumerate((env._("Employee"), env._("Post"), env._("Department"))):
            matrix.write(0, col, title, header)
        for skill in skills:
            matrix.write(0, column[skill.id], skill.name, header)
        for employee in employees:
            row = line[employee.id]
            matrix.write(row, 0, employee.name)
            matrix.write(row, 1, employee.job_id.name or "")
            matrix.write(row, 2, employee.department_id.name or "")
        level_names = {level.id: level.name for level in rows.skill_level_id | rows.required_level_id}
        gaps = []
        for record in rows:
            level = level_names.get(record.skill_level_id.id, "")
            if record.gap:
                matrix.write(line[record.employee_id.id], column[record.skill_id.id], level or "—", gap_format)
                gaps.append(record)
            elif level:
                matrix.write(line[record.employee_id.id], column[record.skill_id.id], level)

        sheet = workbook.add_worksheet(env._("Gaps"))
        sheet.freeze_panes(1, 0)
        titles = (env._("Employee"), env._("Post"), env._("Skill Type"), env._("Skill"),
                  env._("Current Level"), env._("Required Level"), env._("Gap (%)"))
        for col, title in enumerate(titles):
            sheet.write(0, col, title, header)
            sheet.set_column(col, col, 20)
        for index, record in enumerate(gaps, start=1):
            sheet.write_row(index, 0, (
                record.employee_id.name, record.employee_id.job_id.name or "", record.skill_type_id.name,
                record.skill_id.name, level_names.get(record.skill_level_id.id, ""),
                level_names.get(record.required_level_id.id, ""), record.gap,
            ))
