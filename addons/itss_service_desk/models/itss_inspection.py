# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssInspection(models.Model):
    """An inspection (巡检) of configuration items at the customer site, checklist per CI type.

    Finishing it turns every abnormal finding into a ticket of the project (linked back to the
    finding), and marks the planned inspection done. A finished inspection is a record.
    """

    _name = "itss.inspection"
    _description = "Inspection"
    _inherit = ["mail.thread", "itss.project.site.mixin", "itss.guard.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    plan_item_id = fields.Many2one("itss.work.plan.item", string="Planned Work", index=True, check_company=True)
    user_id = fields.Many2one("res.users", string="Inspector", required=True, default=lambda self: self.env.user)
    date = fields.Date(required=True, default=lambda self: self.env.company._itss_today())
    equipment_ids = fields.Many2many("maintenance.equipment", "itss_inspection_equipment_rel", "inspection_id",
                                     "equipment_id", string="Configuration Items", check_company=True)
    line_ids = fields.One2many("itss.inspection.line", "inspection_id", string="Checks")
    finding_count = fields.Integer(compute="_compute_finding_count", store=True, string="Findings")
    state = fields.Selection([("draft", "In Progress"), ("done", "Done")], default="draft", required=True,
                             readonly=True, tracking=True, copy=False)

    @api.depends("project_id", "date")
    def _compute_name(self):
        for inspection in self:
            inspection.name = f"{self.env._('Inspection')} {inspection.project_id.name or ''} {inspection.date or ''}"

    @api.depends("line_ids.result")
    def _compute_finding_count(self):
        for inspection in self:
            inspection.finding_count = len(inspection.line_ids.filtered(lambda line: line.result == "abnormal"))

    def _itss_locked_fnames(self):
        return ALL_FIELDS if self.state == "done" else frozenset()

    def action_load_checklist(self):
        """One check line per configuration item and item of its CI type's checklist (not yet loaded)."""
        inspections = self._itss_action(["itss_capability.group_itss_user"])
        for inspection in inspections:
            if inspection.state != "draft":
                raise UserError(self.env._("The inspection %(name)s is finished.", name=inspection.name))
            known = {(line.equipment_id.id, line.check_id.id) for line in inspection.line_ids}
            inspection.line_ids = [
                fields.Command.create({"equipment_id": equipment.id, "check_id": check.id, "name": check.name,
                                       "expected": check.expected})
                for equipment in inspection.equipment_ids
                for check in equipment.ci_type_id.inspection_check_ids
                if (equipment.id, check.id) not in known
            ]
        return True

    def action_done(self):
        inspections = self._itss_action(["itss_capability.group_itss_user"])
        Ticket = self.env["helpdesk.ticket"]
        for inspection in inspections:
            if inspection.state != "draft":
                raise UserError(self.env._("The inspection %(name)s is already finished.", name=inspection.name))
            if not inspection.line_ids or inspection.line_ids.filtered(lambda line: not line.result):
                raise UserError(self.env._("Record the result of every check of %(name)s first.",
                                           name=inspection.name))
            for line in inspection.line_ids.filtered(lambda line: line.result == "abnormal" and not line.ticket_id):
                line.ticket_id = Ticket.create({
                    "name": self.env._("Inspection finding: %(equipment)s — %(check)s",
                                       equipment=line.equipment_id.name, check=line.name),
                    "description": Markup("<p>%s</p><p>%s</p>") % (
                        self.env._("Found during %(inspection)s.", inspection=inspection.name), line.note or ""),
                    "service_project_id": inspection.project_id.id,
                    "partner_id": inspection.project_id.partner_id.id,
                    "equipment_ids": [fields.Command.set(line.equipment_id.ids)],
                    "itss_channel": "onsite",
                    "company_id": inspection.company_id.id,
                })
        inspections.write({"state": "done"})
        return True
