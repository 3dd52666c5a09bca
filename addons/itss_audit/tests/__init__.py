# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import (
    test_audit_flow,
    test_department_access,
    test_documents,
    test_process_check,
    test_readiness_audit,
    test_reports,
    test_roles,
)
