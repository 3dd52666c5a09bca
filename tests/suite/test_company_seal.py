# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every company's data sealed: a company rule on every model of the suite, proven with a second company."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

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
}
# Models of the suite's upstream modules that the suite extends and whose company rule it relies on.
EXTENDED_MODELS = {
    "helpdesk.ticket", "helpdesk.ticket.sla", "helpdesk.sla", "maintenance.equipment", "hr.job",
    "hr.employee", "mgmtsystem.audit", "mgmtsystem.review",
}


def suite_models(env):
    """The stored models of the suite (itss.*) and the upstream ones it extends."""
    names = [name for name in env.registry if name.startswith("itss.") or name in EXTENDED_MODELS]
    return sorted(
        name for name in names
        if not env[name]._abstract and not env[name]._transient and env[name]._auto
    )


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
