# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

QA = "itss_capability.group_itss_qa"
ANSWERS = [("conforming", "Conforming"), ("nonconforming", "Nonconforming"), ("observation", "Observation")]
# Suite records an auditor cites as evidence; those of modules not installed are left out.
EVIDENCE_MODELS = [
    "itss.plan.work.item", "itss.plan.execution", "itss.qa.check", "itss.improvement", "itss.customer.visit",
    "itss.kpi.value", "itss.tool", "itss.rd.topic", "itss.service.project", "hr.employee", "hr.course",
    "itss.training.plan", "itss.performance.appraisal", "helpdesk.ticket", "itss.sla.assessment",
    "itss.change.request", "itss.release", "itss.problem", "itss.knowledge.article", "itss.service.report",
    "itss.inspection", "itss.config.audit", "itss.work.report", "itss.spare.check", "itss.process.check",
    "document.page",
]


class MgmtsystemVerificationLine(models.Model):
    """A checklist question of an internal audit: the clause it asks about, the answer and its evidence."""

    _name = "mgmtsystem.verification.line"
    _inherit = ["mgmtsystem.verification.line", "itss.guard.mixin"]
    _itss_guard_readonly = False
    _itss_parent_field = "audit_id"

    itss_clause_id = fields.Many2one("itss.standard.clause", string="Clause", index="btree_not_null")
    itss_answer = fields.Selection(ANSWERS, string="Answer")
    itss_evidence_ref = fields.Reference(selection="_itss_evidence_models", string="Evidence Record")
    itss_attachment_ids = fields.Many2many("ir.attachment", string="Evidence Files")
    itss_nonconformity_id = fields.Many2one("mgmtsystem.nonconformity", string="Finding", readonly=True,
                                            itss_protected=True, copy=False)
    itss_department_id = fields.Many2one(related="audit_id.itss_department_id", store=True)

    @api.model
    def _itss_evidence_models(self):
        models_ = self.env["ir.model"].sudo().search([("model", "in", EVIDENCE_MODELS)])
        return [(model.model, model.name) for model in models_]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("itss_answer"):
                vals["is_conformed"] = vals["itss_answer"] == "conforming"
        return super().create(vals_list)

    def write(self, vals):
        if "itss_answer" in vals:
            vals = dict(vals, is_conformed=vals["itss_answer"] == "conforming")
        return super().write(vals)

    def action_itss_raise_finding(self):
        """Turn a nonconforming answer (or an observation) into a nonconformity of the audit."""
        lines = self._itss_action([QA], message=self.env._("Only QA auditors raise audit findings."))
        internal_audit = self.env.ref("mgmtsystem_nonconformity.nc_origin_internal_audit", raise_if_not_found=False)
        for line in lines:
            audit = line.audit_id
            if line.itss_answer not in ("nonconforming", "observation"):
                raise UserError(self.env._(
                    "Only a nonconforming answer or an observation becomes a finding: %(question)s.",
                    question=line.name))
            if line.itss_nonconformity_id:
                raise UserError(self.env._("This question already has its finding: %(question)s.",
                                           question=line.name))
            if audit.state != "open":
                raise UserError(self.env._("Audit %(audit)s is closed.", audit=audit.display_name))
            head = audit.itss_department_id.manager_id.user_id
            nonconformity = self.env["mgmtsystem.nonconformity"].create({
                "name": line.itss_clause_id.display_name or line.name,
                "description": line.comments or line.name,
                "partner_id": audit.company_id.partner_id.id,
                "responsible_user_id": (head or audit.user_id or self.env.user).id,
                "manager_user_id": (audit.user_id or self.env.user).id,
                "user_id": self.env.user.id,
                "origin_ids": [fields.Command.set(internal_audit.ids)],
                "company_id": audit.company_id.id,
                "itss_audit_id": audit.id,
                "itss_clause_id": line.itss_clause_id.id,
                "itss_department_id": audit.itss_department_id.id,
                "itss_kind": "observation" if line.itss_answer == "observation" else "nonconformity",
            })
            line.itss_nonconformity_id = nonconformity
            audit.nonconformity_ids = [fields.Command.link(nonconformity.id)]
        return True
