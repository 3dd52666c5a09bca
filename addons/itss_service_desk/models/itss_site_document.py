# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ItssSiteDocument(models.Model):
    """A document collected at a customer site: client training material (培训资料) or technical data
    (技术资料: drawings, manuals, configurations), linked to the site (its service project) and to the
    configuration items it describes.

    The file is an ordinary attachment of the record (Odoo's ir.attachment, ``attachment=True``); this
    register adds what attachments lack: the kind, the CIs and whether the site's customer contacts may
    download it from the portal (their own site's documents only).
    """

    _name = "itss.site.document"
    _description = "Site Document"
    _inherit = ["mail.thread", "itss.project.site.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    kind = fields.Selection(
        [("training", "Client Training Material"), ("technical", "Technical Data")],
        required=True, default="training", tracking=True, index=True)
    project_id = fields.Many2one(string="Site (Service Project)", tracking=True)
    date = fields.Date(required=True, default=lambda self: self.env.company._itss_today())
    equipment_ids = fields.Many2many(
        "maintenance.equipment", "itss_site_document_equipment_rel", "document_id", "equipment_id",
        string="Configuration Items", check_company=True)
    datas = fields.Binary(string="File", attachment=True, required=True, copy=False)
    file_name = fields.Char()
    description = fields.Text()
    share_with_customer = fields.Boolean(
        string="On the Customer Portal", compute="_compute_share_with_customer", store=True, readonly=False,
        tracking=True,
        help="The site's customer contacts can download it from their portal; other customers never. "
        "Training material is shared by default, technical data not.")
    user_id = fields.Many2one("res.users", string="Collected by", default=lambda self: self.env.user)

    @api.model
    def _itss_counts(self, field, records):
        """{record: number of documents} for the sites or CIs ``records`` (``field`` links them), one read."""
        return dict(self._read_group([(field, "in", records.ids)], [field], ["__count"]))

    @api.model
    def _itss_open(self, domain, context):
        """The documents action restricted to ``domain``, new documents defaulting from ``context``."""
        action = self.env["ir.actions.act_window"]._for_xml_id("itss_service_desk.itss_site_document_action")
        action.update({"domain": domain, "context": context})
        return action

    @api.depends("kind")
    def _compute_share_with_customer(self):
        for document in self:
            document.share_with_customer = document.kind == "training"

    @api.constrains("equipment_ids", "project_id")
    def _check_equipment_site(self):
        for document in self:
            foreign = document.equipment_ids.filtered(
                lambda ci, d=document: ci.project_id and ci.project_id != d.project_id)
            if foreign:
                raise ValidationError(self.env._(
                    "The configuration items %(items)s belong to another site than %(site)s.",
                    items=", ".join(foreign.mapped("name")), site=document.project_id.display_name))
