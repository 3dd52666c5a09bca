# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import math
from datetime import date
from unittest.mock import patch

from odoo.tests import tagged

from .common import ItssCase


@tagged("post_install", "-at_install")
class TestKpiBaseline(ItssCase):
    def test_baseline_equals_hand_computed_example(self):
        """Baseline of 90, 92, 94, 96, 98: mean 94, sample σ √10, limits 94 ± 3√10."""
        self.add_values(self.kpi_org, [90, 92, 94, 96, 98])
        baseline = self.kpi_org.baseline_ids
        self.assertEqual(len(baseline), 1)
        self.assertFalse(baseline.project_id)
        self.assertEqual(baseline.period_count, 5)
        self.assertAlmostEqual(baseline.mean, 94.0, places=4)
        self.assertAlmostEqual(baseline.stddev, math.sqrt(10), places=4)
        self.assertAlmostEqual(baseline.lcl, 94 - 3 * math.sqrt(10), places=4)
        self.assertAlmostEqual(baseline.ucl, 94 + 3 * math.sqrt(10), places=4)
        self.assertEqual(baseline.date_last, date(2025, 5, 1))

    def test_baseline_uses_latest_n_periods(self):
        """Only the latest ``baseline_periods`` values count: older ones drop out of the window."""
        self.add_values(self.kpi_org, [10, 10, 90, 92, 94, 96, 98])
        self.assertAlmostEqual(self.kpi_org.baseline_ids.mean, 94.0, places=4)
        self.kpi_org.baseline_periods = 7
        self.assertAlmostEqual(self.kpi_org.baseline_ids.mean, 490 / 7, places=4)

    def test_value_outside_control_limits_alerts_owner(self):
        """A value outside mean ± 3σ of the previous periods is flagged and its owner gets an activity."""
        values = self.add_values(self.kpi_org, [96, 97, 96, 97, 96, 99.9])
        last = values[-1]
        # previous five: mean 96.4, σ = √0.3 → ucl 96.4 + 3·0.5477 = 98.04
        self.assertAlmostEqual(last.control_ucl, 96.4 + 3 * math.sqrt(0.3), places=2)
        self.assertTrue(last.out_of_control)
        self.assertEqual(last.status, "met")
        self.assertFalse(values[:-1].filtered("out_of_control"))
        activity = last.activity_ids
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn("control limits", activity.summary)

    def test_missed_target_alerts_once(self):
        """A value missing its target gets one activity for the KPI owner, not one per edit."""
        value = self.add_values(self.kpi_org, [80])
        self.assertEqual(value.status, "missed")
        self.assertEqual(len(value.activity_ids), 1)
        value.value = 81
        self.assertEqual(len(value.activity_ids), 1)
        value.value = 99
        self.assertEqual(value.status, "met")

    def test_owner_told_once_for_many_alerts(self):
        """Values missing their target together give one to-do each and one message listing them to the owner."""
        before = self.env["mail.message"].search_count([("partner_ids", "in", self.manager.partner_id.ids)])
        values = self.add_values(self.kpi_org, [80, 81, 82])
        self.assertEqual(values.activity_ids.mapped("user_id"), self.manager)
        self.assertEqual(len(values.activity_ids), 3)
        self.assertEqual(set(values.activity_ids.mapped("date_deadline")), {self.env.company._itss_today()})
        messages = self.env["mail.message"].search([("partner_ids", "in", self.manager.partner_id.ids)])
        self.assertEqual(len(messages) - before, 1)
        self.assertEqual(messages[:1].subject, "3 KPI values need your attention")
        for value in values:
            self.assertIn(f"/odoo/itss.kpi.value/{value.id}", messages[:1].body)

    def test_alert_in_the_owner_language(self):
        """The owner's to-do and message are written in the owner's language, whoever computed the value."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.manager.lang = "zh_CN"
        value = self.add_values(self.kpi_org, [80])
        self.assertIn("未达", value.activity_ids.summary)
        message = self.env["mail.message"].search([("partner_ids", "in", self.manager.partner_id.ids)], limit=1)
        self.assertEqual(message.subject, "1 个 KPI 值需要您关注")

    def test_lower_is_better_direction(self):
        """For a lower-is-better KPI a value above the target misses it."""
        kpi = self.env["itss.kpi"].create({
            "name": "Test MTTR", "code": "T_MTTR", "process_id": self.process_incident.id,
            "value_type": "number", "unit": "h", "direction": "lower", "target": 8,
        })
        ok, late = self.add_values(kpi, [7.5, 9])
        self.assertEqual((ok.status, late.status), ("met", "missed"))

    def test_project_baselines_are_per_project(self):
        """Project-level KPIs keep one baseline per service project."""
        other = self.project.copy({"name": "Second project"})
        self.add_values(self.kpi_project, [95, 96, 97], project=self.project)
        self.add_values(self.kpi_project, [80, 82], project=other)
        baselines = self.kpi_project.baseline_ids
        self.assertEqual(baselines.project_id, self.project | other)
        self.assertAlmostEqual(baselines.filtered(lambda b: b.project_id == other).mean, 81, places=4)

    def test_delete_values_refreshes_baseline(self):
        """Deleting values recomputes the baseline; deleting the whole series removes it."""
        values = self.add_values(self.kpi_org, [90, 92, 94, 96, 98])
        values[-1].unlink()
        self.assertAlmostEqual(self.kpi_org.baseline_ids.mean, 93.0, places=4)
        (values - values[-1]).unlink()
        self.assertFalse(self.kpi_org.baseline_ids)

    def test_period_end_defaults_to_kpi_period(self):
        """The period end defaults to the end of the KPI's month, quarter or year."""
        month = self.add_values(self.kpi_org, [95])
        self.assertEqual(month.date_to, date(2025, 1, 31))
        self.kpi_org.period = "quarter"
        quarter = self.env["itss.kpi.value"].create(
            {"kpi_id": self.kpi_org.id, "date_from": "2025-04-01", "value": 95}
        )
        self.assertEqual(quarter.date_to, date(2025, 6, 30))

    def test_provider_computes_kpi_achievement(self):
        """The built-in provider stores the share of on-target values of the period."""
        self.add_values(self.kpi_org, [96], year=2024)
        self.add_values(self.kpi_project, [95], year=2024, project=self.project)
        self.add_values(self.kpi_project, [50], year=2024, project=self.project.copy({"name": "P2"}))
        kpi = self.env["itss.kpi"].create({
            "name": "Test achievement", "code": "T_ACH", "target": 90,
            "provider": "kpi_target_achievement",
        })
        created = kpi._compute_provider_values(date(2024, 1, 1), date(2024, 1, 31))
        self.assertEqual(created.source, "provider")
        self.assertAlmostEqual(created.value, 66.67, places=2)
        self.assertEqual(created.status, "missed")
        again = kpi._compute_provider_values(date(2024, 1, 1), date(2024, 1, 31))
        self.assertFalse(again, "recomputing a period updates its value instead of duplicating it")
        self.assertEqual(kpi.value_count, 1)

    def test_breach_raises_improvement(self):
        """A missed KPI value raises an improvement measure (source KPI breach) in one click."""
        value = self.add_values(self.kpi_org, [80])
        action = value.with_user(self.manager).action_create_improvement()
        improvement = self.env["itss.improvement"].browse(action["res_id"])
        self.assertEqual((improvement.source, improvement.kpi_value_id, improvement.owner_id),
                         ("kpi_breach", value, self.manager))


