# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import common
from . import test_catalog
from . import test_kpi_baseline
from . import test_kpi_validation
from . import test_kpi_access
from . import test_capability_plan
from . import test_plan_reports
from . import test_customer_visit
from . import test_rd_topic
from . import test_tool
from . import test_service_catalog
from . import test_evidence_pack
