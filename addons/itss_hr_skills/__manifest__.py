# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ITSS O&M People",
    "summary": "ITSS people element on Odoo HR skills: posts, "
    "grades, skills, certifications, training, on-site assignments, reserve rate",
    "version": "19.0.1.1.0",
    "category": "ITSS",
    "author": "ITSS O&M suite contributors",
    "license": "AGPL-3",
    "depends": ["itss_capability", "hr_skills", "hr_course"],
    "data": [
        "security/itss_hr_skills_security.xml",
        "security/ir.model.access.csv",
        "security/itss_hr_skills_rules.xml",
        "data/itss_engineer_grade_data.xml",
        "data/itss_kpi_data.xml",
        "data/ir_cron_data.xml",
        "views/itss_engineer_grade_views.xml",
        "views/hr_job_views.xml",
        "views/hr_employee_views.xml",
        "views/hr_employee_skill_views.xml",
        "views/hr_resume_line_views.xml",
        "views/itss_onsite_assignment_views.xml",
        "views/itss_training_plan_views.xml",
        "views/hr_course_views.xml",
        "views/hr_course_schedule_views.xml",
        "views/hr_course_attendee_views.xml",
        "report/hr_employee_experience_reports.xml",
        "views/itss_hr_skills_menus.xml",
    ],
    "demo": ["demo/itss_hr_skills_demo.xml"],
}
