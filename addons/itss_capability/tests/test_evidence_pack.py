# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import csv
import io
import zipfile
from datetime import date
from unittest import mock

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.queue_job.exception import FailedJobError, RetryableJobError
from odoo.addons.queue_job.tests.common import trap_jobs

from ..models.itss_guard_mixin import ALL_FIELDS
from .common import ItssCase


class EvidencePackCase(ItssCase):
    """A scorecard of last year with a done customer visit, and a QA auditor of another company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.year = cls.company._itss_today().year - 1
        cls.card = cls.env["itss.readiness.scorecard"].create({"company_id": cls.company.id, "year": cls.year})
        cls.visit = cls.env["itss.customer.visit"].create({
            "name": "Pack test visit", "partner_id": cls.customer.id, "date": date(cls.year, 3, 10),
            "satisfaction": 4, "state": "done",
        })
        cls.other_company = cls.env["res.company"].create({"name": "Other O&M company"})
        cls.other_qa = new_test_user(
            cls.env, "pack_other_qa", groups="itss_capability.group_itss_qa",
            company_id=cls.other_company.id, company_ids=[(6, 0, cls.other_company.ids)])
        cls.Pack = cls.env["itss.evidence.pack"]

    def setUp(self):
        super().setUp()
        # The job writes its progress and its result from cursors of its own: here they wrap the test's.
        self.env.flush_all()
        self.registry_enter_test_mode()

    def request(self, user):
        action = self.card.with_user(user).action_evidence_pack()
        return self.Pack.browse(action["res_id"])

    def generated_pack(self):
        with trap_jobs() as trap:
            pack = self.request(self.qa)
            trap.perform_enqueued_jobs()
        pack.invalidate_recordset()
        return pack

    @staticmethod
    def zip_of(pack):
        return zipfile.ZipFile(io.BytesIO(base64.b64decode(pack.sudo().zip_file)))


@tagged("post_install", "-at_install")
class TestEvidencePack(EvidencePackCase):
    def test_request_enqueues_one_job(self):
        """A request enqueues one job with the identity key; a second one while queued or running gets the same pack."""
        with trap_jobs() as trap:
            pack = self.request(self.qa)
            self.assertEqual((pack.state, pack.requested_by_id), ("queued", self.qa))
            trap.assert_jobs_count(1)
            trap.assert_enqueued_job(pack._itss_generate, properties={
                "identity_key": f"itss.evidence.pack:{self.company.id}:{self.year}",
                "max_retries": 3, "channel": "root.itss"})
            self.assertEqual(self.request(self.executive), pack)
            pack.sudo().state = "running"
            self.assertEqual(self.request(self.qa), pack)
            trap.assert_jobs_count(1)
        self.assertEqual(self.Pack.search_count([("year", "=", self.year)]), 1)

    def test_job_builds_zip_matching_index(self):
        """The job stores a ZIP whose folders, CSVs and index (PDF and XLSX, 29 items) match the frozen index."""
        pack = self.generated_pack()
        self.assertEqual((pack.state, pack.progress), ("done", 100))
        items = self.env["itss.readiness.item"]._itss_company_items(self.company)
        self.assertEqual(len(items), 29)
        self.assertEqual(pack.line_ids.mapped("number"), sorted(items.mapped("number")))
        archive = self.zip_of(pack)
        names = set(archive.namelist())
        self.assertEqual(len(names), pack.file_count)
        index_names = {name for name in names if name.startswith("00_")}
        named = pack.with_context(lang=self.qa.lang)._itss_index_name
        index_xlsx = named("xlsx")
        self.assertIn(index_xlsx, index_names)
        # Tests render QWeb reports as HTML (Odoo's test mode), the job as PDF.
        self.assertTrue(index_names & {named("pdf"), named("html")})
        for line in pack.line_ids:
            self.assertTrue(line.folder.startswith(f"{line.number:02d}_"), line.folder)
            files = {f"{line.folder}{name}" for name in line.files.splitlines()}
            self.assertEqual(files, {name for name in names if name.startswith(line.folder)}, line.name)
        visits_item = items.filtered(lambda item: item.rule_code == "customer_communication")
        parts, _note = visits_item._itss_evaluate(date(self.year, 1, 1), date(self.year, 12, 31))[visits_item]
        line = pack.line_ids.filtered(lambda line: line.number == visits_item.number)
        with archive.open(f"{line.folder}{line.files.splitlines()[0]}") as stream:
            rows = list(csv.reader(io.TextIOWrapper(stream, encoding="utf-8-sig")))
        self.assertGreaterEqual(parts[0]["count"], 1)
        self.assertEqual(len(rows) - 1, parts[0]["count"], "one CSV row per record of the part")
        self.assertIn(str(self.visit.id), [row[0] for row in rows[1:]])
        workbook = openpyxl.load_workbook(io.BytesIO(archive.read(index_xlsx)), read_only=True)
        sheet_rows = list(workbook.active.iter_rows(min_row=2, values_only=True))
        self.assertEqual([row[0] for row in sheet_rows], list(range(1, 30)))
        plan_line = pack.line_ids.filtered(lambda line: line.number == 2)
        self.assertEqual(plan_line.file_count, len(plan_line.files.splitlines()))
        self.assertEqual(pack._itss_locked_fnames(), ALL_FIELDS)
        self.assertIn(self.qa.partner_id, pack.message_ids.partner_ids)

    def test_failing_job_retried_then_failed(self):
        """A rule raising makes the job retry, then fail: the pack shows why, the requester is told, no ZIP."""
        Item = type(self.env["itss.readiness.item"])
        with trap_jobs() as trap, mock.patch.object(
                Item, "_itss_readiness_rule_service_catalog", side_effect=ValueError("catalog unreadable")):
            pack = self.request(self.qa)
            job = trap.enqueued_jobs[0]
            # Not assertRaises: it would roll back what the failing attempt wrote, as queue_job does not.
            for attempt in (1, 2, 3):
                try:
                    job.perform()
                except (RetryableJobError, FailedJobError) as error:
                    failure = error
                pack.invalidate_recordset()
                self.assertEqual((pack.state, pack.retry_count), ("queued", attempt))
                self.assertIsInstance(failure, FailedJobError if attempt == 3 else RetryableJobError)
            stored_job = self.env["queue.job"].sudo().search([("uuid", "=", pack.sudo().job_uuid)])
            stored_job = stored_job or self.env["queue.job"].new(
                {"name": job.description, "exc_name": "FailedJobError", "exc_message": str(failure)})
            pack._itss_job_failed(stored_job)
        pack.invalidate_recordset()
        self.assertEqual(pack.state, "failed")
        self.assertIn("catalog unreadable", pack.error)
        notice = pack.message_ids.filtered(lambda message: self.qa.partner_id in message.partner_ids)
        self.assertIn("catalog unreadable", notice[:1].body)
        self.assertFalse(self.env["ir.attachment"].search_count([
            ("res_model", "=", pack._name), ("res_id", "=", pack.id), ("res_field", "=", "zip_file")]))
        with trap_jobs() as trap:
            self.assertNotEqual(self.request(self.qa), pack, "a failed pack does not block a new request")
            trap.assert_jobs_count(1)

    def test_access_qa_and_executive_of_the_company(self):
        """QA and executive request and download their company's pack; the engineer and another company cannot."""
        pack = self.generated_pack()
        for user in (self.qa, self.executive):
            self.assertTrue(pack.with_user(user).zip_file)
            self.assertEqual(pack.with_user(user).action_download()["type"], "ir.actions.act_url")
        for user in (self.engineer, self.manager, self.other_qa):
            with self.assertRaises(AccessError):
                self.card.with_user(user).action_evidence_pack()
            with self.assertRaises(AccessError):
                pack.with_user(user).read(["state"])
        attachment = self.env["ir.attachment"].search([
            ("res_model", "=", pack._name), ("res_id", "=", pack.id), ("res_field", "=", "zip_file")])
        self.assertEqual(len(attachment), 1)
        self.assertEqual(attachment.file_size, pack.zip_size)
        with self.assertRaises(AccessError):
            attachment.with_user(self.other_qa).read(["datas"])
        self.assertFalse(self.env["ir.attachment"].with_user(self.other_qa).search([
            ("res_model", "=", pack._name), ("res_field", "=", "zip_file")]))
        with self.assertRaises(AccessError):
            pack.with_user(self.qa).write({"state": "queued"})
        with self.assertRaises(AccessError):
            self.Pack.with_user(self.qa).create({
                "company_id": self.company.id, "year": self.year, "requested_by_id": self.qa.id})
