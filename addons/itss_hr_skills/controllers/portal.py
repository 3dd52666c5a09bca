# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta
from urllib.parse import urlencode

from psycopg2 import IntegrityError

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class ItssOnsitePortal(CustomerPortal):
    """Customer portal: the stationed engineers' roster at the customer's site and their monthly feedback."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "onsite_engineer_count" in counters:
            values["onsite_engineer_count"] = len(self._itss_site_assignments())
        if "onsite_duty_count" in counters:
            values["onsite_duty_count"] = len(self._itss_duty_shifts())
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
        if not request.env.user.share:
            return self._itss_render_duty(message, error)
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

    # The stationed engineer's duty page (mobile web): their shifts of today, sign in and sign out.
    def _itss_duty_shifts(self):
        """Today's shifts of the signed-in engineer (and one still open), read with their own rights."""
        Shift = request.env["itss.onsite.shift"]
        if request.env.user.share or not Shift.has_access("read"):
            return Shift.browse()
        today = request.env.company._itss_today()
        return Shift.search([
            ("user_id", "=", request.env.uid), "|", ("date", "=", today), ("state", "=", "present"),
        ], order="planned_start")

    def _itss_render_duty(self, message=None, error=None):
        """The engineer's duty page: today's shifts with the sign-in and sign-out buttons."""
        shifts = self._itss_duty_shifts()
        values = self._prepare_portal_layout_values()
        values.update({"duty_shifts": shifts, "page_name": "onsite", "message": message, "error": error,
                       "today": request.env.company._itss_today()})
        return request.render("itss_hr_skills.portal_my_onsite_duty", values)

    @http.route(["/my/onsite/sign_in", "/my/onsite/sign_out"], type="http", auth="user", methods=["POST"],
                website=True)
    def portal_onsite_sign(self, shift_id=None, **kw):
        """Sign in to or out of one's own shift: the shift's actions check the engineer and the state."""
        signing_in = request.httprequest.path.endswith("/sign_in")
        try:
            shift = request.env["itss.onsite.shift"].browse(int(shift_id or 0)).exists()
            if not shift:
                raise MissingError(request.env._("This shift does not exist."))
            shift.check_access("read")
            if signing_in:
                shift.action_sign_in()
            else:
                shift.action_sign_out()
        except (AccessError, MissingError, ValueError):
            return request.redirect("/my/onsite?" + urlencode({"error": request.env._("Unknown shift.")}))
        except UserError as error:
            return request.redirect("/my/onsite?" + urlencode({"error": error.args[0]}))
        message = request.env._("Signed in.") if signing_in else request.env._("Signed out.")
        return request.redirect("/my/onsite?" + urlencode({"message": message}))
