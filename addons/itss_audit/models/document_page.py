# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS

QA = "itss_capability.group_itss_qa"
# What a version in force no longer takes: a change of its text or identity is a new version.
IN_FORCE_LOCKED = frozenset({"name", "content", "itss_doc_type", "itss_doc_number", "itss_version"})
DOC_TYPES = [("manual", "Manual"), ("procedure", "Procedure"), ("rule", "Rule"), ("form", "Form")]


def version_key(version):
    """'1.10' > '1.9': versions compare number by number."""
    return tuple(int(part) if part.isdigit() else 0 for part in (version or "0").split("."))


class DocumentPage(models.Model):
    """A controlled document of the management system (体系文件) on document_page: number, version, life."""

    _name = "document.page"
    _inherit = ["document.page", "itss.guard.mixin"]
    _itss_guard_readonly = False

    itss_doc_type = fields.Selection(DOC_TYPES, string="System Document Type", index="btree_not_null")
    itss_doc_number = fields.Char(string="Document Number", index="btree_not_null")
    itss_version = fields.Char(string="Document Version", default="1.0")
    itss_owner_id = fields.Many2one("res.users", string="Document Owner")
    itss_process_id = fields.Many2one("itss.process", string="Process")
    itss_department_ids = fields.Many2many("hr.department", string="Distributed To")
    itss_state = fields.Selection(
        [("draft", "Draft"), ("in_force", "In Force"), ("superseded", "Superseded")],
        string="Control State", default="draft", readonly=True, itss_protected=True, copy=False, index=True)
    itss_approved_by_id = fields.Many2one("res.users", string="Approved By", readonly=True, itss_protected=True,
                                          copy=False)
    itss_effective_date = fields.Date(string="Effective Date", readonly=True, itss_protected=True, copy=False)
    itss_last_review_date = fields.Date(string="Last Yearly Review", readonly=True, itss_protected=True, copy=False)
    itss_review_due = fields.Date(string="Review Due", compute="_compute_itss_review_due", store=True)
    itss_review_note = fields.Text(string="Yearly Review Notes")
    itss_superseded_by_id = fields.Many2one("document.page", string="Superseded By", readonly=True,
                                            itss_protected=True, copy=False)

    @api.depends("itss_effective_date", "itss_last_review_date", "itss_state")
    def _compute_itss_review_due(self):
        for page in self:
            last = page.itss_last_review_date or page.itss_effective_date
            page.itss_review_due = last + relativedelta(years=1) if last and page.itss_state == "in_force" else False

    def _itss_locked_fnames(self):
        if self.itss_state == "superseded":
            return ALL_FIELDS
        if self.itss_state == "in_force":
            return IN_FORCE_LOCKED
        return super()._itss_locked_fnames()

    def _itss_locked_message(self, field_label):
        if self.itss_state == "in_force":
            return self.env._("%(page)s is in force: draft a new version to change “%(field)s”.",
                              page=self.display_name, field=field_label)
        return super()._itss_locked_message(field_label)

    def _itss_in_force_same_number(self):
        self.ensure_one()
        return self.sudo().search([
            ("itss_doc_number", "=", self.itss_doc_number), ("itss_state", "=", "in_force"),
            ("company_id", "in", [self.company_id.id, False]), ("id", "!=", self.id)])

    @api.constrains("itss_version", "itss_doc_number")
    def _check_itss_version(self):
        for page in self.filtered(lambda p: p.itss_doc_number and p.itss_state == "draft"):
            current = page._itss_in_force_same_number()
            if current and version_key(page.itss_version) <= version_key(current[:1].itss_version):
                raise ValidationError(self.env._(
                    "Version %(version)s of %(number)s is not newer than version %(current)s in force.",
                    version=page.itss_version, number=page.itss_doc_number, current=current[:1].itss_version))

    def action_itss_put_in_force(self):
        """QA approves the document: it comes into force and the version it replaces is kept as superseded."""
        pages = self._itss_action([QA], message=self.env._("Only QA auditors put system documents in force."))
        today = fields.Date.context_today(self)
        for page in pages:
            if page.itss_state != "draft" or not page.itss_doc_number:
                raise UserError(self.env._("Only a numbered draft document comes into force: %(page)s.",
                                           page=page.display_name))
            page._check_itss_version()
            previous = page._itss_in_force_same_number()
            previous.write({"itss_state": "superseded", "itss_superseded_by_id": page.id})
            page.write({"itss_state": "in_force", "itss_approved_by_id": self.env.user.id,
                        "itss_effective_date": today})
        return True

    def action_itss_record_review(self):
        """The yearly process update: the review is recorded; a changed procedure is a new version instead."""
        pages = self._itss_action([QA], message=self.env._("Only QA auditors record the yearly document review."))
        for page in pages:
            if page.itss_state != "in_force":
                raise UserError(self.env._("Only a document in force is reviewed: %(page)s.", page=page.display_name))
            if not page.itss_review_note:
                raise UserError(self.env._("Write the review notes of %(page)s first.", page=page.display_name))
        pages.write({"itss_last_review_date": fields.Date.context_today(self)})
        return True

    @api.model
    def _cron_remind_reviews(self):
        """The yearly review of each document in force falls due: one activity for its owner (company's day)."""
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        if not todo:
            return True
        pages = self.search([("itss_state", "=", "in_force"), ("itss_review_due", "!=", False),
                             ("itss_owner_id", "!=", False), ("activity_ids", "=", False)])
        for page in pages.filtered(lambda p: p.itss_review_due <= (p.company_id or self.env.company)._itss_today()):
            page.activity_schedule(
                activity_type_id=todo.id, user_id=page.itss_owner_id.id, date_deadline=page.itss_review_due,
                summary=self.env._("Yearly review of %(page)s is due: record it, or draft a new version.",
                                   page=page.display_name))
        return True

    def action_itss_new_version(self):
        """Draft the next version of a document in force (the one in force stays until the new one is approved)."""
        self.ensure_one()
        page = self._itss_action([QA], message=self.env._("Only QA auditors draft new document versions."))
        parts = list(version_key(page.itss_version))
        parts[-1] += 1
        new = page.copy({"name": page.name, "itss_version": ".".join(str(p) for p in parts)})
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": new.id, "view_mode": "form"}
