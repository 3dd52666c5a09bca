# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import test_bad_input
from . import test_flow
from . import test_purchase_plan
from . import test_roles
from . import test_spare_check
from . import test_spare_kpis
from . import test_spare_reports
from . import test_supplier_evaluation
from . import test_virtual
from . import test_readiness_spares
