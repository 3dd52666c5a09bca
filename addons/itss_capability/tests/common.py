# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re
from contextlib import contextmanager

from odoo.tests import HttpCase, new_test_user
from odoo.tests.common import TransactionCase

# The four ITSS roles, by the attribute name tests give their user.
ROLE_GROUPS = {
    "engineer": "itss_capability.group_itss_user",
    "manager": "itss_capability.group_itss_manager",
    "qa": "itss_capability.group_itss_qa",
    "executive": "itss_capability.group_itss_executive",
}


class ItssTzCompanyMixin:
    """A fresh company in Asia/Shanghai, so that periods are cut in a time zone other than UTC."""

    @classmethod
    def _company(cls, name):
        company = cls.env["res.company"].create({"name": name})
        company.resource_calendar_id.tz = "Asia/Shanghai"
        company.partner_id.tz = "Asia/Shanghai"
        return company


class RefusalAssertions:
    """assertRefused: assertRaisesRegex inside Odoo's savepoint, so nothing half-written stays."""

    @contextmanager
    def assertRefused(self, exception, pattern):
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), pattern)


class ItssBaseCase(RefusalAssertions, TransactionCase):
    """Tracking off; helpers for role users and customer projects shared by the suite's tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))

    @classmethod
    def role_users(cls, prefix, *roles):
        """One user per ITSS role (all four by default), as ``cls.<role>``, login ``<prefix>_<role>``."""
        for role in roles or ROLE_GROUPS:
            setattr(cls, role, new_test_user(cls.env, f"{prefix}_{role}", groups=ROLE_GROUPS[role]))

    @classmethod
    def make_project(cls, name, customer_name):
        """An active service project of a new customer company."""
        customer = cls.env["res.partner"].create({"name": customer_name, "is_company": True})
        return cls.env["itss.service.project"].create({
            "name": name, "partner_id": customer.id, "state": "active",
        })


class ItssPortalCase(HttpCase):
    """Portal tests: tracking off; customer companies whose contacts have portal users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))

    @classmethod
    def portal_customer(cls, login, company_name, contact_name, email=False, project_name=None):
        """A customer company and its contact with the portal user ``login`` (password: the login).

        Returns (company, user), and the company's active service project when ``project_name`` is given.
        """
        Partner = cls.env["res.partner"]
        company = Partner.create({"name": company_name, "is_company": True})
        contact = Partner.create({"name": contact_name, "parent_id": company.id, "email": email})
        user = new_test_user(cls.env, login, groups="base.group_portal", partner_id=contact.id)
        if project_name is None:
            return company, user
        project = cls.env["itss.service.project"].create({
            "name": project_name, "partner_id": company.id, "state": "active"})
        return company, user, project

    def csrf_token(self, url):
        """The form token of the page at ``url`` (as the authenticated user)."""
        return re.search(r'name="csrf_token" value="([^"]+)"', self.url_open(url).text).group(1)


class ItssCase(ItssBaseCase):
    """Shared fixtures: one user per ITSS role, a customer service project and two KPIs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.role_users("t")
        cls.project = cls.make_project("Test hospital O&M", "Test Customer Hospital")
        cls.customer = cls.project.partner_id
        cls.process_incident = cls.env.ref("itss_capability.itss_process_incident")
        cls.kpi_org = cls.env["itss.kpi"].create({
            "name": "Test configuration accuracy",
            "code": "T_CFG",
            "process_id": cls.env.ref("itss_capability.itss_process_configuration").id,
            "level": "organization",
            "value_type": "percent",
            "direction": "higher",
            "target": 95.0,
            "period": "month",
            "baseline_periods": 5,
            "owner_id": cls.manager.id,
        })
        cls.kpi_project = cls.env["itss.kpi"].create({
            "name": "Test incident resolution rate",
            "code": "T_INC",
            "process_id": cls.process_incident.id,
            "level": "project",
            "value_type": "percent",
            "direction": "higher",
            "target": 90.0,
            "period": "month",
            "owner_id": cls.manager.id,
        })

    @classmethod
    def add_values(cls, kpi, values, year=2025, project=None, env=None):
        """Create one monthly value per item of ``values``, January onwards."""
        Value = (env or cls.env)["itss.kpi.value"]
        return Value.create([
            {
                "kpi_id": kpi.id,
                "project_id": project.id if project else False,
                "date_from": f"{year}-{month:02d}-01",
                "value": value,
            }
            for month, value in enumerate(values, start=1)
        ])
