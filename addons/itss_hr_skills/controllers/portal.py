# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta
from urllib.parse import urlencode

from psycopg2 import IntegrityError

from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class ItssOnsitePortal(CustomerPortal):
    """Customer portal: the stationed engineers' roster at the customer's site and their monthly feedback."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "onsite_engineer_count" in counters:
            values["onsite_engineer_count"] = len(self._itss_site_assignments())
        return values

    def _itss_site_assignments(self):
        """The current on-site assignments at the portal user's company (and only theirs)."""
        partner = request.env.user.commercial_partner_id
        if not request.env.user.share:
            return request.env["itss.onsite.assignment"]
        return request.env["itss.onsite.assignment"].sudo().search([
            ("partner_id", "child_of", partner.id), ("is_current", "=", True),
            ("company_id", "in", request.env.user.company_ids.ids),
        ])

    @http.route(["/my/onsite"], type="http", auth="user", website=True)
    def portal_my_onsite(self, message=None, error=None, **kw):
        assignments = self._itss_site_assignments()
        today = request.env.company._itss_today()
        # portal users have no access to the models: read as superuser, their own site only
        shifts = request.env["itss.onsite.shift"].sudo().search([
            ("assignment_id", "in", assignments.ids),
            ("date", ">=", today - timedelta(days=today.weekday())),
            ("date", "<=", today + timedelta(days=13 - today.weekday())),
        ], order="planned_start")
        month = today.replace(day=1)
        given = request.env["itss.onsite.feedback"].sudo().search([
            ("assignment_id", "in", assignments.ids), ("period_start", "=", month),
            ("author_id", "=", request.env.user.partner_id.id),
        ])
        values = self._prepare_portal_layout_values()
        values.update({
            "assignments": assignments, "shifts": shifts, "month": month,
            "given": {feedback.assignment_id.id: feedback for feedback in given},
            "page_name": "onsite", "message": message, "error": error,
        })
        return request.render("itss_hr_skills.portal_my_onsite", values)

    @http.route(["/my/onsite/feedback"], type="http", auth="user", methods=["POST"], website=True)
    def portal_onsite_feedback(self, assignment_id=None, score=None, comments=None, **kw):
        """The customer contact scores an engineer stationed at their own company, once a month."""
        try:
            assignment = self._itss_site_assignments().filtered(lambda a: a.id == int(assignment_id or 0))
            score = int(score or 0)
        except ValueError:
            assignment = None
        if not assignment:
            return request.redirect("/my/onsite?" + urlencode({"error": request.env._("Unknown engineer.")}))
        try:
            with request.env.cr.savepoint():
                request.env["itss.onsite.feedback"].sudo().create({
                    "assignment_id": assignment.id, "score": score, "comments": comments or False,
                    "period_start": request.env.company._itss_today().replace(day=1),
                    "author_id": request.env.user.partner_id.id,
                })
        except ValidationError as error:
            return request.redirect("/my/onsite?" + urlencode({"error": error.args[0]}))
        except IntegrityError:
            return request.redirect("/my/onsite?" + urlencode({"error": request.env._(
                "You have already given feedback on this engineer for this month.")}))
        return request.redirect("/my/onsite?" + urlencode({"message": request.env._("Thank you for your feedback.")}))
