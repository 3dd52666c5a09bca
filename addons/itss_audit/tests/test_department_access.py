# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ItssAuditCase


@tagged("post_install", "-at_install")
class TestDepartmentHeadAccess(ItssAuditCase):
    """Two department heads, each with an audited department, a finding and a corrective action."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_2 = new_test_user(cls.env, "au_manager_2", groups="itss_capability.group_itss_manager")
        cls.dept_net = cls.env["hr.department"].create({"name": "Test network department"})
        cls.dept_net.manager_id = cls.env["hr.employee"].create({
            "name": "Network head", "user_id": cls.manager_2.id, "department_id": cls.dept_net.id})
        cls.env["itss.clause.allocation"].with_user(cls.qa).create({
            "clause_id": cls.env.ref("itss_audit.clause_2012_9_5").id, "department_id": cls.dept_net.id,
            "responsibility": "lead"})
        programme = cls.env["itss.audit.programme"].with_user(cls.qa).create({"name": "Access programme",
                                                                              "year": 2037})
        cls.findings = {}
        for department, head in ((cls.dept_om, cls.manager), (cls.dept_net, cls.manager_2)):
            audit = cls.env["mgmtsystem.audit"].with_user(cls.qa).create({
                "name": f"Audit of {department.name}", "itss_programme_id": programme.id,
                "itss_department_id": department.id, "user_id": cls.qa.id,
                "auditor_user_ids": [Command.set(cls.qa.ids)]})
            audit.with_user(cls.qa).action_itss_generate_checklist()
            line = audit.line_ids[:1]
            line.with_user(cls.qa).write({"itss_answer": "nonconforming", "comments": "Records missing"})
            line.with_user(cls.qa).action_itss_raise_finding()
            nonconformity = line.itss_nonconformity_id
            nonconformity.with_user(cls.qa).action_itss_add_corrective_action()
            cls.findings[head] = (audit, nonconformity, nonconformity.itss_improvement_ids)

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_heads_read_only_their_department(self):
        """Each head reads their own department's audit, checklist, finding and action, not the other's."""
        for head, other in ((self.manager, self.manager_2), (self.manager_2, self.manager)):
            audit, nonconformity, improvement = self.findings[head]
            other_audit, other_nc, other_improvement = self.findings[other]
            self.assertEqual(self._visible(head, audit | other_audit), audit)
            self.assertEqual(self._visible(head, audit.line_ids | other_audit.line_ids), audit.line_ids)
            self.assertEqual(self._visible(head, nonconformity | other_nc), nonconformity)
            actions = improvement.action_id | other_improvement.action_id
            self.assertEqual(self._visible(head, actions), improvement.action_id)
            with self.assertRaises(AccessError):
                other_audit.with_user(head).read(["name"])
            with self.assertRaises(AccessError):
                other_nc.with_user(head).read(["description"])
            with self.assertRaises(AccessError):
                other_improvement.action_id.with_user(head).write({"description": "Not mine"})

    def test_head_answers_own_action(self):
        """A head answers their own corrective action; the OCA action follows, the other head's stays as it was."""
        _audit, nonconformity, improvement = self.findings[self.manager]
        other = self.findings[self.manager_2][2]
        other_state = other.state
        improvement.with_user(self.manager).write({"action_taken": "Records completed"})
        improvement.with_user(self.manager).action_done()
        self.assertEqual(improvement.state, "done")
        improvement.action_id.with_user(self.manager).write({"description": "Records completed for March"})
        self.assertEqual(nonconformity.with_user(self.manager).action_ids, improvement.action_id)
        self.assertEqual(other.state, other_state)
        with self.assertRaises(AccessError):
            other.action_id.with_user(self.manager).write({"description": "Answered by the wrong head"})

    def test_qa_and_executive_read_all(self):
        """QA auditors and executives read every department's audits and findings."""
        audits = self.findings[self.manager][0] | self.findings[self.manager_2][0]
        findings = self.findings[self.manager][1] | self.findings[self.manager_2][1]
        for user in (self.qa, self.executive):
            self.assertEqual(self._visible(user, audits), audits)
            self.assertEqual(self._visible(user, findings), findings)
            self.assertEqual(self._visible(user, audits.line_ids), audits.line_ids)

    def test_register_still_opens_for_other_heads(self):
        """The improvement register still opens another department's measure; its audit links show names only."""
        improvement = self.findings[self.manager][2]
        spec = {name: {"fields": {"display_name": {}}} for name in ("action_id", "nonconformity_id", "audit_id")}
        values = improvement.with_user(self.manager_2).web_read(spec)[0]
        self.assertEqual(values["audit_id"]["id"], self.findings[self.manager][0].id)
