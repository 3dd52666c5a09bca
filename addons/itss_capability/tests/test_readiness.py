# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.itss_capability.models.itss_readiness_score import KNOWN_CLAUSES

from .common import ItssBaseCase, ItssTzCompanyMixin

QA = "itss_capability.group_itss_qa"
EXECUTIVE = "itss_capability.group_itss_executive"
YEAR_START, YEAR_END = date(2025, 1, 1), date(2025, 12, 31)
Q1_END = date(2025, 3, 31)


@tagged("post_install", "-at_install")
class TestReadiness(ItssTzCompanyMixin, ItssBaseCase):
    """The readiness scorecard on the records of a fresh company (Asia/Shanghai) built for 2025."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls._company("Readiness Proof O&M Co.")
        cls.empty = cls._company("Readiness Empty O&M Co.")
        cls.other = cls._company("Readiness Other O&M Co.")
        cls.qa = cls._user("rdy_qa", QA, cls.company)
        cls.executive = cls._user("rdy_executive", EXECUTIVE, cls.company)
        cls.engineer = cls._user("rdy_engineer", "itss_capability.group_itss_user", cls.company)
        cls.outsider = cls._user("rdy_outsider", f"{QA},{EXECUTIVE}", cls.other)
        cls._build_year(cls.company)
        cls.Item = cls.env["itss.readiness.item"]
        cls.items = {item.rule_code: item for item in cls.Item._itss_company_items(cls.company)}

    @classmethod
    def _user(cls, login, groups, company):
        return new_test_user(cls.env, login, groups=groups, company_id=company.id, company_ids=[(6, 0, company.ids)])

    @classmethod
    def _build_year(cls, company):
        """2025 of a company: plan, KPI values, QA checks, executions, visits, improvements, tools, R&D."""
        env = cls.env
        element = env.ref("itss_capability.itss_element_people")
        plan = env["itss.capability.plan"].create({"name": "Plan 2025", "year": 2025, "company_id": company.id})
        work_item = env["itss.plan.work.item"].create({
            "plan_id": plan.id, "name": "Reserve", "element_id": element.id})
        env["itss.plan.execution"].create([{
            "work_item_id": work_item.id, "date": date(2025, month, 10), "description": f"Execution {month}",
        } for month in range(1, 7)])
        plan.write({"state": "execution"})
        env["itss.qa.check"].create([{
            "name": f"QA check {month}", "plan_id": plan.id, "date": date(2025, month, 20),
            "conclusion": "conform", "state": "done",
        } for month in (1, 2, 4, 5)])
        kpi = env["itss.kpi"].create({"name": "Readiness test KPI", "code": "T_RDY", "company_id": company.id})
        env["itss.kpi.value"].create([{
            "kpi_id": kpi.id, "company_id": company.id, "date_from": date(2025, month, 1), "value": 90,
        } for month in range(1, 13)])
        env["itss.catalog.service"].create([
            {"name": f"Service {code}", "code": code, "company_id": company.id, "state": state}
            for code, state in (("S1", "published"), ("S2", "published"), ("S3", "draft"))])
        customer = env["res.partner"].create({"name": "Readiness customer", "is_company": True})
        env["itss.customer.visit"].create([{
            "name": f"Visit {month}", "partner_id": customer.id, "company_id": company.id,
            "date": date(2025, month, 10), "satisfaction": 4, "state": "done",
        } for month in (3, 6, 9, 12)])
        improvements = env["itss.improvement"].create([
            {"name": f"Improvement {month}", "company_id": company.id} for month in (2, 5, 8)])
        for improvement, month in zip(improvements, (2, 5, 8), strict=True):
            env.cr.execute("UPDATE itss_improvement SET create_date = %s WHERE id = %s",
                           (f"2025-{month:02d}-10 04:00:00", improvement.id))
        tool = env["itss.tool"].create({"name": "Monitor", "company_id": company.id, "state": "approved"})
        env["itss.tool"].create({"name": "Trial", "company_id": company.id})
        env["itss.tool.usage"].create([{
            "tool_id": tool.id, "date": date(2025, month, 5), "purpose": f"Use {month}",
        } for month in range(1, 7)])
        env["itss.rd.topic"].create([
            {"name": "AIOps", "year": 2025, "company_id": company.id, "state": "in_progress"},
            {"name": "Rejected", "year": 2025, "company_id": company.id, "state": "rejected"}])
        env.invalidate_all()

    def status(self, code, date_from=YEAR_START, date_to=YEAR_END, company=None):
        """The status of the company's item ``code`` evaluated over the dates."""
        items = self.Item._itss_company_items(company or self.company)
        item = items.filtered(lambda candidate: candidate.rule_code == code)
        parts, _note = item._itss_evaluate(date_from, date_to)[item]
        return self.Item._itss_ratio_status(parts)[1]

    def assertStatuses(self, code, present, partial, missing):
        """``present``, ``partial``, ``missing``: (date_from, date_to, company) of each case."""
        for expected, (date_from, date_to, company) in (
                ("present", present), ("partial", partial), ("missing", missing)):
            with self.subTest(code=code, expected=expected):
                self.assertEqual(self.status(code, date_from, date_to, company), expected)

    def card(self, company=None, year=2025):
        return self.env["itss.readiness.scorecard"].create({"company_id": (company or self.company).id, "year": year})

    # The rules of itss_capability: each present, partial and missing on the records built above.

    def test_rule_service_catalog(self):
        """Service catalog: present with a published service, partial below the tuned count, missing without any."""
        self.assertEqual(self.status("service_catalog"), "present")
        self.items["service_catalog"].threshold = 4
        self.assertEqual(self.status("service_catalog"), "partial")
        self.assertEqual(self.status("service_catalog", company=self.empty), "missing")

    def test_rule_capability_plan(self):
        """Capability plan: approved plan and 12 KPI values present; a quarter partial; a year without plan missing."""
        self.assertStatuses("capability_plan", (YEAR_START, YEAR_END, None), (YEAR_START, Q1_END, None),
                            (date(2024, 1, 1), date(2024, 12, 31), None))

    def test_rule_quality_check(self):
        """QA checks: 4 months with done checks present, one quarter partial, another year missing."""
        self.assertStatuses("quality_check", (YEAR_START, YEAR_END, None), (YEAR_START, Q1_END, None),
                            (date(2024, 1, 1), date(2024, 12, 31), None))

    def test_rule_plan_execution(self):
        """Execution records: 6 months present, one quarter partial, another year missing."""
        self.assertStatuses("plan_execution", (YEAR_START, YEAR_END, None), (YEAR_START, Q1_END, None),
                            (date(2024, 1, 1), date(2024, 12, 31), None))

    def test_rule_customer_communication(self):
        """Customer visits done: 4 present, first half partial, another year missing."""
        self.assertStatuses("customer_communication", (YEAR_START, YEAR_END, None),
                            (YEAR_START, date(2025, 6, 30), None), (date(2024, 1, 1), date(2024, 12, 31), None))

    def test_rule_improvement(self):
        """Improvement measures: 3 raised in the year present, one quarter partial, another company missing."""
        self.assertStatuses("improvement", (YEAR_START, YEAR_END, None), (YEAR_START, Q1_END, None),
                            (YEAR_START, YEAR_END, self.empty))

    def test_rule_satisfaction(self):
        """Satisfaction scores: 4 scored visits present, first half partial, another year missing."""
        self.assertStatuses("satisfaction", (YEAR_START, YEAR_END, None), (YEAR_START, date(2025, 6, 30), None),
                            (date(2024, 1, 1), date(2024, 12, 31), None))

    def test_rule_tools(self):
        """Tools: an approved tool used in 6 months present, one quarter partial, a company without tools missing."""
        self.assertStatuses("tools", (YEAR_START, YEAR_END, None), (YEAR_START, Q1_END, None),
                            (YEAR_START, YEAR_END, self.empty))

    def test_rule_rd(self):
        """R&D: a topic in progress present, partial when QA asks for two, missing in another year."""
        self.assertEqual(self.status("rd"), "present")
        self.assertEqual(self.status("rd", date(2024, 1, 1), date(2024, 12, 31)), "missing")
        self.items["rd"].threshold = 2
        self.assertEqual(self.status("rd"), "partial")

    def test_rule_running_months(self):
        """Running records: 8 months present, one quarter partial (3 of 6), another year missing."""
        self.assertStatuses("running_months", (YEAR_START, YEAR_END, None), (YEAR_START, Q1_END, None),
                            (date(2024, 1, 1), date(2024, 12, 31), None))

    # Items, tuning and access

    def test_templates_cover_the_assessor_list(self):
        """29 templates numbered 1-29, each with a rule code and a clause the score lines know."""
        templates = self.Item.search([("company_id", "=", False)])
        self.assertEqual(sorted(templates.mapped("number")), list(range(1, 30)))
        self.assertEqual(len(set(templates.mapped("rule_code"))), 29)
        self.assertLessEqual(set(templates.mapped("clause")), KNOWN_CLAUSES)

    def test_company_copies_tuned_by_qa(self):
        """Each company works on its own copies; QA's threshold on a copy changes the status, templates stay."""
        item = self.items["quality_check"]
        template = item.template_id
        self.assertEqual(item.company_id, self.company)
        self.assertEqual(len(self.Item._itss_company_items(self.company)), len(self.items))
        self.assertEqual(self.status("quality_check"), "present")
        item.with_user(self.qa).write({"threshold": 5, "weight": 2})
        self.assertEqual(self.status("quality_check"), "partial")
        self.assertEqual(template.threshold, 4)
        self.assertEqual(self.Item._itss_company_items(self.empty).filtered(
            lambda other: other.rule_code == "quality_check").threshold, 4)
        with self.assertRaises(AccessError):
            template.with_user(self.qa).write({"threshold": 1})
        with self.assertRaises(AccessError):
            item.with_user(self.qa).write({"name": "Renamed"})

    def test_executive_reads_but_neither_refreshes_nor_tunes(self):
        """The executive reads the scorecard but cannot refresh it, tune an item or raise an improvement."""
        card = self.card()
        with freeze_time("2025-06-15 04:00:00"):
            card.with_user(self.qa).action_refresh()
            self.assertEqual(card.with_user(self.executive).score, card.score)
            with self.assertRaises(AccessError):
                card.with_user(self.executive).action_refresh()
            with self.assertRaises(AccessError):
                self.items["tools"].with_user(self.executive).write({"threshold": 2})
            gap = card.gap_result_ids[:1]
            with self.assertRaises(AccessError):
                gap.with_user(self.executive).action_create_improvement()
        with self.assertRaises(AccessError):
            self.env["itss.readiness.scorecard"].with_user(self.engineer).search([])

    def test_other_company_sees_nothing(self):
        """A QA auditor and executive of another company finds, reads and refreshes nothing of the company."""
        card = self.card()
        with freeze_time("2025-06-15 04:00:00"):
            card.action_refresh()
        for model, records in (
                ("itss.readiness.scorecard", card), ("itss.readiness.result", card.result_ids),
                ("itss.readiness.result.part", card.result_ids.part_ids), ("itss.readiness.score", card.score_ids),
                ("itss.readiness.item", self.Item.browse([item.id for item in self.items.values()]))):
            as_outsider = self.env[model].with_user(self.outsider).with_context(active_test=False)
            self.assertFalse(as_outsider.search([("id", "in", records.ids)]), model)
            with self.assertRaises(AccessError):
                as_outsider.browse(records.ids).read(["display_name"])
        with self.assertRaises(AccessError):
            card.with_user(self.outsider).action_refresh()
        with self.assertRaises(AccessError):
            self.env["itss.readiness.scorecard"].with_user(self.outsider).create(
                {"company_id": self.company.id, "year": 2024})

    # Snapshots

    def test_refresh_scores_months_elements_and_clauses(self):
        """A refresh in June writes January to June; scores by element and clause add up to the total."""
        card = self.card()
        with freeze_time("2025-06-15 04:00:00"):
            card.with_user(self.qa).action_refresh()
        months = sorted(set(card.result_ids.mapped("snapshot_date")))
        self.assertEqual(months, [date(2025, month, 1) for month in range(1, 7)])
        self.assertEqual(card.snapshot_date, date(2025, 6, 1))
        latest = card.current_result_ids
        self.assertEqual(len(latest), 29)
        self.assertEqual(latest.mapped("snapshot_date"), [date(2025, 6, 1)] * 29)
        self.assertAlmostEqual(sum(latest.mapped("score_share")), card.score, delta=0.1)
        self.assertEqual(card.present_count + card.partial_count + card.missing_count, 29)
        total = card.score_ids.filtered(lambda line: line.is_latest and line.kind == "total")
        self.assertAlmostEqual(total.score, card.score, delta=0.1)
        self.assertEqual(set(card.area_score_ids.mapped("area")),
                         {"management", "people", "resources", "technology", "process"})
        self.assertEqual(sum(card.clause_score_ids.mapped("item_count")), 29)
        management = card.area_score_ids.filtered(lambda line: line.area == "management")
        expected = latest.filtered(lambda result: result.area == "management")
        self.assertAlmostEqual(
            management.score, 100 * sum(expected.mapped("score")) / sum(expected.mapped("weight")), delta=0.1)
        self.assertEqual(len(card.score_ids.filtered(lambda line: line.kind == "total")), 6)
        january = card.result_ids.filtered(
            lambda result: result.snapshot_date == date(2025, 1, 1) and result.item_id.rule_code == "quality_check")
        self.assertEqual(january.status, "partial", "January is evaluated as of January 31")
        missing = latest.filtered(lambda result: result.status == "missing")
        self.assertTrue(missing.filtered(lambda result: result.note))
        part = latest.filtered(lambda result: result.item_id.rule_code == "plan_execution").part_ids
        self.assertEqual(part.with_user(self.qa).action_open_records()["res_model"], "itss.plan.execution")

    def test_daily_job_snapshots_every_company(self):
        """The daily job creates this year's scorecard of each company and snapshots its months so far."""
        with freeze_time("2025-03-10 04:00:00"):
            self.env["itss.readiness.scorecard"]._cron_snapshot()
        card = self.env["itss.readiness.scorecard"].search([("company_id", "=", self.company.id)])
        self.assertEqual(card.year, 2025)
        self.assertEqual(sorted(set(card.result_ids.mapped("snapshot_date"))),
                         [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)])
        self.assertTrue(self.env["itss.readiness.scorecard"].search_count([("company_id", "=", self.empty.id)]))

    def test_past_month_frozen(self):
        """Earlier months are not recomputed when their records change; only the current month follows them."""
        card = self.card()
        with freeze_time("2025-06-15 04:00:00"):
            card.with_user(self.qa).action_refresh()
            march = card.result_ids.filtered(
                lambda result: result.snapshot_date == date(2025, 3, 1) and result.item_id.rule_code == "quality_check")
            june_before = card.current_result_ids.filtered(lambda result: result.item_id.rule_code == "quality_check")
            self.assertEqual((march.status, june_before.status), ("partial", "present"))
            self.items["quality_check"].threshold = 5
            card.with_user(self.qa).action_refresh()
            self.assertTrue(march.exists())
            self.assertEqual(march.status, "partial")
            self.assertAlmostEqual(march.ratio, 0.5)
            june = card.current_result_ids.filtered(lambda result: result.item_id.rule_code == "quality_check")
            self.assertEqual(june.status, "partial")
            with self.assertRaises(AccessError):
                march.with_user(self.qa).write({"note": "bent"})
            with self.assertRaises(AccessError):
                march.part_ids[:1].with_user(self.qa).write({"count": 9})
            with self.assertRaises(AccessError):
                march.with_user(self.qa).unlink()

    def test_past_year_never_recomputed(self):
        """A past year's December stays as evaluated: a later refresh only adds the months it lacked."""
        card = self.card()
        with freeze_time("2026-01-10 04:00:00"):
            card.with_user(self.qa).action_refresh()
            december = card.current_result_ids
            self.assertEqual(set(december.mapped("snapshot_date")), {date(2025, 12, 1)})
            self.items["quality_check"].threshold = 9
            card.with_user(self.qa).action_refresh()
            self.assertEqual(card.current_result_ids, december)
            self.assertEqual(december.filtered(lambda r: r.item_id.rule_code == "quality_check").status, "present")

    def test_month_cut_in_company_time_zone(self):
        """At 01:30 in Shanghai on February 1 (January 31 in UTC) the snapshot is February's, and a record
        made then counts in February, not January."""
        improvement = self.env["itss.improvement"].create({"name": "Late", "company_id": self.empty.id})
        self.env.cr.execute("UPDATE itss_improvement SET create_date = '2025-01-31 17:00:00' WHERE id = %s",
                            (improvement.id,))
        self.env.invalidate_all()
        card = self.card(self.empty)
        with freeze_time("2025-01-31 17:30:00"):
            card.action_refresh()
        self.assertEqual(card.snapshot_date, date(2025, 2, 1))
        results = card.result_ids.filtered(lambda result: result.item_id.rule_code == "improvement")
        by_month = {result.snapshot_date: result.part_ids.count for result in results}
        self.assertEqual(by_month, {date(2025, 1, 1): 0, date(2025, 2, 1): 1})

    def test_improvement_raised_once_by_qa(self):
        """QA raises one improvement per gap; a second click or a refresh keeps it; other roles cannot."""
        card = self.card()
        with freeze_time("2025-06-15 04:00:00"):
            card.with_user(self.qa).action_refresh()
            gap = card.gap_result_ids.filtered(lambda result: result.item_id.rule_code == "customer_communication")
            self.assertEqual(gap.status, "partial")
            with self.assertRaises(AccessError):
                gap.with_user(self.engineer).action_create_improvement()
            with self.assertRaises(AccessError):
                gap.with_user(self.qa).write({"improvement_id": self.env["itss.improvement"].search([], limit=1).id})
            action = gap.with_user(self.qa).action_create_improvement()
            improvement = gap.improvement_id
            self.assertEqual(action["domain"], [("id", "in", improvement.ids)])
            self.assertEqual((improvement.source, improvement.company_id), ("readiness", self.company))
            gap.with_user(self.qa).action_create_improvement()
            self.assertEqual(self.env["itss.improvement"].search_count([
                ("source", "=", "readiness"), ("company_id", "=", self.company.id)]), 1)
            card.with_user(self.qa).action_refresh()
            again = card.current_result_ids.filtered(
                lambda result: result.item_id.rule_code == "customer_communication")
            self.assertNotEqual(again, gap)
            self.assertEqual(again.improvement_id, improvement)
            card.invalidate_recordset()
            self.assertEqual(card.improvement_count, 1)
            present = card.current_result_ids.filtered(lambda result: result.status == "present")[:1]
            with self.assertRaisesRegex(UserError, "no gap"):
                present.with_user(self.qa).action_create_improvement()
            earlier = card.result_ids.filtered(
                lambda result: not result.is_latest and result.status != "present")[:1]
            with self.assertRaisesRegex(UserError, "earlier snapshot"):
                earlier.with_user(self.qa).action_create_improvement()

    # Bad input

    def test_bad_input_refused(self):
        """Negative weight, zero threshold, year 1800, a future year and moving a snapshotted card are refused."""
        item = self.items["tools"].with_user(self.qa)
        with self.assertRefused(ValidationError, "cannot be negative"):
            item.write({"weight": -1})
        with self.assertRefused(ValidationError, "greater than zero"):
            item.write({"threshold": 0})
        self.assertEqual((self.items["tools"].weight, self.items["tools"].threshold), (1, 1))
        Card = self.env["itss.readiness.scorecard"].with_user(self.qa)
        with self.assertRefused(ValidationError, "1800 is not a valid year"):
            Card.create({"company_id": self.company.id, "year": 1800})
        card = Card.create({"company_id": self.company.id, "year": 2025})
        with freeze_time("2025-06-15 04:00:00"):
            future = Card.create({"company_id": self.company.id, "year": 2026})
            with self.assertRefused(UserError, "has not started yet"):
                future.action_refresh()
            card.action_refresh()
        with self.assertRaises(AccessError):
            card.write({"year": 2024})
        with self.assertRaises(AccessError):
            card.write({"score": 100})
        self.assertEqual(card.year, 2025)
