# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_cmdb
from . import test_config_audit
from . import test_knowledge
from . import test_problem
from . import test_roles
from . import test_change_request
from . import test_release
from . import test_security_event
from . import test_ticket_priority
from . import test_dispatch_visits
from . import test_service_desk_roles
from . import test_ticket_forms
from . import test_sla
from . import test_sla_cache
from . import test_cron_guard
from . import test_catalog_sla
from . import test_work_log
from . import test_work_report_cron
from . import test_kpi_service_level
from . import test_site_documents
from . import test_work_plan
from . import test_service_month
from . import test_service_month_jobs
from . import test_service_report
from . import test_portal
from . import test_portal_close
from . import test_record_guard
from . import test_sla_frozen
from . import test_periods_tz
from . import test_readiness_service_desk
from . import test_customer_signup
