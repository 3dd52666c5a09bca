# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Role × model × operation: what each role of the README may do to every model of the suite."""

from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from .common import OPERATIONS, ROLES, load_matrix, suite_models


@tagged("post_install", "-at_install")
class TestRoleMatrix(TransactionCase):
    """The access each role has on each model is exactly the one role_matrix.csv states."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {role: new_test_user(cls.env, f"matrix_{role}", groups=groups)
                     for role, groups in ROLES.items()}

    def rights(self, model, user):
        Access = self.env["ir.model.access"].with_user(user)
        return "".join(op[0] for op in OPERATIONS if Access.check(model, op, raise_exception=False))

    def test_matrix_matches_table(self):
        """Every role's read/write/create/unlink rights on every suite model equal the table."""
        expected = load_matrix()
        models = suite_models(self.env)
        self.assertFalse(set(models) - set(expected),
                         "models missing from tests/suite/role_matrix.csv: add a row for each")
        differences = []
        for model in models:
            for role, user in self.users.items():
                actual = self.rights(model, user)
                if actual != expected[model][role]:
                    differences.append(f"{model} {role}: expected {expected[model][role] or '-'}, got {actual or '-'}")
        self.assertFalse(differences, "\n".join(differences))

    def test_portal_reaches_only_portal_models(self):
        """Portal customers reach no model beyond the tickets, SLA targets and clocks, visits and reports."""
        portal_models = {model for model, rights in load_matrix().items() if rights["portal"]}
        self.assertLessEqual(portal_models, {
            "helpdesk.ticket", "helpdesk.ticket.sla", "helpdesk.sla", "itss.onsite.visit", "itss.onsite.visit.part",
            "itss.service.report", "itss.service.report.trend", "itss.service.project",
        })
