# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain


class ItssSlaAssessment(models.Model):
    """SLA self-assessment of one customer project for one month: targets vs achieved, misses listed.

    The figures are a snapshot taken when the month is computed, so a closed month keeps them
    whatever happens later to its tickets or calendars; the missed targets are copied too (ticket,
    target, deadline, reached time), not linked to the live SLA rows that a later priority change
    replaces. Only the conclusion is written by hand, even after the month is closed.
    """

    _name = "itss.sla.assessment"
    _description = "SLA Self-assessment"
    _inherit = ["mail.thread", "itss.guard.mixin"]
    _order = "date_from desc, project_id"

    month_id = fields.Many2one(
        "itss.service.month", string="Service Month", required=True, ondelete="cascade", index=True,
        readonly=True,
    )
    date_from = fields.Date(related="month_id.date_from", store=True, string="Month", precompute=True)
    state = fields.Selection(related="month_id.state", store=True, precompute=True)
    company_id = fields.Many2one(related="month_id.company_id", store=True, index=True, precompute=True)
    project_id = fields.Many2one("itss.service.project", required=True, index=True, ondelete="cascade",
                                 readonly=True)
    partner_id = fields.Many2one(related="project_id.partner_id", store=True, string="Customer", precompute=True)
    line_ids = fields.One2many("itss.sla.assessment.line", "assessment_id", string="Targets", readonly=True)
    miss_ids = fields.One2many("itss.sla.assessment.miss", "assessment_id", string="Missed Targets",
                               readonly=True)
    target_rate = fields.Float(string="Target Rate (%)", digits=(16, 2), readonly=True)
    achieved_rate = fields.Float(string="Achieved Rate (%)", digits=(16, 2), readonly=True, aggregator="avg")
    total_count = fields.Integer(string="Targets Finished", readonly=True)
    missed_count = fields.Integer(string="Targets Missed", readonly=True)
    met = fields.Boolean(string="Target Met", readonly=True)
    conclusion = fields.Html(
        string="Self-assessment Conclusion", tracking=True,
        help="The project manager's analysis of the misses and the actions decided.",
    )

    _month_project_unique = models.UniqueIndex("(month_id, project_id)")

    @api.depends("project_id", "date_from")
    def _compute_display_name(self):
        for rec in self:
            month = rec.date_from.strftime("%Y-%m") if rec.date_from else ""
            rec.display_name = f"{rec.project_id.name or ''} {month}".strip()

    def _itss_month_closed(self):
        return self.month_id.state == "closed"

    def _itss_locked_fnames(self):
        if self._itss_month_closed():
            return frozenset(self._fields) - {"conclusion"}
        return frozenset()

    def _itss_locked_message(self, field_label):
        return self.env._("The month is closed: its SLA self-assessments are frozen (“%(field)s”).",
                          field=field_label)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed_month(self):
        if not self.env.su and any(rec.sudo()._itss_month_closed() for rec in self):
            raise AccessError(self.env._("The month is closed: its SLA self-assessments are frozen."))

    @api.model
    def _build(self, month):
        """Replace the month's snapshot: one grouped read over the SLA targets of its tickets.

        Recomputing an open month keeps the rows that did not change (same ids): only the figures
        that moved are written, the missed targets and lines gone are deleted, the new ones created.
        """
        domain = list(
            self.env["itss.kpi"].with_company(month.company_id)._itss_sla_rows(month.date_from, month.date_to)
            & Domain("service_project_id", "!=", False)
        )
        Clock = self.env["helpdesk.ticket.sla"].sudo()
        groups = Clock._read_group(
            domain, ["service_project_id", "itss_priority", "itss_target", "breached"], ["__count"]
        )
        misses = defaultdict(list)
        for row in Clock.search(domain + [("breached", "=", True)], order="reported_at, id"):
            misses[row.service_project_id.id].append(self._miss_values(row))
        rate_kpi = self.env.ref("itss_capability.itss_kpi_sla_rate", raise_if_not_found=False)
        lines = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        for project, priority, target, breached, count in groups:
            pair = lines[project][(priority or "", target or "resolution")]
            pair[0] += count
            pair[1] += count if breached else 0
        existing = {rec.project_id: rec for rec in month.assessment_ids}
        kept, new_vals, rows = self.browse(), [], {}
        target_rate = rate_kpi.target if rate_kpi else 0.0
        for project, targets in lines.items():
            total = sum(t for t, _m in targets.values())
            missed = sum(m for _t, m in targets.values())
            achieved = round(100.0 * (total - missed) / total, 2) if total else 0.0
            vals = {
                "total_count": total, "missed_count": missed, "achieved_rate": achieved,
                "target_rate": target_rate, "met": achieved >= target_rate,
            }
            rows[project.id] = (misses.get(project.id, []), [
                {"priority": priority or False, "target": target, "total_count": t, "missed_count": m,
                 "achieved_rate": round(100.0 * (t - m) / t, 2) if t else 0.0}
                for (priority, target), (t, m) in sorted(targets.items())
            ])
            if project in existing:
                assessment = existing.pop(project)
                changed = {
                    fname: value for fname, value in vals.items()
                    if assessment._fields[fname].convert_to_cache(value, assessment) != assessment[fname]
                }
                if changed:
                    assessment.write(changed)
                kept |= assessment
            else:
                new_vals.append({"month_id": month.id, "project_id": project.id, **vals})
        self.browse().union(*existing.values()).unlink()
        assessments = kept | self.create(new_vals)
        by_project = {assessment.project_id.id: assessment.id for assessment in assessments}
        self.env["itss.sla.assessment.miss"]._itss_sync(
            assessments, {by_project[project]: pair[0] for project, pair in rows.items()})
        self.env["itss.sla.assessment.line"]._itss_sync(
            assessments, {by_project[project]: pair[1] for project, pair in rows.items()})

    @api.model
    def _miss_values(self, row):
        """The copy of a missed SLA target kept by the assessment."""
        return {
            "ticket_id": row.ticket_id.id, "ticket_ref": row.ticket_id.display_name,
            "sla_id": row.sla_id.id, "name": row.sla_id.name, "target": row.itss_target or "resolution",
            "priority": row.itss_priority or False, "reported_at": row.reported_at,
            "deadline": row.deadline, "reached_at": row.reached_at, "state": row.state,
        }
