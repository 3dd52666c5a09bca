# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import reserve_figures


class HrJob(models.Model):
    """Posts carry the ITSS job description (岗位职责说明书) and the reserve rate (储备率)."""

    _name = "hr.job"
    _inherit = ["hr.job", "itss.guard.mixin"]
    # Upstream model: only the stored reserve figures (computed, marked itss_protected) are guarded.
    _itss_guard_readonly = False

    itss_grade_id = fields.Many2one("itss.engineer.grade", string="Post Grade", index=True)
    itss_responsibilities = fields.Html(string="Responsibilities")
    itss_authority = fields.Html(string="Authority")
    itss_qualifications = fields.Html(string="Qualifications")
    headcount_needed = fields.Integer(
        string="Needed Headcount", help="Headcount the business needs for this post this year (N)."
    )
    reserve_target = fields.Float(
        string="Reserve Rate Target (%)", help="The reserve rate the company aims at for this post."
    )
    holder_count = fields.Integer(
        string="Holders", compute="_compute_reserve", store=True, itss_protected=True,
        help="Active employees holding the post (H)."
    )
    reserve_member_count = fields.Integer(
        string="Reserve Members", compute="_compute_reserve", store=True, itss_protected=True,
        help="Employees in reserve for the post (V).",
    )
    reserve_headcount = fields.Integer(
        compute="_compute_reserve", store=True, itss_protected=True,
        help="R = H + V − N; negative when staff cannot cover the need."
    )
    reserve_rate = fields.Float(
        string="Reserve Rate (%)", compute="_compute_reserve", store=True, itss_protected=True, aggregator="avg",
        help="R / (H + V) × 100; empty (n/a) when the post has neither holders nor reserve members.",
    )
    has_reserve_rate = fields.Boolean(compute="_compute_reserve", store=True, itss_protected=True)
    reserve_rate_display = fields.Char(string="Reserve Rate", compute="_compute_reserve_rate_display")
    reserve_employee_ids = fields.One2many("hr.employee", "reserve_job_id", string="Reserve Engineers")

    @api.constrains("headcount_needed", "reserve_target")
    def _check_headcount(self):
        for job in self:
            if job.headcount_needed < 0:
                raise ValidationError(self.env._(
                    "The needed headcount of post %(post)s cannot be negative.", post=job.name))
            if not 0 <= job.reserve_target <= 100:
                raise ValidationError(self.env._(
                    "The reserve rate target of post %(post)s must be between 0 and 100%%.", post=job.name))

    @api.depends("headcount_needed", "employee_ids.active", "employee_ids.job_id",
                 "reserve_employee_ids.active", "reserve_employee_ids.reserve_status")
    def _compute_reserve(self):
        Employee = self.env["hr.employee"].with_context(active_test=True)
        holders = dict(Employee._read_group([("job_id", "in", self.ids)], ["job_id"], ["__count"]))
        reserves = dict(Employee._read_group(
            [("reserve_job_id", "in", self.ids), ("reserve_status", "=", "reserve")],
            ["reserve_job_id"], ["__count"]))
        for job in self:
            job.holder_count = holders.get(job, 0)
            job.reserve_member_count = reserves.get(job, 0)
            reserve, rate = reserve_figures(max(job.headcount_needed, 0), job.holder_count,
                                            job.reserve_member_count)
            job.reserve_headcount = reserve
            job.has_reserve_rate = rate is not None
            job.reserve_rate = round(rate * 100, 2) if rate is not None else 0.0

    @api.depends("reserve_rate", "has_reserve_rate")
    def _compute_reserve_rate_display(self):
        for job in self:
            job.reserve_rate_display = f"{job.reserve_rate:.1f} %" if job.has_reserve_rate else self.env._("n/a")
