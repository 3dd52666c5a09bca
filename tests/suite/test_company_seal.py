# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every company's data sealed: a company rule on every model of the suite, proven with a second company."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from .common import load_matrix, suite_models

# itss.* models without company data: configuration catalogs shared by every company of the
# database (the standard's elements and processes, grades, criteria, CI types, categories, templates).
SHARED_CATALOGS = {
    "itss.element",
    "itss.process",
    "itss.engineer.grade",
    "itss.evaluation.criterion",
    "itss.appraisal.template",
    "itss.appraisal.template.line",
    "itss.ci.type",
    "itss.knowledge.category",
    "itss.standard.clause",
}
@tagged("post_install", "-at_install")
class TestCompanySeal(TransactionCase):
    """A second company's users, every role, see none of the first company's records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Other O&M Co."})
        groups = (
            "itss_capability.group_itss_manager,itss_capability.group_itss_qa,"
            "itss_capability.group_itss_executive,itss_service_desk.group_itss_change_approver,"
            "hr.group_hr_manager,stock.group_stock_manager"
        )
        cls.outsider = new_test_user(
            cls.env, "seal_outsider", groups=groups,
            company_id=cls.other_company.id, company_ids=[(6, 0, cls.other_company.ids)],
        )

    def test_company_models_have_company_rule(self):
        """Every model of the suite holding company data has a company rule; the rest are named catalogs."""
        Rule = self.env["ir.rule"].sudo()
        missing, no_company = [], []
        for name in suite_models(self.env):
            model = self.env[name]
            if "company_id" not in model._fields or not model._fields["company_id"].store:
                if name.startswith("itss.") and name not in SHARED_CATALOGS:
                    no_company.append(name)
                continue
            rules = Rule.search([("model_id.model", "=", name), ("active", "=", True)])
            if not any("company_ids" in (rule.domain_force or "") for rule in rules):
                missing.append(name)
        self.assertFalse(no_company, f"itss models without a stored company: {no_company}")
        self.assertFalse(missing, f"models without a company rule: {missing}")

    def test_other_company_reads_nothing(self):
        """A user of another company, with every ITSS role, finds and reads no record of the first company."""
        leaks = []
        for name in suite_models(self.env):
            model = self.env[name]
            if "company_id" not in model._fields or not model._fields["company_id"].store:
                continue
            theirs = model.sudo().with_context(active_test=False).search(
                [("company_id", "=", self.company.id)], limit=5)
            if not theirs:
                continue
            as_outsider = model.with_user(self.outsider).with_context(active_test=False)
            if as_outsider.search_count([("id", "in", theirs.ids)]):
                leaks.append(f"{name}: search")
            try:
                as_outsider.browse(theirs.ids).read(["display_name"])
            except AccessError:
                continue
            leaks.append(f"{name}: read")
        self.assertFalse(leaks, "first-company records seen by another company:\n" + "\n".join(leaks))


@tagged("post_install", "-at_install")
class TestCustomerSeal(TransactionCase):
    """Two customers on the portal: neither reads anything of the other, over any model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hospital_user = cls.env.ref("itss_service_desk.user_hospital_customer")
        bank = cls.env.ref("itss_capability.partner_rural_bank")
        contact = cls.env["res.partner"].create({"name": "Bank IT lead", "parent_id": bank.id})
        cls.bank_user = new_test_user(cls.env, "seal_bank_portal", groups="base.group_portal",
                                      partner_id=contact.id)

    def visible(self, model, user):
        try:
            return set(self.env[model].with_user(user).search([]).ids)
        except AccessError:
            return set()

    def test_portal_customers_sealed(self):
        """Whatever a customer reads over XML-RPC (tickets, SLA clocks, visits, reports), the other never does."""
        portal_models = sorted(model for model, rights in load_matrix().items() if rights["portal"])
        shared_by_both = {"helpdesk.sla"}  # the SLA definitions, no customer data
        self.assertTrue(self.visible("helpdesk.ticket", self.hospital_user), "the demo hospital has tickets")
        leaks = []
        for model in portal_models:
            if model in shared_by_both:
                continue
            hospital = self.visible(model, self.hospital_user)
            bank = self.visible(model, self.bank_user)
            if hospital & bank:
                leaks.append(f"{model}: {sorted(hospital & bank)[:5]}")
        self.assertFalse(leaks, "records both customers read:\n" + "\n".join(leaks))
        tickets = self.env["helpdesk.ticket"].browse(self.visible("helpdesk.ticket", self.bank_user))
        self.assertFalse(tickets.filtered(
            lambda t: t.partner_id.commercial_partner_id != self.bank_user.partner_id.commercial_partner_id))
