# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the suite-level tests walk: the suite's models, its roles, and the role × model table."""

import csv
import os

MATRIX_FILE = os.path.join(os.path.dirname(__file__), "role_matrix.csv")
OPERATIONS = ("read", "write", "create", "unlink")
# The roles of README.md's role table, by the groups the suite gives them.
ROLES = {
    "engineer": "itss_capability.group_itss_user",
    "manager": "itss_capability.group_itss_manager",
    "qa": "itss_capability.group_itss_qa",
    "executive": "itss_capability.group_itss_executive",
    "approver": "itss_capability.group_itss_user,itss_service_desk.group_itss_change_approver",
    "portal": "base.group_portal",
}
# Models of the suite's upstream modules that the suite extends and whose company rule it relies on.
EXTENDED_MODELS = {
    "helpdesk.ticket", "helpdesk.ticket.sla", "helpdesk.sla", "maintenance.equipment", "hr.job",
    "hr.employee", "mgmtsystem.audit", "mgmtsystem.review", "mgmtsystem.nonconformity", "mgmtsystem.action",
    "mgmtsystem.verification.line", "document.page",
}


def suite_models(env):
    """The stored models of the suite (itss.*) and the upstream ones it extends."""
    names = [name for name in env.registry if name.startswith("itss.") or name in EXTENDED_MODELS]
    return sorted(
        name for name in names
        if not env[name]._abstract and not env[name]._transient and env[name]._auto
    )


def load_matrix():
    """{model: {role: "rwcu" letters}} from role_matrix.csv."""
    with open(MATRIX_FILE, encoding="utf-8") as handle:
        return {
            row["model"]: {role: row[role].replace("-", "") for role in ROLES}
            for row in csv.DictReader(handle)
        }
