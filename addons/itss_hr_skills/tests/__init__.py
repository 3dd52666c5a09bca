# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_roles
from . import test_reserve_rate
from . import test_skill_matrix
from . import test_skill_evaluation
from . import test_performance_appraisal
from . import test_appraisal_access
from . import test_appraisal_batch
from . import test_kpi_appraisal
from . import test_onsite_assignment
from . import test_onsite_life
from . import test_onsite_absence
from . import test_onsite_overview
from . import test_onsite_portal
from . import test_experience_record
from . import test_certification
from . import test_training
from . import test_record_guard
from . import test_company_rules
from . import test_appraisal_anonymity
from . import test_bad_input
from . import test_company_periods
from . import test_readiness_hr
