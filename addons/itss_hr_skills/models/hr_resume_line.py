# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class HrResumeLine(models.Model):
    """Résumé lines of the O&M staff experience record (《运维人员履历表》): customer, project, role."""

    _inherit = "hr.resume.line"

    itss_project_id = fields.Many2one("itss.service.project", string="Service Project", index=True)
    itss_partner_id = fields.Many2one(
        "res.partner", string="Customer", compute="_compute_itss_partner_id", store=True, readonly=False,
        index=True)
    itss_role = fields.Char(string="O&M Role", help="Role held, e.g. on-site engineer, project manager.")

    @api.depends("itss_project_id")
    def _compute_itss_partner_id(self):
        for line in self:
            if line.itss_project_id:
                line.itss_partner_id = line.itss_project_id.partner_id
