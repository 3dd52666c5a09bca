# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

# The source record of a measure, by its link field, most specific first.
SOURCE_FIELDS = ("nonconformity_id", "audit_id", "review_decision_id", "review_id", "process_check_id",
                 "qa_check_id", "annual_review_id", "kpi_value_id", "customer_visit_id")
ACTION_TYPES = {"internal_audit": "correction", "management_review": "improvement"}


class ItssImprovement(models.Model):
    """The suite's one improvement register: audit and review actions are OCA actions linked to a measure."""

    _inherit = "itss.improvement"

    audit_id = fields.Many2one("mgmtsystem.audit", string="Internal Audit", index="btree_not_null",
                               check_company=True)
    nonconformity_id = fields.Many2one("mgmtsystem.nonconformity", index="btree_not_null", check_company=True)
    review_id = fields.Many2one("mgmtsystem.review", string="Management Review", index="btree_not_null",
                                check_company=True)
    review_decision_id = fields.Many2one("itss.review.decision", index="btree_not_null", check_company=True)
    process_check_id = fields.Many2one("itss.process.check", string="QA Daily Check", index="btree_not_null",
                                       check_company=True)
    source = fields.Selection(selection_add=[("daily_check", "QA daily check")],
                              ondelete={"daily_check": "set default"})
    action_id = fields.Many2one("mgmtsystem.action", string="Management System Action", index="btree_not_null",
                                readonly=True, copy=False, check_company=True)
    source_ref = fields.Reference(selection="_itss_source_models", compute="_compute_source_ref",
                                  string="Source Record")

    @api.model
    def _itss_source_models(self):
        names = [self._fields[fname].comodel_name for fname in SOURCE_FIELDS]
        models_ = self.env["ir.model"].sudo().search([("model", "in", names)])
        return [(model.model, model.name) for model in models_]

    @api.depends(*SOURCE_FIELDS)
    def _compute_source_ref(self):
        for improvement in self:
            source = next((improvement[f] for f in SOURCE_FIELDS if improvement[f]), None)
            improvement.source_ref = f"{source._name},{source.id}" if source else False

    @api.model_create_multi
    def create(self, vals_list):
        improvements = super().create(vals_list)
        improvements.filtered(lambda i: i.nonconformity_id or i.review_id)._itss_create_actions()
        return improvements

    def _itss_create_actions(self):
        """Each measure of an audit or review has its OCA action, so OCA's lists and reports see it."""
        Action = self.env["mgmtsystem.action"].sudo()
        for improvement in self.filtered(lambda i: not i.action_id):
            Action.create({
                "name": improvement.name,
                "type_action": ACTION_TYPES.get(improvement.source, "improvement"),
                "user_id": (improvement.owner_id or self.env.user).id,
                "date_deadline": improvement.due_date,
                "company_id": improvement.company_id.id,
                "description": improvement.description,
                "nonconformity_ids": [fields.Command.link(improvement.nonconformity_id.id)]
                if improvement.nonconformity_id else [],
                "itss_improvement_ids": [fields.Command.link(improvement.id)],
            })

    def _itss_set_state(self, allowed, state):
        result = super()._itss_set_state(allowed, state)
        self._itss_sync_actions()
        return result

    def action_verify(self):
        result = super().action_verify()
        self._itss_sync_actions()
        return result

    def _itss_sync_actions(self):
        """The OCA action follows its measure: open while in work, closed once verified, cancelled with it."""
        stages = {
            "in_progress": self.env.ref("mgmtsystem_action.stage_open"),
            "done": self.env.ref("mgmtsystem_action.stage_open"),
            "verified": self.env.ref("mgmtsystem_action.stage_close"),
            "cancelled": self.env.ref("mgmtsystem_action.stage_cancel"),
        }
        for improvement in self.sudo().filtered("action_id"):
            stage = stages.get(improvement.state)
            if stage and improvement.action_id.stage_id != stage and not improvement.action_id.stage_id.is_ending:
                improvement.action_id.stage_id = stage
