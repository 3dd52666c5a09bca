# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from . import itss_engineer_grade
from . import hr_job
from . import itss_evaluation_criterion
from . import itss_skill_evaluation
from . import itss_skill_evaluation_line
from . import hr_employee
from . import itss_skill_matrix
from . import itss_hr_plan
from . import itss_hr_plan_line
from . import itss_appraisal_template
from . import itss_appraisal_template_line
from . import itss_performance_appraisal
from . import itss_performance_appraisal_line
from . import itss_appraisal_report
from . import hr_resume_line
from . import hr_employee_skill
from . import itss_onsite_assignment
from . import itss_onsite_assignment_mixin
from . import hr_course
from . import hr_course_schedule
from . import hr_course_attendee
from . import itss_training_plan
from . import itss_training_plan_line
from . import itss_kpi
from . import itss_onsite_shift
from . import itss_onsite_feedback
from . import itss_onsite_sanction
from . import itss_onsite_event
from . import itss_readiness_item
