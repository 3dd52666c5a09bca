# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import itss_xlsx_report
from . import itss_capability_plan_xlsx
from . import itss_evidence_pack_index
from . import itss_evidence_pack_index_xlsx
