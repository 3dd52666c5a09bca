# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ITSS O&M Capability",
    "summary": "ITSS (GB/T 28827) O&M service capability backbone: four elements, "
    "eight processes, service projects, KPI framework with baselines",
    "version": "19.0.1.0.0",
    "category": "ITSS",
    "author": "ITSS O&M suite contributors",
    "license": "AGPL-3",
    "application": True,
    "depends": ["mail", "hr"],
    "data": [
        "security/itss_security.xml",
        "security/ir.model.access.csv",
        "security/itss_rules.xml",
        "data/itss_element_data.xml",
        "data/itss_process_data.xml",
        "data/itss_kpi_data.xml",
        "data/ir_cron_data.xml",
        "views/itss_element_views.xml",
        "views/itss_process_views.xml",
        "views/itss_service_project_views.xml",
        "views/itss_kpi_views.xml",
        "views/itss_kpi_value_views.xml",
        "views/itss_kpi_baseline_views.xml",
        "views/itss_menus.xml",
    ],
    "demo": [
        "demo/itss_demo_users.xml",
        "demo/itss_service_project_demo.xml",
        "demo/itss_kpi_value_demo.xml",
    ],
}
