# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Suite-level test: every window action of the suite loads its views and their measures."""

from lxml import etree

from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestViewsLoad(TransactionCase):
    def test_actions_views_and_measures(self):
        """Each ITSS action's views load, and graph/pivot measures aggregate as the client asks."""
        actions = self.env["ir.actions.act_window"].search([])
        xmlids = actions.get_external_id()
        ours = actions.filtered(lambda a: xmlids[a.id].startswith("itss_"))
        self.assertTrue(ours)
        for action in ours:
            Model = self.env[action.res_model]
            for mode in action.view_mode.split(","):
                with self.subTest(action=xmlids[action.id], mode=mode):
                    views = Model.get_views([(False, mode)])
                    if mode not in ("graph", "pivot"):
                        continue
                    arch = etree.fromstring(views["views"][mode]["arch"])
                    measures = [f.get("name") for f in arch.iterfind(".//field[@type='measure']")]
                    aggregates = ["__count"] + [f"{name}:{Model._fields[name].aggregator}" for name in measures]
                    Model.formatted_read_group([], [], aggregates)
