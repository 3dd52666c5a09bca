# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import new_test_user, tagged

from .common import PeopleCase


@tagged("post_install", "-at_install")
class TestAppraisalCompletionKpi(PeopleCase):
    def test_catalog_kpi(self):
        """The catalog holds the APPRAISAL_DONE KPI of the people element with its provider."""
        kpi = self.env.ref("itss_hr_skills.itss_kpi_appraisal_done")
        self.assertEqual((kpi.code, kpi.level, kpi.value_type, kpi.target, kpi.provider),
                         ("APPRAISAL_DONE", "organization", "percent", 100, "appraisal_completion"))
        self.assertEqual(kpi.element_id, self.env.ref("itss_capability.itss_element_people"))

    def test_completion_rate(self):
        """Share of the period's appraisals acknowledged or closed; nothing when the period has none."""
        kpi = self.env.ref("itss_hr_skills.itss_kpi_appraisal_done")
        self.assertEqual(kpi._itss_kpi_provider_appraisal_completion("2030-01-01", "2030-01-31"), {})
        done = self.make_appraisal(employee=self.engineer, start="2030-01-01")
        done.action_submit()
        done.with_user(self.engineer_user).action_acknowledge()
        submitted = self.make_appraisal(employee=self.engineer2, start="2030-01-01")
        submitted.action_submit()
        self.make_appraisal(employee=self.other, start="2030-01-01")
        self.make_appraisal(employee=self.other, start="2030-02-01")
        self.assertEqual(kpi._itss_kpi_provider_appraisal_completion("2030-01-01", "2030-01-31"), {False: 33.33})
        values = kpi._compute_provider_values("2030-01-01", "2030-01-31")
        self.assertEqual(values.value, 33.33)
        done.action_close()
        engineer2_user = new_test_user(self.env, "ev_engineer2", groups="base.group_user")
        self.engineer2.user_id = engineer2_user
        submitted.with_user(engineer2_user).action_acknowledge()
        self.assertEqual(kpi._itss_kpi_provider_appraisal_completion("2030-01-01", "2030-01-31"), {False: 66.67})
