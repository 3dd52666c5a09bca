#!/usr/bin/env bash
# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
#
# `make test-upstream`: the modules the suite extends must keep passing their own tests with
# the suite installed. A throw-away database gets the five modules, then the extended modules
# are updated with their tests enabled (at_install and post_install).
set -uo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

UPSTREAM="${ITSS_UPSTREAM:-helpdesk_mgmt,helpdesk_mgmt_sla,hr_skills,maintenance,mgmtsystem_audit,mgmtsystem_review}"
require_odoo
ensure_requirements
setup_postgres
DB="itss_upstream_$$"
LOG="$(mktemp -t itss-upstream-XXXX.log)"
trap 'drop_db "$DB" >/dev/null 2>&1 || true' EXIT

log "installing the five modules into '$DB'"
odoo_cmd -d "$DB" -i "$ITSS_MODULES" --stop-after-init --log-level=warn --http-port=0 >"$LOG" 2>&1 \
    || { tail -n 40 "$LOG"; die "installation failed (log: $LOG)"; }
tags="$(printf '/%s,' ${UPSTREAM//,/ })"
log "running the tests of $UPSTREAM with the suite installed"
odoo_cmd -d "$DB" -u "$UPSTREAM" --test-enable --test-tags "${tags%,}" --stop-after-init \
    --log-level=test --http-port=0 >>"$LOG" 2>&1
rc=$?
grep -E "odoo.tests.result|Ran [0-9]+ test|FAIL:|ERROR:" "$LOG" | tail -n 20
if [ $rc -ne 0 ] || grep -qE "(ERROR|FAIL): " "$LOG"; then
    die "upstream tests failed (log: $LOG)"
fi
log "upstream tests passed (log: $LOG)"
