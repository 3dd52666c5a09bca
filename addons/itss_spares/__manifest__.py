# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ITSS O&M Spare Parts",
    "summary": "ITSS spare-parts library (备件库) on Odoo Inventory: physical and virtual spares, "
    "availability checks",
    "version": "19.0.1.1.0",
    "category": "ITSS",
    "author": "ITSS O&M suite contributors",
    "license": "AGPL-3",
    "depends": ["itss_capability", "itss_service_desk", "stock", "report_xlsx", "mail"],
    "data": [
        "security/itss_spares_security.xml",
        "security/ir.model.access.csv",
        "security/itss_spares_rules.xml",
        "security/itss_spares_health_rules.xml",
        "data/itss_spare_request_data.xml",
        "data/itss_spares_health_data.xml",
        "data/itss_kpi_data.xml",
        "views/itss_spare_check_views.xml",
        "views/itss_spare_purchase_plan_views.xml",
        "views/itss_spare_supplier_evaluation_views.xml",
        "views/itss_spare_stock_overview_views.xml",
        "views/res_config_settings_views.xml",
        "report/itss_spares_reports.xml",
        "views/itss_spares_menus.xml",
        "views/itss_spares_health_menus.xml",
    ],
}
