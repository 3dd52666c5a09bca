# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""helpdesk's star priority now follows the ITSS priority: align the tickets that existed before."""

from odoo.addons.itss_service_desk.models.helpdesk_ticket import HELPDESK_PRIORITY


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE helpdesk_ticket
           SET priority = CASE itss_priority
                              WHEN 'P1' THEN %(P1)s WHEN 'P2' THEN %(P2)s
                              WHEN 'P3' THEN %(P3)s WHEN 'P4' THEN %(P4)s END
         WHERE itss_priority IS NOT NULL
           AND priority IS DISTINCT FROM CASE itss_priority
                              WHEN 'P1' THEN %(P1)s WHEN 'P2' THEN %(P2)s
                              WHEN 'P3' THEN %(P3)s WHEN 'P4' THEN %(P4)s END
        """,
        HELPDESK_PRIORITY,
    )
