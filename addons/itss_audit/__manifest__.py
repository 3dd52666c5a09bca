# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ITSS O&M Audit",
    "summary": "ITSS management system: GB/T 28827.1 clause library and function allocation table, "
    "controlled documents, internal audit programme and checklists, nonconformities to verified actions, "
    "management reviews fed from live data",
    "version": "19.0.1.3.0",
    "category": "ITSS",
    "author": "ITSS O&M suite contributors",
    "license": "AGPL-3",
    "depends": [
        "itss_capability", "mgmtsystem_audit", "mgmtsystem_review", "mgmtsystem_nonconformity",
        "mgmtsystem_action", "document_page", "report_xlsx",
    ],
    "data": [
        "security/itss_audit_security.xml",
        "security/ir.model.access.csv",
        "security/itss_audit_rules.xml",
        "data/itss_standard_clause_data.xml",
        "data/ir_cron_data.xml",
        "views/itss_standard_clause_views.xml",
        "views/itss_clause_allocation_views.xml",
        "views/itss_audit_programme_views.xml",
        "views/mgmtsystem_audit_views.xml",
        "views/mgmtsystem_nonconformity_views.xml",
        "views/mgmtsystem_review_views.xml",
        "views/itss_process_check_views.xml",
        "views/itss_improvement_views.xml",
        "views/itss_process_views.xml",
        "views/document_page_views.xml",
        "report/itss_audit_reports.xml",
        "views/itss_audit_menus.xml",
    ],
    "demo": ["demo/mgmtsystem_upstream_demo.xml", "demo/itss_audit_demo.xml", "demo/res_users_demo.xml",
             "demo/itss_readiness_demo.xml"],
}
