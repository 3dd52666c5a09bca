# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ITSS O&M People",
    "summary": "ITSS people element on Odoo HR skills: posts, "
    "grades, skills, certifications, assessments, reserve rate",
    "version": "19.0.1.1.0",
    "category": "ITSS",
    "author": "ITSS O&M suite contributors",
    "license": "AGPL-3",
    "depends": ["itss_capability", "hr_skills", "report_xlsx"],
    "data": [
        "security/itss_hr_skills_security.xml",
        "security/ir.model.access.csv",
        "security/itss_hr_skills_rules.xml",
        "data/itss_engineer_grade_data.xml",
        "data/itss_kpi_data.xml",
        "views/itss_engineer_grade_views.xml",
        "views/hr_job_views.xml",
        "views/hr_employee_views.xml",
        "views/itss_skill_matrix_views.xml",
        "views/itss_hr_plan_views.xml",
        "report/itss_hr_skills_reports.xml",
        "views/itss_evaluation_criterion_views.xml",
        "views/itss_skill_evaluation_views.xml",
        "views/itss_appraisal_template_views.xml",
        "views/itss_performance_appraisal_views.xml",
        "views/itss_appraisal_report_views.xml",
        "wizards/itss_appraisal_batch_views.xml",
        "views/itss_hr_skills_menus.xml",
    ],
    "demo": [
        "demo/itss_hr_skills_demo.xml",
        "demo/itss_appraisal_demo.xml",
    ],
}
