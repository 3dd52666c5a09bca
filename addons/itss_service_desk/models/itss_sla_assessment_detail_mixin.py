# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import fields, models

from odoo.addons.itss_capability.models.itss_guard_mixin import ALL_FIELDS


class ItssSlaAssessmentDetailMixin(models.AbstractModel):
    """A row of a project's monthly SLA self-assessment (its lines and its misses), frozen with the month.

    The assessment itself keeps its conclusion open once the month is closed, so the guard's rule
    "a line is frozen when its parent is wholly frozen" does not apply: the rows follow the month instead.
    """

    _name = "itss.sla.assessment.detail.mixin"
    _description = "SLA Self-assessment Row"
    _inherit = ["itss.guard.mixin"]
    _itss_parent_field = "assessment_id"

    assessment_id = fields.Many2one("itss.sla.assessment", required=True, ondelete="cascade", index=True,
                                    readonly=True)
    # Precomputed: the rows are created with their company, not updated afterwards.
    company_id = fields.Many2one(related="assessment_id.company_id", store=True, index=True, precompute=True)

    def _itss_sync(self, assessments, wanted):
        """Make the rows of ``assessments`` those of ``wanted`` ({assessment id: [row values]}).

        A row equal in every copied field to a wanted one is kept as it is, the other rows are
        deleted and the wanted rows left over created (in one batch, with their company).
        """
        fnames = [fname for fname, field in self._fields.items() if field.store and not field.compute
                  and fname not in (*models.MAGIC_COLUMNS, "assessment_id")]

        def key(assessment_id, values):
            return (assessment_id, *(self._fields[f].convert_to_cache(values.get(f, False), self) for f in fnames))

        pool = defaultdict(list)
        for row in self.search_fetch([("assessment_id", "in", assessments.ids)], fnames + ["assessment_id"]):
            pool[key(row.assessment_id.id, {f: row[f] for f in fnames})].append(row.id)
        to_create = []
        for assessment_id, rows in wanted.items():
            for values in rows:
                ids = pool.get(key(assessment_id, values))
                if ids:
                    ids.pop()
                else:
                    to_create.append({"assessment_id": assessment_id, **values})
        self.browse([row_id for ids in pool.values() for row_id in ids]).unlink()
        return self.create(to_create)

    def _itss_locked_fnames(self):
        if self.assessment_id.sudo()._itss_month_closed():
            return ALL_FIELDS
        return super()._itss_locked_fnames()
