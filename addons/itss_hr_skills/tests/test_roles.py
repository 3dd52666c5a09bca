# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.itss_capability.tests.common import ItssBaseCase


@tagged("post_install", "-at_install")
class TestPeopleRoles(ItssBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users("hr_om", "manager", "engineer")
        cls.job = cls.env["hr.job"].create({"name": "Senior O&M Engineer"})

    def test_manager_maintains_posts(self):
        """O&M managers keep posts (job descriptions) together with HR."""
        self.job.with_user(self.manager).description = "<p>Leads major-incident handling.</p>"
        self.assertIn("major-incident", self.job.description)

    def test_engineer_reads_directory_not_posts(self):
        """Engineers read the employee directory but cannot change posts."""
        self.env["hr.employee.public"].with_user(self.engineer).search([], limit=1)
        with self.assertRaises(AccessError):
            self.job.with_user(self.engineer).name = "Changed"
