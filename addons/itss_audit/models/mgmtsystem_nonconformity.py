# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

QA = "itss_capability.group_itss_qa"
# Days a department gets by default to carry out a corrective action.
ACTION_DAYS = 30


class MgmtsystemNonconformity(models.Model):
    """An audit finding: the clause and department it concerns; closed only once its actions are verified."""

    _name = "mgmtsystem.nonconformity"
    _inherit = ["mgmtsystem.nonconformity", "itss.guard.mixin"]
    _itss_guard_readonly = False

    itss_audit_id = fields.Many2one("mgmtsystem.audit", string="Internal Audit", index="btree_not_null",
                                    check_company=True)
    itss_clause_id = fields.Many2one("itss.standard.clause", string="Clause", index="btree_not_null")
    itss_department_id = fields.Many2one("hr.department", string="Department", index="btree_not_null",
                                         check_company=True)
    itss_kind = fields.Selection([("nonconformity", "Nonconformity"), ("observation", "Observation")],
                                 string="Finding Type", default="nonconformity")
    itss_improvement_ids = fields.One2many("itss.improvement", "nonconformity_id", string="Corrective Actions")

    def _itss_locked_fnames(self):
        """A closed finding is evidence: only OCA's own closing date is still set on closing."""
        if self.state == "done":
            return frozenset(self._fields) - {"closing_date"}
        return super()._itss_locked_fnames()

    def write(self, vals):
        if vals.get("stage_id"):
            stage = self.env["mgmtsystem.nonconformity.stage"].browse(vals["stage_id"])
            if stage.state == "done":
                self._itss_check_can_close()
        return super().write(vals)

    def _itss_check_can_close(self):
        """Only QA closes a nonconformity, and only once every measure of the register on it is verified effective.

        OCA's immediate actions stay under OCA's own rule (closed before the nonconformity).
        """
        if not self.env.su and not self.env.user.has_group(QA):
            raise AccessError(self.env._(
                "Only QA auditors close a nonconformity, after verifying its corrective actions."))
        for nonconformity in self:
            improvements = nonconformity.sudo().itss_improvement_ids.filtered(lambda i: i.state != "cancelled")
            unverified = improvements.filtered(lambda i: i.state != "verified").mapped("name")
            if unverified:
                raise ValidationError(self.env._(
                    "Nonconformity %(ref)s cannot be closed: the effectiveness of %(actions)s is not verified yet.",
                    ref=nonconformity.ref, actions=", ".join(unverified)))

    def action_itss_add_corrective_action(self):
        """Open a corrective action in the improvement register for the department responsible."""
        nonconformities = self._itss_action([QA], message=self.env._("Only QA auditors assign corrective actions."))
        for nonconformity in nonconformities:
            if nonconformity.state in ("done", "cancel"):
                raise UserError(self.env._("Nonconformity %(ref)s is closed.", ref=nonconformity.ref))
            today = nonconformity.company_id._itss_today()
            self.env["itss.improvement"]._raise_and_open(today, {
                "name": self.env._("Corrective action: %(finding)s", finding=nonconformity.name or nonconformity.ref),
                "description": nonconformity.description,
                "source": "internal_audit" if nonconformity.itss_audit_id else "manual",
                "nonconformity_id": nonconformity.id,
                "audit_id": nonconformity.itss_audit_id.id,
                "owner_id": nonconformity.responsible_user_id.id,
                "department_id": nonconformity.itss_department_id.id,
                "due_date": today + timedelta(days=ACTION_DAYS),
                "company_id": nonconformity.company_id.id,
            })
        return True
