# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.itss_capability.tests.common import ItssBaseCase


@tagged("post_install", "-at_install")
class TestSparesRoles(ItssBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users("sp", "manager", "engineer")

    def test_manager_reads_spare_stock(self):
        """An O&M manager is an Inventory user and reads stock moves of the spare-parts library."""
        self.assertTrue(self.manager.has_group("stock.group_stock_user"))
        self.env["stock.picking"].with_user(self.manager).search([], limit=1)
        menu = self.env.ref("itss_spares.menu_itss_resources_spares")
        self.assertEqual(menu.parent_id, self.env.ref("itss_capability.menu_itss_resources"))

    def test_engineer_has_no_stock_rights_yet(self):
        """Engineers get no Inventory rights from the foundation; spare requests come later."""
        with self.assertRaises(AccessError):
            self.env["stock.picking"].with_user(self.engineer).search([], limit=1)
