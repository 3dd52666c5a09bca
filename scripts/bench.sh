#!/usr/bin/env bash
# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
#
# `make bench`: run every bench/bench_*.py against a throw-away database with the suite.
set -uo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
require_odoo
ensure_requirements
setup_postgres
DB="itss_bench_$$"
# The baseline of bench_service_desk.py: plain OCA helpdesk_mgmt_sla, measured in the same run.
export ITSS_BENCH_PLAIN_DB="itss_bench_plain_$$"
trap 'drop_db "$DB" >/dev/null 2>&1 || true; drop_db "$ITSS_BENCH_PLAIN_DB" >/dev/null 2>&1 || true' EXIT
odoo_cmd -d "$DB" -i "$ITSS_MODULES" --stop-after-init --log-level=warn --http-port=0 \
    || die "installation failed"
odoo_cmd -d "$ITSS_BENCH_PLAIN_DB" -i helpdesk_mgmt_sla --stop-after-init --log-level=warn --http-port=0 \
    || die "installation of the helpdesk_mgmt_sla baseline failed"
for bench in bench/bench_*.py; do
    log "$bench"
    "$PYTHON" - "$DB" "$bench" <<'PY'
import runpy, sys, os
import odoo
from odoo.tools import config
db, path = sys.argv[1], sys.argv[2]
config.parse_config(["-c", os.environ["ODOO_CONF"], "--log-level=warn"])
sys.argv = [path, db]
runpy.run_path(path, run_name="__main__")
PY
done
