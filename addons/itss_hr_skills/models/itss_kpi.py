# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ItssKpi(models.Model):
    """KPI providers of the people element: appraisals, certifications, training."""

    _inherit = "itss.kpi"

    provider = fields.Selection(
        selection_add=[
            ("appraisal_completion", "Share of the period's appraisals acknowledged or closed (People)"),
            ("reserve_rate", "Overall reserve rate of the posts with a needed headcount (People)"),
            ("post_backup", "Share of posts with at least one reserve engineer (People)"),
            ("certification_coverage", "Share of engineers holding a valid certification (people)"),
            ("training_completion", "Trainings held / trainings planned in the period (people)"),
        ],
        ondelete={
            "appraisal_completion": "set null",
            "reserve_rate": "set null",
            "post_backup": "set null",
            "certification_coverage": "set null",
            "training_completion": "set null",
        },
    )

    def _itss_satisfaction_scores(self, date_from, date_to):
        """On-site client feedback (客户评价) of the months within the period counts in customer satisfaction."""
        scores = super()._itss_satisfaction_scores(date_from, date_to)
        company = self.company_id or self.env.company
        from_date = fields.Date.to_date(date_from)
        for project, total, count in self.env["itss.onsite.feedback"].sudo()._read_group(
                [("company_id", "=", company.id), ("period_start", ">=", from_date.replace(day=1)),
                 ("period_start", "<=", date_to)],
                ["project_id"], ["score:sum", "__count"]):
            self._itss_add_scores(scores, project.id or False, total, count)
        return scores

    def _itss_kpi_provider_certification_coverage(self, date_from, date_to):
        """Share (%) of the active engineers (employees with a post or an engineer grade) holding at
        least one certification valid on the period's last day (today, in the company's time zone,
        for the running period), organization level."""
        company = self.company_id or self.env.company
        day = min(fields.Date.to_date(date_to), company._itss_today()) if date_to else company._itss_today()
        Employee = self.env["hr.employee"].sudo()
        engineers = Employee.search(
            [("company_id", "=", company.id), "|", ("job_id", "!=", False), ("itss_grade_id", "!=", False)])
        if not engineers:
            return {}
        holders = self.env["hr.employee.skill"].sudo()._read_group([
            ("employee_id", "in", engineers.ids),
            ("skill_type_id.is_certification", "=", True),
            "|", ("valid_from", "=", False), ("valid_from", "<=", day),
            "|", ("valid_to", "=", False), ("valid_to", ">=", day),
        ], ["employee_id"])
        return {False: round(100.0 * len(holders) / len(engineers), 2)}

    def _itss_kpi_provider_training_completion(self, date_from, date_to):
        """Trainings held / trainings planned (%) of the period: the planned trainings of approved or
        closed annual plans dated in the period, held when one of their sessions took place."""
        company = self.company_id or self.env.company
        groups = dict(self.env["itss.training.plan.line"].sudo()._read_group(
            [("company_id", "=", company.id), ("plan_state", "in", ("approved", "closed")),
             ("planned_date", ">=", date_from), ("planned_date", "<=", date_to)],
            ["is_held"], ["__count"]))
        planned = sum(groups.values())
        if not planned:
            return {}
        return {False: round(100.0 * groups.get(True, 0) / planned, 2)}

    def _itss_kpi_provider_appraisal_completion(self, date_from, date_to):
        """Share (%) of the appraisals whose period ends between the two dates that reached
        acknowledged or closed, organization level."""
        company = self.company_id or self.env.company
        groups = dict(self.env["itss.performance.appraisal"].sudo()._read_group(
            [("company_id", "=", company.id), ("period_end", ">=", date_from), ("period_end", "<=", date_to)],
            ["state"], ["__count"]))
        total = sum(groups.values())
        if not total:
            return {}
        done = groups.get("acknowledged", 0) + groups.get("closed", 0)
        return {False: round(100.0 * done / total, 2)}

    def _itss_post_figures(self):
        """(needed, holders, reserve members, posts with reserve, posts) of the company's posts that have
        a needed headcount, from the posts' stored reserve figures."""
        company = self.company_id or self.env.company
        groups = self.env["hr.job"].sudo()._read_group(
            [("company_id", "in", [company.id, False]), ("headcount_needed", ">", 0)],
            [], ["headcount_needed:sum", "holder_count:sum", "reserve_member_count:sum", "__count"])
        with_reserve = self.env["hr.job"].sudo().search_count(
            [("company_id", "in", [company.id, False]), ("headcount_needed", ">", 0),
             ("reserve_member_count", ">", 0)])
        needed, holders, reserve, posts = groups[0]
        return needed or 0, holders or 0, reserve or 0, with_reserve, posts

    def _itss_kpi_provider_reserve_rate(self, date_from, date_to):
        """Σ R / Σ (H + V) over the posts with a needed headcount (%), today's figures."""
        needed, holders, reserve, _with_reserve, _posts = self._itss_post_figures()
        staff = holders + reserve
        if not staff:
            return {}
        return {False: round(100.0 * (staff - needed) / staff, 2)}

    def _itss_kpi_provider_post_backup(self, date_from, date_to):
        """Posts with a backup (at least one reserve engineer) / posts (%), today's figures."""
        _needed, _holders, _reserve, with_reserve, posts = self._itss_post_figures()
        if not posts:
            return {}
        return {False: round(100.0 * with_reserve / posts, 2)}
