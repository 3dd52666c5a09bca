# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ITSS O&M Spare Parts",
    "summary": "ITSS spare-parts library (备件库) on Odoo Inventory: catalog, physical and virtual "
    "libraries, availability, spare requests from the ticket to the customer site and back",
    "version": "19.0.1.1.0",
    "category": "ITSS",
    "author": "ITSS O&M suite contributors",
    "license": "AGPL-3",
    "depends": ["itss_capability", "itss_service_desk", "stock", "report_xlsx", "mail"],
    "data": [
        "security/itss_spares_security.xml",
        "security/ir.model.access.csv",
        "security/itss_spares_rules.xml",
        "data/itss_spare_request_data.xml",
        "views/product_template_views.xml",
        "views/itss_spare_category_views.xml",
        "views/stock_warehouse_views.xml",
        "views/itss_spare_backup_agreement_views.xml",
        "views/itss_spare_availability_views.xml",
        "views/itss_spare_request_views.xml",
        "views/itss_spare_wizard_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/itss_onsite_visit_views.xml",
        "views/maintenance_equipment_views.xml",
        "views/stock_scrap_views.xml",
        "views/res_config_settings_views.xml",
        "views/itss_spares_menus.xml",
    ],
    "demo": [
        "demo/itss_spares_demo.xml",
    ],
}
