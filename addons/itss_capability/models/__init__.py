# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import itss_element
from . import itss_process
from . import itss_service_project
from . import itss_kpi
from . import itss_kpi_value
from . import itss_kpi_baseline
