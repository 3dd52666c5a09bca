# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import (
    document_page,
    itss_audit_programme,
    itss_capability_plan,
    itss_clause_allocation,
    itss_element,
    itss_improvement,
    itss_process,
    itss_process_check,
    itss_process_check_line,
    itss_readiness_item,
    itss_review_decision,
    itss_standard_clause,
    mgmtsystem_action,
    mgmtsystem_audit,
    mgmtsystem_nonconformity,
    mgmtsystem_nonconformity_stage,
    mgmtsystem_review,
    mgmtsystem_verification_line,
    res_company,
)
