#!/usr/bin/env bash
# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
#
# `make run`: create (first time) or update (later times) the database "itss" with the five
# ITSS modules and their demo data, then serve Odoo on http://localhost:8069.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

DB="${ITSS_DB:-itss}"
require_odoo
ensure_requirements
setup_postgres

if db_exists "$DB"; then
    log "updating the ITSS modules in database '$DB'"
    odoo_cmd -d "$DB" -u "$ITSS_MODULES" --stop-after-init --log-level=warn
else
    log "creating database '$DB' with the ITSS modules, demo data and Chinese (a few minutes)"
    odoo_cmd -d "$DB" -i "$ITSS_MODULES" --with-demo --load-language=zh_CN --stop-after-init \
        --log-level=warn
    log "demo users speak ${ITSS_LANG:-zh_CN} (set ITSS_LANG=en_US to keep English)"
    "$PYTHON" -m odoo shell -c "$ODOO_CONF" -d "$DB" --log-level=warn --no-http \
        >/dev/null <<PY
env["res.users"].search([("login", "in", ["admin", "itss_engineer", "itss_manager", "itss_qa",
                                          "itss_executive", "itss_hr"])]).write({"lang": "${ITSS_LANG:-zh_CN}"})
env.cr.commit()
PY
fi

log "Odoo is starting on http://localhost:${ITSS_HTTP_PORT:-8069}  (database '$DB', login: admin / password: admin)"
log "demo users (password = login): itss_engineer, itss_manager, itss_qa, itss_executive"
exec "$PYTHON" -m odoo server -c "$ODOO_CONF" -d "$DB" --db-filter="^${DB}\$" \
    --http-port="${ITSS_HTTP_PORT:-8069}"
