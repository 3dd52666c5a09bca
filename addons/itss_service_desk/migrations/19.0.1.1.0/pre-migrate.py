# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service report mail is now written in English and translated: reload it once on upgrade.

Its data file is noupdate; clearing the flag of this one record lets the update rewrite it (the
loader sets the flag again), and the zh_CN translation loaded afterwards gives Chinese customers
the Chinese text.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_model_data SET noupdate = false
         WHERE module = 'itss_service_desk' AND name = 'mail_template_service_report'
        """
    )
