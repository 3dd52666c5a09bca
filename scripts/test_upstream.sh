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

require_odoo
ensure_requirements
setup_postgres
DB="itss_upstream_$$"
LOG="$(mktemp -t itss-upstream-XXXX.log)"
trap 'drop_db "$DB" >/dev/null 2>&1 || true' EXIT

log "installing the five modules into '$DB'"
odoo_cmd -d "$DB" -i "$ITSS_MODULES" --stop-after-init --log-level=warn --http-port=0 >"$LOG" 2>&1 \
    || { tail -n 40 "$LOG"; die "installation failed (log: $LOG)"; }
log "running the tests of $UPSTREAM_MODULES with the suite installed"
run_upstream_tests "$DB" "$LOG" || die "upstream tests failed (log: $LOG)"
log "upstream tests passed (log: $LOG)"
