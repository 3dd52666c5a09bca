# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import itss_spare_category
from . import product_template
from . import product_product
from . import product_supplierinfo
from . import stock_warehouse
from . import stock_picking
from . import stock_scrap
from . import res_company
from . import res_config_settings
from . import itss_spare_backup_agreement
from . import itss_spare_request
from . import itss_spare_availability
from . import itss_onsite_visit
from . import itss_onsite_visit_part
from . import maintenance_equipment
from . import helpdesk_ticket
