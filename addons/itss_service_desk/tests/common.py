# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from contextlib import contextmanager

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class ServiceDeskCase(TransactionCase):
    """Shared fixtures: one user per role, two change approvers, a service project and a CI."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.engineer = new_test_user(cls.env, "chg_engineer", groups="itss_capability.group_itss_user")
        cls.manager = new_test_user(cls.env, "chg_manager", groups="itss_capability.group_itss_manager")
        cls.qa = new_test_user(cls.env, "chg_qa", groups="itss_capability.group_itss_qa")
        cls.executive = new_test_user(cls.env, "chg_exec", groups="itss_capability.group_itss_executive")
        cls.approver = new_test_user(cls.env, "chg_approver",
                                     groups="itss_service_desk.group_itss_change_approver")
        cls.approver2 = new_test_user(cls.env, "chg_approver2",
                                      groups="itss_service_desk.group_itss_change_approver")
        customer = cls.env["res.partner"].create({"name": "Change Test Hospital", "is_company": True})
        cls.project = cls.env["itss.service.project"].create({
            "name": "Change test O&M", "partner_id": customer.id, "state": "active",
        })
        cls.equipment = cls.env["maintenance.equipment"].create({"name": "HIS DB server 01"})
        # maintenance lets plain users see only the equipment they follow.
        cls.equipment.message_subscribe(partner_ids=(cls.engineer | cls.approver).partner_id.ids)

    @classmethod
    def make_change(cls, user=None, **vals):
        return cls.env["itss.change.request"].with_user(user or cls.engineer).create({
            "name": "Upgrade HIS database",
            "reason": "Vendor end of support",
            "project_id": cls.project.id,
            "equipment_ids": [(6, 0, cls.equipment.ids)],
            **vals,
        })

    @contextmanager
    def assertRefused(self, exception, pattern):
        """Like assertRaisesRegex, checking the message."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), pattern)
