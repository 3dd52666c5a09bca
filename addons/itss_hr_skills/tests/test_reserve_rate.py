# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestReserveRate(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_manager = new_test_user(cls.env, "rr_hr", groups="hr.group_hr_manager")
        cls.job = cls.env["hr.job"].create({"name": "Network Engineer", "headcount_needed": 10})
        cls.other_job = cls.env["hr.job"].create({"name": "Junior Engineer (reserve)"})

    def _staff(self, holders, reserve):
        Employee = self.env["hr.employee"]
        Employee.create([{"name": f"Holder {n}", "job_id": self.job.id} for n in range(holders)])
        Employee.create([{
            "name": f"Reserve {n}", "job_id": self.other_job.id, "reserve_status": "reserve",
            "reserve_mode": "pool", "reserve_job_id": self.job.id,
        } for n in range(reserve)])

    def test_surplus(self):
        """N = 10, H = 10, V = 2 → R = 2, rate 16.7 %."""
        self._staff(10, 2)
        self.assertEqual((self.job.holder_count, self.job.reserve_member_count), (10, 2))
        self.assertEqual(self.job.reserve_headcount, 2)
        self.assertAlmostEqual(self.job.reserve_rate, 16.67)
        self.assertEqual(self.job.reserve_rate_display, "16.7 %")

    def test_exact(self):
        """N = 10, H = 10, V = 0 → R = 0, rate 0 %."""
        self._staff(10, 0)
        self.assertEqual((self.job.reserve_headcount, self.job.reserve_rate), (0, 0))
        self.assertTrue(self.job.has_reserve_rate)

    def test_shortfall(self):
        """N = 10, H = 8, V = 0 → R = −2, rate −25 %; one reserve member → −11.1 %."""
        self._staff(8, 0)
        self.assertEqual((self.job.reserve_headcount, self.job.reserve_rate), (-2, -25))
        self._staff(0, 1)
        self.assertEqual(self.job.reserve_headcount, -1)
        self.assertAlmostEqual(self.job.reserve_rate, -11.11)

    def test_zero_need_and_no_staff(self):
        """A post without staff has no rate ("n/a"); with zero need everyone counts as reserve."""
        self.assertFalse(self.job.has_reserve_rate)
        self.assertEqual(self.job.reserve_rate_display, "n/a")
        self.job.headcount_needed = 0
        self._staff(2, 0)
        self.assertEqual((self.job.reserve_headcount, self.job.reserve_rate), (2, 100))

    def test_archived_and_left_reserve_stop_counting(self):
        """Archived holders and engineers taken out of reserve stop counting."""
        self._staff(10, 2)
        holder = self.env["hr.employee"].search([("job_id", "=", self.job.id)], limit=1)
        holder.action_archive()
        reserve = self.env["hr.employee"].search([("reserve_job_id", "=", self.job.id)], limit=1)
        reserve.reserve_status = "none"
        self.assertEqual((self.job.holder_count, self.job.reserve_member_count), (9, 1))

    def test_bad_input(self):
        """A negative needed headcount and a reserve member without post or mode are refused."""
        with self.assertRaises(ValidationError):
            self.job.headcount_needed = -1
        with self.assertRaises(ValidationError):
            self.env["hr.employee"].create({"name": "X", "reserve_status": "reserve"})

    def test_kpi_providers(self):
        """The reserve-rate and post-backup KPIs are computed from the posts' figures."""
        self.env["hr.job"].search([("id", "not in", self.job.ids)]).write({"headcount_needed": 0})
        self._staff(10, 2)
        kpi = self.env["itss.kpi"].new({"name": "x", "code": "x"})
        self.assertEqual(kpi._itss_kpi_provider_reserve_rate(None, None), {False: 16.67})
        self.assertEqual(kpi._itss_kpi_provider_post_backup(None, None), {False: 100.0})
