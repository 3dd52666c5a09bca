# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.itss_capability.tests.common import ItssCase


@tagged("post_install", "-at_install")
class TestProblem(ItssCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls.env["helpdesk.ticket"].create({
            "name": "HIS slow at 9:00", "description": "<p>Slow logins</p>",
        })
        cls.problem = cls.env["itss.problem"].create({
            "name": "HIS database lock contention",
            "project_id": cls.project.id,
            "incident_ids": [(6, 0, cls.ticket.ids)],
            "date_opened": datetime(2026, 1, 1, 8, 0),
        })

    def test_lifecycle_and_resolution_time(self):
        """A problem goes new → investigating → known error → resolved → closed and stores its time."""
        problem = self.problem.with_user(self.engineer)
        problem.action_investigate()
        problem.write({"root_cause": "Missing index", "workaround": "Restart the pool"})
        problem.action_known_error()
        self.assertTrue(problem.known_error)
        problem.resolution = "Index added"
        problem.action_resolve()
        problem.sudo().date_resolved = datetime(2026, 1, 3, 20, 0)  # back-dated for the figure
        self.assertAlmostEqual(problem.resolution_days, 2.5)
        self.assertEqual(problem.is_resolved, 1)
        problem.action_close()
        self.assertEqual(problem.state, "closed")
        self.assertEqual(problem.incident_count, 1)

    def test_known_error_needs_cause_and_workaround(self):
        """A problem without root cause and workaround cannot become a known error."""
        with self.assertRefused(UserError, "root cause and a workaround"):
            self.problem.action_known_error()

    def test_resolve_needs_resolution(self):
        """Resolving without a resolution is refused, and closing is only possible once resolved."""
        with self.assertRefused(UserError, "needs a resolution"):
            self.problem.action_resolve()
        with self.assertRefused(UserError, "cannot be closed"):
            self.problem.action_close()

    def test_statistics_grouped(self):
        """Resolution rate and mean resolution time come from one grouped read per project."""
        other = self.problem.copy({"name": "Open one"})
        self.problem.write({"resolution": "Fixed"})
        self.problem.action_resolve()
        self.problem.date_resolved = datetime(2026, 1, 2, 8, 0)
        stats = self.env["itss.problem"]._problem_statistics([("id", "in", (self.problem | other).ids)])
        rate, mean = stats[self.project]
        self.assertAlmostEqual(rate, 50.0)
        self.assertAlmostEqual(mean, 1.0)

    def test_roles(self):
        """QA and executives read problems but cannot write them; engineers create them."""
        self.env["itss.problem"].with_user(self.engineer).create({"name": "Engineer's problem"})
        self.assertEqual(self.problem.with_user(self.qa).name, "HIS database lock contention")
        self.assertEqual(self.problem.with_user(self.executive).name, "HIS database lock contention")
        with self.assertRaises(AccessError):
            self.problem.with_user(self.executive).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["itss.problem"].with_user(self.qa).create({"name": "x"})

    def test_multi_company(self):
        """A problem of another company is invisible to users of this company."""
        other_company = self.env["res.company"].create({"name": "T other O&M company"})
        foreign = self.env["itss.problem"].create({"name": "Foreign problem", "company_id": other_company.id})
        visible = self.env["itss.problem"].with_user(self.manager).search([("id", "in", (foreign | self.problem).ids)])
        self.assertEqual(visible, self.problem)
