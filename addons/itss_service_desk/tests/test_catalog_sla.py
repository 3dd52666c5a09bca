# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .test_sla import MON, SlaCase


class TestCatalogSla(SlaCase):
    """Service levels come from the project's catalog services unless the contract overrides them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The generic project SLAs of SlaCase are replaced by general team targets (no project).
        (cls.p3_resolution | cls.p3_response | cls.p1_resolution).service_project_ids = False
        Service = cls.env["itss.catalog.service"]
        common = {"stage_id": cls.stage_done.id, "ignore_stage_ids": [Command.set(cls.stage_waiting.ids)]}
        cls.db = Service.create({"name": "Database O&M", "code": "T-DB", "description": "<p>DB</p>", "sla_ids": [
            Command.create({**common, "name": "DB P3 resolution 4h", "itss_priority": "P3", "hours": 4}),
            Command.create({**common, "name": "DB P3 response 1h", "itss_priority": "P3", "hours": 1,
                            "itss_target": "response"}),
        ]})
        cls.desk = Service.create({"name": "Desktop O&M", "code": "T-DESK", "description": "<p>PC</p>", "sla_ids": [
            Command.create({**common, "name": "Desk P3 resolution 16h", "itss_priority": "P3", "hours": 16}),
        ]})
        (cls.db | cls.desk).action_publish()
        cls.db_p3_resolution = cls.db.sla_ids.filtered(lambda s: s.itss_target == "resolution")
        cls.db_p3_response = cls.db.sla_ids - cls.db_p3_resolution
        cls.project.catalog_service_ids = cls.db | cls.desk

    def test_service_levels_replace_general_targets(self):
        """A database ticket gets the database service's 4 h / 1 h, not the team's general 8 h / 2 h."""
        with freeze_time(MON):
            ticket = self.p3_ticket(catalog_service_id=self.db.id)
            ticket.flush_recordset()
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.db_p3_resolution | self.db_p3_response)
        self.assertEqual(self.row(ticket, self.db_p3_resolution).deadline, datetime(2041, 9, 23, 13))
        self.assertEqual(self.row(ticket, self.db_p3_resolution).catalog_service_id, self.db)

    def test_service_without_level_for_a_target_keeps_general(self):
        """The desktop service has no response level: its ticket keeps the general response target."""
        with freeze_time(MON):
            ticket = self.p3_ticket(catalog_service_id=self.desk.id)
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.desk.sla_ids | self.p3_response)

    def test_ticket_without_service_keeps_general(self):
        """A ticket of a two-service project without a chosen service runs the general targets."""
        with freeze_time(MON):
            ticket = self.p3_ticket()
        self.assertFalse(ticket.catalog_service_id)
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.p3_resolution | self.p3_response)

    def test_choosing_service_recomputes(self):
        """Choosing the service later replaces the running targets with the service's levels."""
        with freeze_time(MON):
            ticket = self.p3_ticket()
            ticket.catalog_service_id = self.db
            ticket.flush_recordset()
        self.assertEqual(ticket.ticket_sla_ids.sla_id, self.db.sla_ids)

    def test_single_service_is_default(self):
        """A project subscribing one service gives it to its tickets."""
        self.project.catalog_service_ids = self.db
        with freeze_time(MON):
            ticket = self.p3_ticket()
        self.assertEqual(ticket.catalog_service_id, self.db)

    def test_service_of_another_project_refused(self):
        """A ticket cannot be about a service its project does not subscribe; nothing is created."""
        other = self.env["itss.catalog.service"].create({"name": "Network", "code": "T-NET", "description": "<p>N</p>"})
        other.action_publish()
        count = self.env["helpdesk.ticket"].search_count([])
        with self.assertRefused(ValidationError, "does not subscribe"):
            self.p3_ticket(catalog_service_id=other.id)
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), count)

    def test_contract_override(self):
        """A contract override of the database resolution replaces the service level on that project only."""
        override = self.env["helpdesk.sla"].with_user(self.manager).create({
            "name": "Contract: DB P3 resolution 2h", "itss_priority": "P3", "hours": 2,
            "stage_id": self.stage_done.id, "catalog_service_id": self.db.id,
            "service_project_ids": [Command.set(self.project.ids)],
        })
        self.assertEqual(override.itss_level, "contract")
        self.assertEqual(self.project.overridden_sla_ids, self.db_p3_resolution)
        self.assertEqual(self.project.service_sla_ids, self.db_p3_response | self.desk.sla_ids)
        with freeze_time(MON):
            ticket = self.p3_ticket(catalog_service_id=self.db.id)
            ticket.flush_recordset()
        self.assertEqual(ticket.ticket_sla_ids.sla_id, override | self.db_p3_response)
        self.assertEqual(self.row(ticket, override).deadline, datetime(2041, 9, 23, 11))
        other = self.env["itss.service.project"].create({
            "name": "Other hospital", "partner_id": self.customer.id, "state": "active",
            "resource_calendar_id": self.calendar.id, "catalog_service_ids": [Command.set(self.db.ids)]})
        with freeze_time(MON):
            other_ticket = self.p3_ticket(service_project_id=other.id, catalog_service_id=self.db.id)
        self.assertEqual(other_ticket.ticket_sla_ids.sla_id, self.db.sla_ids)

    def test_override_is_logged_on_project(self):
        """Adding and changing a contract override is written to the project's chatter."""
        project = self.project.with_context(tracking_disable=False)
        override = self.env["helpdesk.sla"].with_user(self.manager).create({
            "name": "Contract: all P1 resolution 2h", "itss_priority": "P1", "hours": 2,
            "service_project_ids": [Command.set(project.ids)],
        })
        override.with_user(self.manager).hours = 3
        bodies = " ".join(project.message_ids.mapped("body"))
        self.assertIn("Contract SLA override added: Contract: all P1 resolution 2h", bodies)
        self.assertIn("Contract SLA override changed", bodies)

    def test_published_levels_frozen(self):
        """The levels of a published service are changed only by revising the service."""
        with self.assertRefused(UserError, "revise the service"):
            self.db_p3_resolution.with_user(self.manager).hours = 6
        self.assertEqual(self.db_p3_resolution.hours, 4)
        with self.assertRefused(UserError, "revise the service"):
            self.db_p3_resolution.with_user(self.manager).unlink()
        self.db.with_user(self.manager).action_revise()
        self.db_p3_resolution.with_user(self.manager).hours = 6
        self.assertEqual(self.db_p3_resolution.hours, 6)

    def test_engineer_cannot_override(self):
        """Engineers read service levels but cannot create a contract override."""
        self.assertTrue(self.db.sla_ids.with_user(self.engineer).read(["name"]))
        with self.assertRaises(AccessError):
            self.env["helpdesk.sla"].with_user(self.engineer).create({
                "name": "Mine", "hours": 1, "service_project_ids": [Command.set(self.project.ids)]})

    def test_clocks_group_by_service(self):
        """SLA clocks read grouped by catalog service as well as by project."""
        with freeze_time(MON):
            self.p3_ticket(catalog_service_id=self.db.id)
            self.p3_ticket(catalog_service_id=self.desk.id)
            self.env.flush_all()
        groups = dict(self.env["helpdesk.ticket.sla"]._read_group(
            [("service_project_id", "=", self.project.id)], ["catalog_service_id"], ["__count"]))
        self.assertEqual(groups[self.db], 2)
        self.assertEqual(groups[self.desk], 2)

    def test_catalog_report(self):
        """The catalog report lists the selected services with their service levels."""
        html = self.env["ir.actions.report"]._render_qweb_html(
            "itss_service_desk.itss_catalog_service_pdf_action", (self.db | self.desk).ids)[0].decode()
        self.assertIn("Database O&amp;M", html)
        self.assertIn("Desktop O&amp;M", html)
        self.assertIn("Service Levels", html)
