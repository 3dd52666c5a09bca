# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ITSS O&M Audit",
    "summary": "ITSS internal audits, management reviews and findings on OCA management system, "
    "with PDF/XLSX audit reports",
    "version": "19.0.1.0.0",
    "category": "ITSS",
    "author": "ITSS O&M suite contributors",
    "license": "AGPL-3",
    "depends": ["itss_capability", "mgmtsystem_audit", "mgmtsystem_review", "report_xlsx"],
    "data": [
        "security/itss_audit_security.xml",
        "security/ir.model.access.csv",
        "views/itss_audit_menus.xml",
    ],
}
