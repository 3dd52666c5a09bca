# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ServiceDeskCase


@tagged("post_install", "-at_install")
class TestWorkPlan(ServiceDeskCase):
    """On-site work plans with their inspections: checklist per CI type, findings become tickets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ci_type = cls.env["itss.ci.type"].create({"name": "Test machine room", "inspection_check_ids": [
            Command.create({"name": "Temperature", "expected": "18–27 ℃"}),
            Command.create({"name": "UPS alarms", "expected": "none"}),
        ]})
        Equipment = cls.env["maintenance.equipment"]
        cls.room = Equipment.create({"name": "Main machine room", "ci_type_id": cls.ci_type.id,
                                     "project_id": cls.project.id})
        cls.room.message_subscribe(partner_ids=(cls.engineer | cls.engineer2).partner_id.ids)
        cls.plan = cls.env["itss.work.plan"].with_user(cls.manager).create({
            "name": "Hospital Q4 plan", "project_id": cls.project.id, "date_from": "2041-10-01",
            "date_to": "2041-12-31", "item_ids": [
                Command.create({"kind": "inspection", "name": "Machine room inspection", "planned_date": "2041-10-08",
                                "user_id": cls.engineer.id, "equipment_ids": [Command.set(cls.room.ids)]}),
                Command.create({"kind": "training", "name": "HIS backup training for IT staff",
                                "planned_date": "2041-11-12", "user_id": cls.engineer.id}),
            ]})
        cls.inspection_item, cls.training_item = cls.plan.item_ids

    def test_inspection_findings_become_tickets(self):
        """The checklist comes from the CI type; an abnormal check becomes a ticket; the planned inspection is done."""
        self.plan.with_user(self.manager).action_approve()
        action = self.inspection_item.with_user(self.engineer).action_start_inspection()
        inspection = self.env["itss.inspection"].browse(action["res_id"])
        self.assertEqual(inspection.line_ids.mapped("name"), ["Temperature", "UPS alarms"])
        with self.assertRefused(UserError, "result of every check"):
            inspection.with_user(self.engineer).action_done()
        temperature, ups = inspection.line_ids
        temperature.with_user(self.engineer).result = "ok"
        ups.with_user(self.engineer).write({"result": "abnormal", "note": "Battery alarm on UPS 2"})
        inspection.with_user(self.engineer).action_done()
        self.assertEqual(inspection.finding_count, 1)
        self.assertTrue(ups.ticket_id)
        self.assertEqual(ups.ticket_id.service_project_id, self.project)
        self.assertEqual(ups.ticket_id.equipment_ids, self.room)
        self.assertFalse(temperature.ticket_id)
        self.inspection_item.with_user(self.engineer).action_done()
        self.assertEqual(self.inspection_item.state, "done")
        self.assertEqual(self.plan.done_rate, 50.0)
        with self.assertRefused(AccessError, "is closed"):
            ups.with_user(self.manager).note = "changed"

    def test_plan_rules(self):
        """Work is recorded only on an approved plan; a training needs its result; dates stay in the plan."""
        with self.assertRefused(UserError, "not approved"):
            self.training_item.with_user(self.engineer).action_done()
        self.plan.with_user(self.manager).action_approve()
        with self.assertRefused(UserError, "Record the result"):
            self.training_item.with_user(self.engineer).action_done()
        with self.assertRefused(UserError, "Finish the inspection"):
            self.inspection_item.with_user(self.engineer).action_done()
        with self.assertRefused(ValidationError, "outside its work plan"):
            self.env["itss.work.plan.item"].create({"plan_id": self.plan.id, "name": "Late",
                                                    "planned_date": "2042-01-05"})
        with self.assertRefused(UserError, "still has planned work"):
            self.plan.with_user(self.manager).action_close()

    def test_roles(self):
        """Engineers cannot approve plans nor record a colleague's work; executives only read."""
        with self.assertRefused(AccessError, "Only O&M managers approve"):
            self.plan.with_user(self.engineer).action_approve()
        self.plan.with_user(self.manager).action_approve()
        self.training_item.with_user(self.engineer).result = "Trained 6 staff"
        with self.assertRaises(AccessError):
            self.training_item.with_user(self.engineer2).result = "Not mine"
        with self.assertRaises(AccessError):
            self.env["itss.work.plan"].with_user(self.executive).create({
                "name": "x", "project_id": self.project.id, "date_from": "2041-10-01", "date_to": "2041-10-31"})

    def test_overdue(self):
        """Planned work past its date is overdue until done."""
        self.plan.with_user(self.manager).action_approve()
        overdue = self.env["itss.work.plan.item"].search([("is_overdue", "=", True), ("plan_id", "=", self.plan.id)])
        self.assertFalse(overdue)  # 2041 is in the future
        self.plan.sudo().write({"date_from": "2020-01-01"})
        self.inspection_item.sudo().planned_date = "2020-01-10"
        self.assertTrue(self.inspection_item.is_overdue)
        self.assertIn(self.inspection_item, self.env["itss.work.plan.item"].search([("is_overdue", "=", True)]))
