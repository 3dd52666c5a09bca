# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Suite-level tests: the five modules together, seen by each ITSS role."""

from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import safe_eval

from odoo.addons.itss_capability.tests.common import ROLE_GROUPS

# Menus (xml ids) each role must see in the ITSS app; the matrix grows with the suite.
EXPECTED_MENUS = {
    "engineer": {
        "itss_capability.menu_itss_process_catalog",
        "itss_capability.menu_itss_kpi_value",
        "itss_capability.menu_itss_service_project",
        "itss_capability.menu_itss_capability_plan",
        "itss_capability.menu_itss_plan_work_item",
        "itss_capability.menu_itss_plan_execution",
        "itss_service_desk.menu_itss_process_tickets",
        "itss_service_desk.menu_itss_process_dispatch",
        "itss_service_desk.menu_itss_process_onsite_visit",
        "itss_service_desk.menu_itss_process_return_visit",
        "itss_service_desk.menu_itss_process_sla_clocks",
        "itss_service_desk.menu_itss_reporting_service_report",
        "itss_hr_skills.menu_itss_people_employee",
        "itss_spares.menu_itss_spare_request",
        "itss_spares.menu_itss_spare_availability",
        "itss_spares.menu_itss_spare_catalog",
    },
    "manager": {
        "itss_capability.menu_itss_kpi",
        "itss_capability.menu_itss_kpi_baseline",
        "itss_service_desk.menu_itss_process_ci",
        "itss_service_desk.menu_itss_process_sla",
        "itss_service_desk.menu_itss_config_priority_matrix",
        "itss_service_desk.menu_itss_reporting_service_month",
        "itss_service_desk.menu_itss_reporting_service_desk_overview",
        "itss_spares.menu_itss_resources_spares",
        "itss_spares.menu_itss_spare_orderpoint",
        "itss_spares.menu_itss_spare_purchase_plan",
        "itss_spares.menu_itss_spare_supplier_evaluation",
        "itss_hr_skills.menu_itss_people_job",
        "itss_audit.menu_itss_audit_internal",
    },
    "qa": {
        "itss_capability.menu_itss_qa_check",
        "itss_capability.menu_itss_improvement",
        "itss_capability.menu_itss_kpi",
        "itss_capability.menu_itss_kpi_value_report",
        "itss_audit.menu_itss_audit_internal",
        "itss_audit.menu_itss_audit_review",
        "itss_spares.menu_itss_spare_request",
        "itss_spares.menu_itss_spare_reports",
        "itss_capability.menu_itss_readiness_scorecard",
        "itss_capability.menu_itss_readiness_result",
        "itss_capability.menu_itss_readiness_score",
        "itss_capability.menu_itss_readiness_item",
    },
    "executive": {
        "itss_capability.menu_itss_capability_plan",
        "itss_capability.menu_itss_plan_dashboard",
        "itss_capability.menu_itss_kpi",
        "itss_capability.menu_itss_kpi_value_report",
        "itss_capability.menu_itss_service_project",
        "itss_service_desk.menu_itss_process_dispatch",
        "itss_service_desk.menu_itss_process_return_visit",
        "itss_service_desk.menu_itss_reporting_service_desk_overview",
        "itss_service_desk.menu_itss_reporting_service_report",
        "itss_audit.menu_itss_audit_review",
        "itss_spares.menu_itss_spare_availability",
        "itss_spares.menu_itss_spare_stock_overview",
        "itss_capability.menu_itss_readiness_scorecard",
        "itss_capability.menu_itss_readiness_result",
        "itss_capability.menu_itss_readiness_score",
    },
}

# Employee self-service: every employee (executives included) acknowledges and comments on their
# own appraisal; record rules limit it to their own records.
SELF_SERVICE_MODELS = {"itss.performance.appraisal", "itss.performance.appraisal.line"}

