# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import itss_change_request
from . import itss_release
from . import itss_security_event
from . import itss_cache_clear_mixin
from . import itss_priority_matrix
from . import helpdesk_ticket
from . import itss_ticket_dispatch
from . import itss_onsite_visit
from . import itss_onsite_visit_part
from . import itss_return_visit
from . import itss_problem
from . import itss_knowledge_category
from . import itss_knowledge_article
from . import itss_ci_type
from . import itss_ci_attribute
from . import itss_ci_relation
from . import maintenance_equipment
from . import itss_config_audit
from . import itss_config_audit_line
from . import itss_ticket_stage_period
from . import helpdesk_sla
from . import helpdesk_ticket_sla
from . import itss_kpi
from . import itss_service_month
from . import itss_sla_assessment
from . import itss_sla_assessment_line
from . import itss_sla_assessment_miss
from . import itss_service_project
from . import itss_service_report
from . import itss_service_report_trend
from . import resource_calendar
from . import resource_calendar_attendance
from . import resource_calendar_leaves
