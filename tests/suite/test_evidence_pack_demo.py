# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The evidence pack of the demo year, on the demo company with every module of the suite installed."""

import base64
import io
import zipfile
from datetime import date

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.queue_job.tests.common import trap_jobs


@tagged("post_install", "-at_install")
class TestEvidencePackDemo(TransactionCase):
    """The demo QA auditor's pack of the current year holds every item's folder, CSVs and reports."""

    def setUp(self):
        super().setUp()
        # The job writes its progress and its result from cursors of its own: here they wrap the test's.
        self.env.flush_all()
        self.registry_enter_test_mode()

    def test_demo_pack_contains_every_item_file(self):
        """Every active item has an index row and its folder; every part its CSV; every hook's report its file."""
        qa = self.env.ref("itss_capability.user_itss_qa")
        company = self.env.ref("base.main_company")
        year = company._itss_today().year
        Card = self.env["itss.readiness.scorecard"]
        card = Card.search([("company_id", "=", company.id), ("year", "=", year)]) or Card.create(
            {"company_id": company.id, "year": year})
        with trap_jobs() as trap:
            pack = self.env["itss.evidence.pack"].browse(card.with_user(qa).action_evidence_pack()["res_id"])
            trap.perform_enqueued_jobs()
        pack.invalidate_recordset()
        self.assertEqual(pack.state, "done", pack.error)
        names = set(zipfile.ZipFile(io.BytesIO(base64.b64decode(pack.sudo().zip_file))).namelist())
        items = self.env["itss.readiness.item"]._itss_company_items(company)
        self.assertEqual(sorted(pack.line_ids.mapped("number")), sorted(items.mapped("number")))
        date_from, date_to = date(year, 1, 1), min(date(year, 12, 31), company._itss_today())
        evaluated = items._itss_evaluate(date_from, date_to)
        for item, (parts, _note) in evaluated.items():
            line = pack.line_ids.filtered(lambda row, number=item.number: row.number == number)
            folder_files = {name for name in names if name.startswith(line.folder)}
            self.assertEqual(len([name for name in folder_files if name.endswith(".csv")]), len(parts), item.name)
            hook = getattr(item, f"_itss_readiness_reports_{item.rule_code}", None)
            reports = hook(company, date_from, date_to) if hook else []
            expected = sum(1 for _xmlid, records in reports if records)
            self.assertGreaterEqual(len(folder_files) - len(parts), expected, item.name)