# Menus a role must not see.
HIDDEN_MENUS = {
    "engineer": {"itss_hr_skills.menu_itss_people_job",
                 "itss_service_desk.menu_itss_process_sla",
                 "itss_service_desk.menu_itss_config_priority_matrix",
                 "itss_spares.menu_itss_spare_category", "itss_spares.menu_itss_spare_orderpoint",
                 "itss_spares.menu_itss_spare_purchase_plan", "itss_spares.menu_itss_spare_supplier_evaluation",
                 "itss_capability.menu_itss_readiness_scorecard", "itss_capability.menu_itss_readiness_item"},
    "manager": {"itss_capability.menu_itss_readiness_scorecard", "itss_capability.menu_itss_readiness_item"},
    "qa": {"itss_service_desk.menu_itss_process_ci", "itss_spares.menu_itss_spare_orderpoint"},
    "executive": {"itss_service_desk.menu_itss_process_tickets", "itss_spares.menu_itss_spare_orderpoint",
                  "itss_capability.menu_itss_readiness_item"},
}


@tagged("post_install", "-at_install")
class TestRoleMenus(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: new_test_user(cls.env, f"suite_{role}", groups=group) for role, group in ROLE_GROUPS.items()
        }
        cls.root = cls.env.ref("itss_capability.menu_itss_root")

    def _visible_itss_menus(self, user):
        Menu = self.env["ir.ui.menu"].with_user(user)
        return Menu.browse(Menu._visible_menu_ids()) & Menu.search([("id", "child_of", self.root.id)])

    def test_each_role_sees_its_menus(self):
        """Each role sees the ITSS menus of its job and not the ones it must not use."""
        for role, user in self.users.items():
            xmlids = set(self._visible_itss_menus(user).sudo().get_external_id().values())
            with self.subTest(role=role):
                self.assertIn("itss_capability.menu_itss_root", xmlids)
                missing = EXPECTED_MENUS[role] - xmlids
                self.assertFalse(missing, f"{role} misses menus {missing}")
                shown = HIDDEN_MENUS.get(role, set()) & xmlids
                self.assertFalse(shown, f"{role} must not see {shown}")

    def test_each_visible_menu_opens(self):
        """Every ITSS menu a role sees opens: its action's model reads without an access error."""
        for role, user in self.users.items():
            for menu in self._visible_itss_menus(user).filtered("action"):
                action = menu.sudo().action
                if action._name != "ir.actions.act_window":
                    continue
                with self.subTest(role=role, menu=menu.sudo().complete_name):
                    data = self.env["ir.actions.act_window"].with_user(user)._for_xml_id(
                        action.get_external_id()[action.id]
                    )
                    Model = self.env[data["res_model"]].with_user(user)
                    Model.check_access("read")
                    eval_context = {
                        "uid": user.id,
                        "allowed_company_ids": user.company_ids.ids,
                        "context": {},
                    }
                    domain = safe_eval(data.get("domain") or "[]", eval_context)
                    if data["view_mode"].split(",")[0] in ("pivot", "graph"):
                        # An analysis opens grouped; some (the anonymous appraisal analysis) refuse rows.
                        Model.formatted_read_group(domain, [], ["__count"])
                        continue
                    records = Model.search(domain, limit=5)
                    records.read(list(Model.fields_get(attributes=["type"]))[:10])

    def test_executive_changes_nothing(self):
        """The executive role is read-only on every model of the suite (but their own appraisal)."""
        executive = self.users["executive"]
        models = self.env["ir.model"].search([("model", "=like", "itss.%")])
        self.assertTrue(models)
        for model in models.mapped("model"):
            if self.env[model]._abstract or self.env[model]._transient or model in SELF_SERVICE_MODELS:
                continue
            with self.subTest(model=model):
                Model = self.env[model].with_user(executive)
                Model.check_access("read")
                for operation in ("write", "create", "unlink"):
                    self.assertFalse(Model.has_access(operation), f"executive can {operation} {model}")
