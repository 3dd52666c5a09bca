# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ITSS O&M Service Desk",
    "summary": "ITSS processes on OCA helpdesk: incidents, SLAs, problems, "
    "CMDB, changes, releases, security events, service reports",
    "version": "19.0.1.0.0",
    "category": "ITSS",
    "author": "ITSS O&M suite contributors",
    "license": "AGPL-3",
    "depends": ["itss_capability", "helpdesk_mgmt_sla", "maintenance"],
    "data": [
        "security/itss_service_desk_security.xml",
        "security/ir.model.access.csv",
        "security/itss_problem_rules.xml",
        "data/itss_knowledge_data.xml",
        "views/itss_problem_views.xml",
        "views/itss_knowledge_category_views.xml",
        "views/itss_knowledge_article_views.xml",
        "views/itss_ci_type_views.xml",
        "views/itss_ci_relation_views.xml",
        "views/maintenance_equipment_views.xml",
        "views/itss_config_audit_views.xml",
        "views/itss_service_desk_menus.xml",
    ],
    "demo": [
        "demo/itss_cmdb_demo.xml",
        "demo/itss_problem_demo.xml",
    ],
}
