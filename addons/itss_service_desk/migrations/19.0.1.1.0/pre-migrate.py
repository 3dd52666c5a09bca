# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service report mail is now written in English and translated: replace the old one once.

Its data file is noupdate, and Odoo never rewrites an existing noupdate record, so the old
template (Chinese in its source) is removed here; the update then creates it again from the data
file, and the zh_CN translation loaded afterwards gives Chinese customers the Chinese text.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        DELETE FROM mail_template
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'itss_service_desk' AND name = 'mail_template_service_report')
        """
    )
    cr.execute(
        "DELETE FROM ir_model_data WHERE module = 'itss_service_desk' AND name = 'mail_template_service_report'"
    )
