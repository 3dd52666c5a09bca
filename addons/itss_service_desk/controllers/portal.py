# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import binascii
from urllib.parse import urlencode

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

REPORTS_PER_PAGE = 20


class ItssServiceDeskPortal(CustomerPortal):
    """Customer portal: monthly service reports and on-site visit signatures."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "catalog_service_count" in counters:
            values["catalog_service_count"] = len(self._itss_published_services())
        if "site_document_count" in counters:
            values["site_document_count"] = len(self._itss_site_documents())
        if "work_report_count" in counters:
            values["work_report_count"] = len(self._itss_work_reports())
        if "service_report_count" in counters:
            Report = request.env["itss.service.report"]
            values["service_report_count"] = Report.search_count([]) if Report.has_access("read") else 0
        return values

    def _itss_published_services(self):
        """The published catalog of the companies the portal user belongs to (read as superuser:
        portal users have no access to the catalog model itself)."""
        return request.env["itss.catalog.service"].sudo().search([
            ("state", "=", "published"), ("company_id", "in", request.env.user.company_ids.ids)])

    def _itss_work_reports(self, report_id=None):
        """Sent and signed work reports of the portal user's own company (superuser read, checked here)."""
        user = request.env.user
        if not user.share:
            return request.env["itss.work.report"]
        domain = [("partner_id", "child_of", user.commercial_partner_id.id), ("state", "in", ("sent", "signed")),
                  ("company_id", "in", user.company_ids.ids)]
        if report_id is not None:
            domain.append(("id", "=", report_id))
        return request.env["itss.work.report"].sudo().search(domain, order="date_from desc, id desc")

    def _itss_site_documents(self, document_id=None):
        """The documents shared with the portal user's company, of its own sites only (superuser read,
        checked here: portal users have no access to the model)."""
        user = request.env.user
        if not user.share:
            return request.env["itss.site.document"]
        domain = [("partner_id", "child_of", user.commercial_partner_id.id), ("share_with_customer", "=", True),
                  ("company_id", "in", user.company_ids.ids)]
        if document_id is not None:
            domain.append(("id", "=", document_id))
        return request.env["itss.site.document"].sudo().search(domain)

    @http.route(["/my/site_documents"], type="http", auth="user", website=True)
    def portal_my_site_documents(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update({"site_documents": self._itss_site_documents(), "page_name": "site_document"})
        return request.render("itss_service_desk.portal_my_site_documents", values)

    @http.route(["/my/site_documents/<int:document_id>/download"], type="http", auth="user", website=True)
    def portal_site_document_download(self, document_id, **kw):
        document = self._itss_site_documents(document_id)
        if not document:
            return request.redirect("/my")
        stream = request.env["ir.binary"]._get_stream_from(document, "datas", filename=document.file_name)
        return stream.get_response(as_attachment=True)

    @http.route(["/my/services"], type="http", auth="user", website=True)
    def portal_my_catalog_services(self, **kw):
        """The published service catalog, the services of the customer's own contracts first."""
        services = self._itss_published_services()
        partner = request.env.user.commercial_partner_id
        subscribed = services.filtered(
            lambda s: any(p.partner_id.commercial_partner_id == partner and p.state == "active" for p in s.project_ids))
        values = self._prepare_portal_layout_values()
        values.update({
            "services": services.sorted(lambda s: (s not in subscribed, s.sequence, s.code or "")),
            "subscribed": subscribed, "page_name": "catalog_service",
        })
        return request.render("itss_service_desk.portal_my_catalog_services", values)

    @http.route(["/my/service_reports", "/my/service_reports/page/<int:page>"], type="http",
                auth="user", website=True)
    def portal_my_service_reports(self, page=1, **kw):
        Report = request.env["itss.service.report"]
        count = Report.search_count([])
        pager = portal_pager(url="/my/service_reports", total=count, page=page, step=REPORTS_PER_PAGE)
        reports = Report.search([], order="date_from desc, id desc", limit=REPORTS_PER_PAGE,
                                offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update({"reports": reports, "pager": pager, "page_name": "service_report",
                       "default_url": "/my/service_reports"})
        return request.render("itss_service_desk.portal_my_service_reports", values)

    @http.route(["/my/service_reports/<int:report_id>"], type="http", auth="public", website=True)
    def portal_my_service_report(self, report_id, access_token=None, report_type=None, download=False, **kw):
        try:
            report_sudo = self._document_check_access("itss.service.report", report_id, access_token=access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_sudo.state != "delivered":
            return request.redirect("/my")
        if report_type in ("pdf", "html", "text"):
            return self._show_report(model=report_sudo, report_type=report_type,
                                     report_ref="itss_service_desk.itss_service_report_pdf_action",
                                     download=download)
        values = self._get_page_view_values(
            report_sudo, access_token, {"report": report_sudo, "page_name": "service_report"},
            "my_service_reports_history", False, **kw)
        return request.render("itss_service_desk.portal_service_report_page", values)

    @http.route(["/my/work_reports"], type="http", auth="user", website=True)
    def portal_my_work_reports(self, **kw):
        reports = self._itss_work_reports()
        values = self._prepare_portal_layout_values()
        values.update({"work_reports": reports, "page_name": "work_report"})
        return request.render("itss_service_desk.portal_my_work_reports", values)

    @http.route(["/my/work_reports/<int:report_id>"], type="http", auth="user", website=True)
    def portal_my_work_report(self, report_id, **kw):
        report = self._itss_work_reports(report_id)
        if not report:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({"work_report": report, "page_name": "work_report", "error": kw.get("error")})
        return request.render("itss_service_desk.portal_work_report_page", values)

    @http.route(["/my/work_reports/<int:report_id>/sign"], type="http", auth="user", methods=["POST"],
                website=True)
    def portal_work_report_sign(self, report_id, name=None, comment=None, **kw):
        """The customer contact signs off a work report of their own company (portal rule checked)."""
        report = self._itss_work_reports(report_id)
        if not report:
            return request.redirect("/my")
        try:
            report._itss_portal_sign(name, comment)
        except UserError as error:
            return request.redirect(f"/my/work_reports/{report.id}?" + urlencode({"error": error.args[0]}))
        return request.redirect(f"/my/work_reports/{report.id}")

    def _onsite_visit_sudo(self, visit_id, access_token=None):
        """The visit, when the portal user may see its ticket (helpdesk_mgmt's portal rule)."""
        visit = request.env["itss.onsite.visit"].sudo().browse(visit_id).exists()
        if not visit:
            raise MissingError(request.env._("This on-site visit does not exist."))
        self._document_check_access("helpdesk.ticket", visit.ticket_id.id, access_token=access_token)
        return visit

    @http.route(["/my/onsite_visit/<int:visit_id>"], type="http", auth="user", website=True)
    def portal_onsite_visit(self, visit_id, access_token=None, **kw):
        try:
            visit = self._onsite_visit_sudo(visit_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({"visit": visit, "ticket": visit.ticket_id, "page_name": "ticket",
                       "message": kw.get("message")})
        return request.render("itss_service_desk.portal_onsite_visit_page", values)

    @http.route(["/my/onsite_visit/<int:visit_id>/sign"], type="jsonrpc", auth="user", website=True)
    def portal_onsite_visit_sign(self, visit_id, access_token=None, name=None, signature=None):
        try:
            visit = self._onsite_visit_sudo(visit_id, access_token)
        except (AccessError, MissingError):
            return {"error": request.env._("Invalid on-site visit.")}
        if visit.customer_signature:
            return {"error": request.env._("This on-site visit is already signed.")}
        if not visit.actual_arrival:
            return {"error": request.env._("The engineer has not arrived yet: nothing to sign.")}
        if not signature:
            return {"error": request.env._("Signature is missing.")}
        try:
            visit.write({"customer_signature": signature, "signed_by": name,
                         "signed_at": fields.Datetime.now()})
            request.env.cr.flush()
        except (TypeError, binascii.Error):
            return {"error": request.env._("Invalid signature data.")}
        visit.message_post(
            body=request.env._("On-site visit signed by %(name)s on the portal.", name=name),
            author_id=request.env.user.partner_id.id,
        )
        return {"force_refresh": True, "redirect_url": f"/my/onsite_visit/{visit.id}?message=sign_ok"}


class ItssHelpdeskTicketController(HelpdeskTicketController):
    """Tickets submitted on the portal are reported through the portal channel; a ticket is
    closed from the portal only by a user who may change it."""

    @http.route("/ticket/close", type="http", auth="user")
    def support_ticket_close(self, **kw):
        """helpdesk_mgmt closes any ticket id as superuser: check the user's own access first."""
        try:
            ticket = request.env["helpdesk.ticket"].browse(int(kw.get("ticket_id") or 0)).exists()
            if not ticket:
                raise MissingError(request.env._("This ticket does not exist."))
            # internal users need the right to change the ticket; portal users (read-only on tickets)
            # need helpdesk_mgmt's portal rule to give them the ticket: their commercial partner's
            ticket.check_access("write" if request.env.user._is_internal() else "read")
        except (AccessError, MissingError, ValueError):
            return request.redirect("/my")
        return super().support_ticket_close(**kw)

    @staticmethod
    def _itss_portal_services():
        """{"<project id>-<service id>": (project, service)}: the catalog services the portal user's
        company subscribes through its active service projects (superuser read, scoped here)."""
        user = request.env.user
        if not user.share:
            return {}
        projects = request.env["itss.service.project"].sudo().search([
            ("partner_id", "child_of", user.commercial_partner_id.id), ("state", "=", "active"),
            ("company_id", "in", user.company_ids.ids),
        ])
        return {f"{project.id}-{service.id}": (project, service)
                for project in projects for service in project.catalog_service_ids}

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        services = self._itss_portal_services()
        several_projects = len({project for project, _service in services.values()}) > 1
        values["itss_services"] = [
            (key, f"{service.name} ({project.name})" if several_projects else service.name)
            for key, (project, service) in services.items()
        ]
        values["itss_error"] = kw.get("error")
        return values

    @http.route("/submitted/ticket", type="http", auth="user", website=True, csrf=True)
    def submit_ticket(self, **kw):
        """A service chosen on the form must be one of the customer's own projects' services."""
        if kw.get("itss_service") and kw["itss_service"] not in self._itss_portal_services():
            return request.redirect("/new/ticket?" + urlencode({"error": request.env._(
                "Choose one of the services your service projects subscribe.")}))
        return super().submit_ticket(**kw)

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        vals["itss_channel"] = "portal"
        choice = self._itss_portal_services().get(kw.get("itss_service") or "")
        if choice:
            project, service = choice
            vals.update({"service_project_id": project.id, "catalog_service_id": service.id,
                         "company_id": project.company_id.id})
        return vals
