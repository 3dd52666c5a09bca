# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

TOOL_TYPES = [
    ("monitoring", "Monitoring"),
    ("diagnosis", "Diagnosis"),
    ("automation", "Automation"),
    ("process", "Process Management"),
    ("special", "Special"),
    ("other", "Other"),
]


class ItssTool(models.Model):
    """An O&M tool of the tool library (运维工具): evaluated, approved by an O&M manager, used, retired."""

    _name = "itss.tool"
    _description = "O&M Tool"
    _inherit = ["mail.thread", "mail.activity.mixin", "itss.guard.mixin"]
    _order = "tool_type, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    tool_type = fields.Selection(TOOL_TYPES, required=True, default="monitoring", tracking=True)
    source = fields.Selection([("market", "Market"), ("self_developed", "Self-developed")],
                              required=True, default="market", tracking=True)
    vendor = fields.Char(string="Vendor / Developer", tracking=True)
    version = fields.Char(tracking=True)
    licence = fields.Char(string="Licence / Ownership",
                          help="Licence number, contract or software copyright registration proving the right of use.")
    licence_attachment_ids = fields.Many2many("ir.attachment", "itss_tool_licence_attachment_rel", "tool_id",
                                              "attachment_id", string="Licence / Ownership Proof")
    state = fields.Selection(
        [("evaluating", "Evaluating"), ("approved", "Approved"), ("retired", "Retired")],
        default="evaluating", required=True, readonly=True, tracking=True, copy=False,
    )
    evaluation_notes = fields.Html(help="Self-assessment of the tool: fitness, risks, test results.")
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Date(readonly=True, copy=False)
    instructions = fields.Html(help="Operating manual and how-to (使用说明).")
    permissions_note = fields.Text(string="Permissions", help="Who may use the tool and with which rights.")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    parameter_ids = fields.One2many("itss.tool.parameter", "tool_id", string="Monitoring Parameters")
    usage_ids = fields.One2many("itss.tool.usage", "tool_id", string="Usage Records")
    usage_count = fields.Integer(compute="_compute_usage_count")

    _name_company_unique = models.Constraint(
        "UNIQUE(name, version, company_id)", "This tool version is already in the tool library."
    )

    def _compute_usage_count(self):
        counts = dict(self.env["itss.tool.usage"]._read_group(
            [("tool_id", "in", self.ids)], ["tool_id"], ["__count"]))
        for tool in self:
            tool.usage_count = counts.get(tool, 0)

    def _itss_manager_action(self):
        return self._itss_action(["itss_capability.group_itss_manager"],
                                 message=self.env._("Only O&M managers approve, retire or re-evaluate tools."))

    def action_approve(self):
        """O&M managers approve an evaluated tool into the tool library."""
        tools = self._itss_manager_action()
        for tool in tools:
            if tool.state != "evaluating":
                raise UserError(self.env._("Only a tool under evaluation can be approved: %(tool)s.", tool=tool.name))
            if not tool.evaluation_notes or not tool.evaluation_notes.striptags().strip():
                raise UserError(self.env._("Write the evaluation of tool %(tool)s before approving it.",
                                           tool=tool.name))
        tools.write({
            "state": "approved",
            "approved_by_id": self.env.user.id,
            "approved_date": self[:1].company_id._itss_today(),
        })
        return True

    def action_retire(self):
        tools = self._itss_manager_action()
        for tool in tools:
            if tool.state != "approved":
                raise UserError(self.env._("Only an approved tool can be retired: %(tool)s.", tool=tool.name))
        tools.write({"state": "retired"})
        return True

    def action_reevaluate(self):
        self._itss_manager_action().write({"state": "evaluating", "approved_by_id": False, "approved_date": False})
        return True

    def action_view_usages(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Usage Records"),
            "res_model": "itss.tool.usage",
            "view_mode": "list,form",
            "domain": [("tool_id", "=", self.id)],
            "context": {"default_tool_id": self.id},
        }

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        for tool in self:
            if tool.usage_ids:
                raise UserError(self.env._(
                    "Tool %(tool)s has usage records: retire it instead of deleting it.", tool=tool.name))
