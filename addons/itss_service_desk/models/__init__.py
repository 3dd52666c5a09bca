# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import itss_change_request
from . import itss_release
from . import itss_security_event
from . import itss_priority_matrix
from . import helpdesk_ticket
from . import itss_ticket_dispatch
from . import itss_onsite_visit
from . import itss_return_visit
