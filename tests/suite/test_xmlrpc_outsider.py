# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The API is the UI: over the real /xmlrpc/2/object endpoint no role bends a state, approval or lock.

Each role of the company (engineer, O&M manager, QA, executive, HR), a portal customer, a user of a second
company and a second portal customer try to write the workflow fields of a sample record of each model
family of the suite, to create records in the other company, to read the other company's records and to
call actions their groups do not allow. Every attempt must come back as an XML-RPC fault, and a reread
as superuser shows no row changed.
"""

from xmlrpc.client import Fault

from odoo.tests import HttpCase, new_test_user, tagged

from .test_record_guard import other_value

# Family: (model, domain of the sample record, workflow fields tried one by one).
FAMILIES = {
    "plan": ("itss.capability.plan", [], ["state", "is_locked", "approver_id"]),
    "kpi value": ("itss.kpi.value", [], ["locked", "source", "out_of_control"]),
    "improvement": ("itss.improvement", [], ["state", "verified_by_id"]),
    "audit programme": ("itss.audit.programme", [], ["state", "approved_by_id"]),
    "audit": ("mgmtsystem.audit", [], ["state", "closing_date", "itss_year"]),
    "nonconformity": ("mgmtsystem.nonconformity", [("state", "not in", ("done", "cancel"))], ["stage_id"]),
    "review": ("mgmtsystem.review", [], ["state", "itss_inputs_date"]),
    "process check": ("itss.process.check", [], ["state", "reviewer_id"]),
    "ticket": ("helpdesk.ticket", [], ["itss_first_response_at", "reopen_count"]),
    "ticket SLA": ("helpdesk.ticket.sla", [], ["state", "deadline", "reached_at"]),
    "appraisal": ("itss.performance.appraisal", [], ["state", "acknowledged_by_id"]),
    "on-site shift": ("itss.onsite.shift", [], ["state", "check_in"]),
    "on-site feedback": ("itss.onsite.feedback", [], ["author_id"]),
    "work report": ("itss.work.report", [], ["state", "signed_by", "signed_at"]),
    "readiness scorecard": ("itss.readiness.scorecard", [], ["score", "snapshot_date", "year"]),
    "readiness result": ("itss.readiness.result", [("is_latest", "=", True), ("status", "!=", "present")],
                         ["status", "ratio", "improvement_id"]),
    "readiness item": ("itss.readiness.item", [], ["rule_code", "number"]),
}
# Models whose records each side creates with the other company's id.
CREATED = {
    "itss.capability.plan": {"name": "Outsider plan", "year": 2044},
    "itss.improvement": {"name": "Outsider measure"},
    "mgmtsystem.audit": {"name": "Outsider audit"},
    "itss.process.check": {"process_id": "process"},
    "helpdesk.ticket": {"name": "Outsider ticket", "description": "Cross-company"},
    "itss.readiness.scorecard": {"year": 2043},
}
# Actions and the roles whose groups do not allow them.
ACTIONS = [
    ("plan", "action_approve", ("engineer", "manager", "qa", "hr", "portal")),
    ("audit programme", "action_approve", ("engineer", "manager", "qa", "hr")),
    ("audit", "button_close", ("engineer", "manager", "executive", "hr", "portal")),
    ("review", "button_close", ("engineer", "manager", "hr", "portal")),
    ("process check", "action_review", ("engineer", "manager", "executive", "hr")),
    ("improvement", "action_verify", ("engineer", "executive", "portal")),
    ("appraisal", "action_close", ("engineer", "qa", "executive", "portal")),
    ("on-site shift", "action_mark_absent", ("engineer", "qa", "executive", "portal")),
    ("readiness scorecard", "action_refresh", ("engineer", "manager", "executive", "hr", "portal")),
    ("readiness result", "action_create_improvement", ("engineer", "manager", "executive", "hr", "portal")),
]
STAFF = {
    "engineer": "itss_capability.group_itss_user",
    "manager": "itss_capability.group_itss_manager",
    "qa": "itss_capability.group_itss_qa",
    "executive": "itss_capability.group_itss_executive",
    "hr": "itss_capability.group_itss_user,hr.group_hr_manager",
}
OUTSIDER_GROUPS = (
    "itss_capability.group_itss_manager,itss_capability.group_itss_qa,itss_capability.group_itss_executive,"
    "hr.group_hr_manager,helpdesk_mgmt.group_helpdesk_manager"
)


@tagged("post_install", "-at_install")
class TestXmlrpcOutsider(HttpCase):
    """Every role and every outsider over XML-RPC against the suite's workflow records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Outsider O&M Co."})
        cls.users = {role: new_test_user(cls.env, f"rpc_{role}", groups=groups) for role, groups in STAFF.items()}
        hospital = cls.env.ref("itss_capability.partner_city_hospital")
        bank = cls.env.ref("itss_capability.partner_rural_bank")
        for role, partner in (("portal", hospital), ("other_portal", bank)):
            contact = cls.env["res.partner"].create({"name": f"RPC {role} contact", "parent_id": partner.id})
            cls.users[role] = new_test_user(cls.env, f"rpc_{role}", groups="base.group_portal",
                                            partner_id=contact.id)
        cls.users["other_company"] = new_test_user(
            cls.env, "rpc_other_company", groups=OUTSIDER_GROUPS, company_id=cls.other_company.id,
            company_ids=[(6, 0, cls.other_company.ids)])
        cls.samples = {}
        for family, (model, domain, _fnames) in FAMILIES.items():
            if model not in cls.env:
                continue
            Model = cls.env[model].sudo().with_context(active_test=False)
            sample = Model.search(domain + [("company_id", "=", cls.company.id)], limit=1)
            cls.samples[family] = sample
        cls.process = cls.env.ref("itss_capability.itss_process_incident")

    def rpc(self, role, model, method, *args, **kwargs):
        """Call ``model.method`` over /xmlrpc/2/object as ``role`` (new_test_user's password: the login, padded)."""
        user = self.users[role]
        password = user.login + "x" * (8 - len(user.login))
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, password, model, method, list(args), kwargs)

    def assertRpcRefused(self, role, model, method, *args, **kwargs):
        """The call comes back as an XML-RPC fault."""
        try:
            result = self.rpc(role, model, method, *args, **kwargs)
        except Fault:
            return
        self.fail(f"{role}: {model}.{method}{args} was accepted (returned {result!r})")

    def snapshot(self):
        """The workflow fields of every sample record, read as superuser."""
        values = {}
        for family, (_model, _domain, fnames) in FAMILIES.items():
            sample = self.samples.get(family)
            if sample:
                sample.invalidate_recordset()
                values[family] = sample.sudo().read(fnames + ["write_date"])
        return values

    def write_value(self, sample, fname):
        if fname == "stage_id" and sample._name == "mgmtsystem.nonconformity":
            return self.env.ref("mgmtsystem_nonconformity.stage_done").id
        value = other_value(sample.sudo(), sample._fields[fname])
        if hasattr(value, "isoformat"):
            value = value.isoformat(" ") if hasattr(value, "hour") else value.isoformat()
        return value

    def test_every_role_is_heard(self):
        """Each role logs in over XML-RPC and reads what it may: refusals below are the guard, not a bad login."""
        for role, user in self.users.items():
            self.assertEqual(self.rpc(role, "res.users", "read", user.ids, ["login"])[0]["login"], user.login)
        plan = self.samples["plan"]
        for role in STAFF:
            self.assertEqual(self.rpc(role, plan._name, "read", plan.ids, ["name"])[0]["name"], plan.name)
        ticket = self.env["helpdesk.ticket"].sudo().search([
            ("partner_id", "child_of", self.users["portal"].partner_id.commercial_partner_id.id)], limit=1)
        self.assertTrue(self.rpc("portal", "helpdesk.ticket", "read", ticket.ids, ["name"]))

    def test_samples_exist(self):
        """Every model family of the suite has a sample record of the company (demo data) to attack."""
        missing = [family for family, (model, _d, _f) in FAMILIES.items()
                   if model in self.env and not self.samples.get(family)]
        self.assertFalse(missing, f"no sample record for: {missing}")

    def test_workflow_fields_refused_for_everyone(self):
        """No role, portal customer or outsider writes a state, approval or lock field; no row changes."""
        before = self.snapshot()
        accepted = []
        for role in self.users:
            for family, (model, _domain, fnames) in FAMILIES.items():
                sample = self.samples.get(family)
                if not sample:
                    continue
                for fname in fnames:
                    value = self.write_value(sample, fname)
                    if value is None:
                        continue
                    try:
                        self.rpc(role, model, "write", sample.ids, {fname: value})
                    except Fault:
                        continue
                    accepted.append(f"{role}: {model}.{fname} = {value!r}")
        self.assertFalse(accepted, "workflow fields written over XML-RPC:\n" + "\n".join(accepted))
        self.assertEqual(self.snapshot(), before)

    def test_no_creation_in_the_other_company(self):
        """The company's roles create nothing in the other company, the outsider nothing in ours."""
        attempts = [(role, self.other_company) for role in STAFF] + [("other_company", self.company)]
        created = []
        for model, vals in CREATED.items():
            if model not in self.env:
                continue
            Model = self.env[model].sudo().with_context(active_test=False)
            counts = {company: Model.search_count([("company_id", "=", company.id)])
                      for company in (self.company, self.other_company)}
            for role, company in attempts:
                values = dict(vals, company_id=company.id)
                if values.get("process_id") == "process":
                    values["process_id"] = self.process.id
                try:
                    self.rpc(role, model, "create", values)
                except Fault:
                    continue
                created.append(f"{role}: {model} in {company.name}")
            for company, count in counts.items():
                self.assertEqual(Model.search_count([("company_id", "=", company.id)]), count, model)
        self.assertFalse(created, "records created in another company:\n" + "\n".join(created))

    def test_other_company_reads_nothing(self):
        """The other company's user neither finds nor reads any sample record; the other customer neither."""
        leaks = []
        for family, sample in self.samples.items():
            model = sample._name
            for role in ("other_company", "other_portal"):
                try:
                    found = self.rpc(role, model, "search", [("id", "=", sample.id)])
                except Fault:
                    found = []
                if found:
                    leaks.append(f"{role}: search {family}")
                try:
                    self.rpc(role, model, "read", sample.ids, ["display_name"])
                except Fault:
                    continue
                leaks.append(f"{role}: read {family}")
        self.assertFalse(leaks, "records read across companies or customers:\n" + "\n".join(leaks))

    def test_actions_refused_without_the_group(self):
        """Workflow actions called by roles without the group are refused; the state stays as it was."""
        before = self.snapshot()
        accepted = []
        for family, method, roles in ACTIONS:
            sample = self.samples.get(family)
            if not sample:
                continue
            for role in roles + ("other_company", "other_portal"):
                try:
                    self.rpc(role, sample._name, method, sample.ids)
                except Fault:
                    continue
                accepted.append(f"{role}: {sample._name}.{method}")
        self.assertFalse(accepted, "actions run without the group:\n" + "\n".join(accepted))
        self.assertEqual(self.snapshot(), before)
