# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import itss_guard_mixin
from . import itss_job_mixin
from . import queue_job
from . import res_company
from . import itss_project_site_mixin
from . import itss_element
from . import itss_process
from . import itss_service_project
from . import itss_kpi
from . import itss_kpi_value
from . import itss_kpi_baseline
from . import itss_capability_plan
from . import itss_capability_plan_revision
from . import itss_plan_objective
from . import itss_plan_work_item
from . import itss_plan_execution
from . import itss_qa_check
from . import itss_qa_check_finding
from . import itss_improvement
from . import itss_indicator_investigation
from . import itss_annual_review
from . import itss_customer_visit
from . import itss_rd_topic
from . import itss_tool
from . import itss_tool_parameter
from . import itss_tool_usage
from . import itss_catalog_service
from . import itss_readiness_score
from . import itss_readiness_item
from . import itss_readiness_scorecard
from . import itss_readiness_result
from . import itss_readiness_result_part
from . import itss_evidence_pack
from . import itss_evidence_pack_line
