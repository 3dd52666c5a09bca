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
        "security/itss_change_security.xml",
        "security/ir.model.access.csv",
        "security/itss_change_rules.xml",
        "security/itss_service_desk_rules.xml",
        "data/itss_change_request_data.xml",
        "data/itss_priority_matrix_data.xml",
        "views/helpdesk_ticket_views.xml",
        "views/itss_priority_matrix_views.xml",
        "views/itss_ticket_dispatch_views.xml",
        "views/itss_onsite_visit_views.xml",
        "views/itss_return_visit_views.xml",
        "views/itss_change_request_views.xml",
        "views/itss_release_views.xml",
        "views/itss_security_event_views.xml",
        "views/itss_service_desk_menus.xml",
    ],
    "demo": [
        "demo/itss_service_desk_demo.xml",
        "demo/itss_change_demo.xml",
    ],
}
