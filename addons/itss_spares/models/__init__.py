# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

# Extensions of upstream models first: the SQL view of the stock overview reads their new columns.
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
from . import itss_kpi
from . import itss_spare_category
from . import itss_spare_check
from . import itss_spare_check_line
from . import itss_spare_purchase_plan
from . import itss_spare_purchase_plan_line
from . import itss_spare_stock_figures
from . import itss_spare_stock_overview
from . import itss_spare_supplier_evaluation
from . import itss_readiness_item