@tagged("post_install", "-at_install")
class TestKpiProviderBatch(ItssCase):
    """A provider's values are stored in batches: the queries do not grow with the number of values."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.projects = cls.env["itss.service.project"].browse([
            cls.make_project(f"Batch project {index}", f"Batch customer {index}").id for index in range(24)])
        cls.kpi_batch = cls.env["itss.kpi"].create({
            "name": "Test batch satisfaction", "code": "T_BATCH", "level": "project", "value_type": "number",
            "direction": "higher", "target": 0.0, "provider": "customer_satisfaction",
        })

    def compute(self, kpi, scores):
        """Run the provider with the given {project id: value} results; return (values created, queries)."""
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        with patch.object(type(kpi), "_itss_kpi_provider_customer_satisfaction", lambda _self, *_a: scores):
            created = kpi._compute_provider_values(date(2024, 3, 1), date(2024, 3, 31))
            self.env.flush_all()
        return created, self.env.cr.sql_log_count - before

    def test_recompute_queries_bounded(self):
        """Creating, then rewriting with new figures, 6 or 24 project values issues as many queries."""
        counts = {}
        for size in (6, 24):
            kpi = self.kpi_batch.copy({"code": f"T_BATCH_{size}"})
            projects = self.projects[:size]
            created, counts[size, "create"] = self.compute(kpi, {p.id: 1.0 + index for index, p in enumerate(projects)})
            self.assertEqual(len(created), size)
            created, counts[size, "write"] = self.compute(kpi, {p.id: 2.5 + index for index, p in enumerate(projects)})
            self.assertFalse(created)
            self.assertEqual(kpi.value_ids.sorted(lambda v: v.project_id.id).mapped("value"),
                             [2.5 + index for index in range(size)])
            _created, counts[size, "same"] = self.compute(
                kpi, {p.id: 2.5 + index for index, p in enumerate(projects)})
        for step in ("create", "write", "same"):
            self.assertLessEqual(counts[24, step], counts[6, step] + 2, f"{step}: {counts}")
        self.assertLess(counts[24, "same"], counts[24, "write"], "unchanged values are not written again")

    def test_client_context_cannot_put_off_control(self):
        """A user's write asking (by context) to put the control refresh off still refreshes the limits."""
        last = self.add_values(self.kpi_org, [96, 97, 96, 97, 96, 97])[-1]
        self.assertFalse(last.out_of_control)
        last.with_user(self.manager).with_context(itss_control_later=True).write({"value": 99.9})
        self.assertTrue(last.out_of_control)
