# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

EDITIONS = [("2012", "GB/T 28827.1-2012"), ("2022", "GB/T 28827.1-2022")]


class ItssStandardClause(models.Model):
    """A clause of GB/T 28827.1 (one edition), with the evidence an assessor expects for it."""

    _name = "itss.standard.clause"
    _description = "Standard Clause"
    _order = "edition, sequence, code"
    _parent_store = True

    code = fields.Char(required=True, help="Clause number in the standard, e.g. 9.4.")
    name = fields.Char(string="Title", required=True, translate=True)
    edition = fields.Selection(EDITIONS, required=True, default="2012", index=True)
    sequence = fields.Integer(default=10)
    parent_id = fields.Many2one("itss.standard.clause", string="Parent Clause", index=True, ondelete="cascade")
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("itss.standard.clause", "parent_id", string="Sub-clauses")
    expected_evidence = fields.Text(translate=True, help="The records an assessor asks to see for this clause.")
    element_id = fields.Many2one("itss.element", index="btree_not_null")
    process_id = fields.Many2one("itss.process", index="btree_not_null")
    allocation_ids = fields.One2many("itss.clause.allocation", "clause_id", string="Function Allocation")
    lead_department_id = fields.Many2one("hr.department", compute="_compute_allocation",
                                         string="Lead Department (主责)")
    participating_department_ids = fields.Many2many("hr.department", compute="_compute_allocation",
                                                    string="Participating Departments (参与)")
    is_allocation_gap = fields.Boolean(
        string="No Lead Department", compute="_compute_allocation", search="_search_is_allocation_gap",
        help="A requirement clause without a lead department in the current company's allocation table.")
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(edition, code)", "This clause already exists in this edition.")

    @api.depends("code", "name")
    def _compute_display_name(self):
        for clause in self:
            clause.display_name = f"{clause.code} {clause.name}" if clause.code else clause.name

    @api.depends("allocation_ids.responsibility", "allocation_ids.department_id")
    @api.depends_context("company")
    def _compute_allocation(self):
        company = self.env.company
        for clause in self:
            allocations = clause.allocation_ids.filtered(lambda a: a.company_id == company)
            lead = allocations.filtered(lambda a: a.responsibility == "lead")
            clause.lead_department_id = lead[:1].department_id
            clause.participating_department_ids = (allocations - lead).department_id
            clause.is_allocation_gap = bool(clause.parent_id) and not lead

    def _itss_allocation_matrix(self):
        """The allocation table of the current company for these clauses: departments and ●/○ cells."""
        company = self.env.company
        clauses = self.sorted(lambda c: (c.sequence, c.code))
        allocations = clauses.allocation_ids.filtered(lambda a: a.company_id == company)
        departments = allocations.department_id.sorted(lambda d: (d.name, d.id))
        marks = {(a.clause_id.id, a.department_id.id): "●" if a.responsibility == "lead" else "○" for a in allocations}
        rows = [{
            "clause": clause, "gap": clause.is_allocation_gap,
            "cells": [marks.get((clause.id, department.id), "") for department in departments],
        } for clause in clauses]
        edition = dict(self._fields["edition"]._description_selection(self.env)).get(clauses[:1].edition, "")
        return {"departments": departments, "rows": rows, "edition": edition}

    @api.model
    def _search_is_allocation_gap(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        led = self.env["itss.clause.allocation"]._read_group(
            [("company_id", "=", self.env.company.id), ("responsibility", "=", "lead")], ["clause_id"])
        led_ids = [clause.id for (clause,) in led]
        gap = (operator == "=") == value
        if gap:
            return [("parent_id", "!=", False), ("id", "not in", led_ids)]
        return ["|", ("parent_id", "=", False), ("id", "in", led_ids)]
