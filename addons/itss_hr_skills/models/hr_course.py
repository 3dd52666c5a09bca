# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrCourse(models.Model):
    """Courses of the O&M curriculum (运维培训课程体系), on OCA ``hr_course``: pass mark and the
    certificate a pass grants."""

    _inherit = "hr.course"

    itss_area = fields.Selection(
        [("network", "Network"), ("server", "Servers and storage"), ("database", "Database"),
         ("security", "Information security"), ("application", "Applications"),
         ("service", "Service management (ITSS)"), ("soft", "Communication and soft skills")],
        string="Curriculum Area", tracking=True)
    duration_hours = fields.Float(string="Duration (hours)")
    pass_score = fields.Float(default=60.0, tracking=True, help="Minimum score (out of 100) to pass.")
    grants_certification = fields.Boolean(
        string="Grants a Certificate", tracking=True,
        help="Attendees who pass get the certificate as a certification line on their employee record.")
    certification_skill_id = fields.Many2one(
        "hr.skill", string="Certificate", domain="[('skill_type_id.is_certification', '=', True)]")
    certification_skill_level_id = fields.Many2one(
        "hr.skill.level", string="Certificate Level",
        domain="[('skill_type_id', '=', certification_skill_type_id)]")
    certification_skill_type_id = fields.Many2one(related="certification_skill_id.skill_type_id")
    certification_validity_months = fields.Integer(
        string="Certificate Validity (months)", default=36, help="0: the certificate does not expire.")

    @api.constrains("pass_score", "grants_certification", "certification_skill_id",
                    "certification_skill_level_id", "certification_validity_months")
    def _check_itss_course(self):
        for course in self:
            if not 0 <= course.pass_score <= 100:
                raise ValidationError(self.env._(
                    "The pass score of course %(course)s must be between 0 and 100.", course=course.name))
            if course.certification_validity_months < 0:
                raise ValidationError(self.env._(
                    "The certificate validity of course %(course)s cannot be negative.", course=course.name))
            if not course.grants_certification:
                continue
            skill, level = course.certification_skill_id, course.certification_skill_level_id
            if not skill or not level:
                raise ValidationError(self.env._(
                    "Course %(course)s grants a certificate: choose the certificate and its level.",
                    course=course.name))
            if not skill.skill_type_id.is_certification or level.skill_type_id != skill.skill_type_id:
                raise ValidationError(self.env._(
                    "The certificate of course %(course)s must be a skill of a certification skill type, "
                    "with a level of that type.", course=course.name))
