# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ServiceDeskCase

SEPT, OCT = date(2041, 9, 1), date(2041, 10, 1)


@tagged("post_install", "-at_install")
class TestKpiServiceLevel(ServiceDeskCase):
    """Service-level KPIs: one value per catalog service over all its projects, the same providers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Service = cls.env["itss.catalog.service"]
        cls.database = Service.create({"name": "KPI database O&M", "code": "T-KDB", "description": "<p>D</p>"})
        cls.desktop = Service.create({"name": "KPI desktop O&M", "code": "T-KDT", "description": "<p>T</p>"})
        (cls.database | cls.desktop).action_publish()
        cls.project2 = cls.make_project("KPI bank O&M", "KPI Bank")
        cls.project.catalog_service_ids = cls.database | cls.desktop
        cls.project2.catalog_service_ids = cls.database
        Kpi = cls.env["itss.kpi"]
        common = {"value_type": "percent", "target": 80, "period": "month",
                  "provider": "incident_resolution", "owner_id": cls.manager.id}
        cls.kpi_service = Kpi.create({"name": "Test resolution per service", "code": "T_RES_SVC",
                                      "level": "service", **common})
        cls.kpi_project = Kpi.create({"name": "Test resolution per project", "code": "T_RES_PRJ",
                                      "level": "project", **common})

    def incident(self, project, service, day, closed=False):
        reported = datetime(day.year, day.month, day.day, 3)
        with freeze_time(reported):
            ticket = self.env["helpdesk.ticket"].create({
                "name": f"{service.name} incident", "description": "<p>x</p>", "service_project_id": project.id,
                "partner_id": project.partner_id.id, "catalog_service_id": service.id, "itss_kind": "incident"})
        if closed:
            with freeze_time(reported + timedelta(hours=5)):
                ticket._itss_replay(closed_at=reported + timedelta(hours=5))
        return ticket

    def values(self, kpi, day=SEPT):
        return self.env["itss.kpi.value"].search([("kpi_id", "=", kpi.id), ("date_from", "=", day)])

    def build(self, day=SEPT):
        self.incident(self.project, self.database, day.replace(day=3), closed=True)
        self.incident(self.project2, self.database, day.replace(day=4))
        self.incident(self.project2, self.database, day.replace(day=5), closed=True)
        self.incident(self.project, self.desktop, day.replace(day=6), closed=True)

    def test_values_per_service(self):
        """A service KPI has one value per service, counting every project that subscribes it."""
        self.build()
        (self.kpi_service | self.kpi_project)._compute_provider_values(SEPT, date(2041, 9, 30))
        by_service = {value.service_id: value.value for value in self.values(self.kpi_service)}
        self.assertEqual(by_service, {self.database: 66.67, self.desktop: 100.0})
        self.assertFalse(self.values(self.kpi_service).project_id)
        by_project = {value.project_id: value.value for value in self.values(self.kpi_project)}
        self.assertEqual(by_project, {self.project: 100.0, self.project2: 50.0})
        self.assertFalse(self.values(self.kpi_project).service_id)

    def test_recompute_updates_in_place(self):
        """Computing the period again updates each service's value; no second value appears."""
        self.build()
        self.kpi_service._compute_provider_values(SEPT, date(2041, 9, 30))
        self.incident(self.project, self.desktop, date(2041, 9, 9))
        self.kpi_service._compute_provider_values(SEPT, date(2041, 9, 30))
        values = self.values(self.kpi_service)
        self.assertEqual(len(values), 2)
        self.assertEqual(values.filtered(lambda v: v.service_id == self.desktop).value, 50.0)

    def test_baseline_per_service(self):
        """Baselines and control limits follow each service's own series."""
        self.build()
        self.build(OCT)
        self.kpi_service._compute_provider_values(SEPT, date(2041, 9, 30))
        self.kpi_service._compute_provider_values(OCT, date(2041, 10, 31))
        baselines = self.kpi_service.baseline_ids
        self.assertEqual(baselines.service_id, self.database | self.desktop)
        self.assertEqual({b.service_id: b.period_count for b in baselines}, {self.database: 2, self.desktop: 2})

    def test_provider_without_service_refused(self):
        """A provider whose records know no catalog service cannot feed a service-level KPI."""
        with self.assertRefused(ValidationError, "does not measure per catalog service"):
            self.kpi_service.provider = "change_success"

    def test_manual_value_needs_service_only(self):
        """A hand-entered service value needs its service, takes no project, and is unique per period."""
        Value = self.env["itss.kpi.value"].with_user(self.manager)
        with self.assertRefused(ValidationError, "per catalog service"):
            Value.create({"kpi_id": self.kpi_service.id, "date_from": SEPT, "value": 90})
        with self.assertRefused(ValidationError, "per catalog service"):
            Value.create({"kpi_id": self.kpi_service.id, "date_from": SEPT, "value": 90,
                          "service_id": self.database.id, "project_id": self.project.id})
        with self.assertRefused(ValidationError, "per service project"):
            Value.create({"kpi_id": self.kpi_project.id, "date_from": SEPT, "value": 90,
                          "project_id": self.project.id, "service_id": self.database.id})
        Value.create({"kpi_id": self.kpi_service.id, "date_from": SEPT, "value": 90, "service_id": self.database.id})
        with self.assertRefused(ValidationError, "already has a value"):
            Value.create({"kpi_id": self.kpi_service.id, "date_from": SEPT, "value": 95,
                          "service_id": self.database.id})
        self.assertEqual(len(self.values(self.kpi_service)), 1)
