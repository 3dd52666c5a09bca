#!/usr/bin/env bash
# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
#
# Helpers shared by scripts/run.sh and scripts/test.sh: find Odoo, install the suite's
# Python requirements when something is missing, and reach PostgreSQL with a role Odoo accepts.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
export ODOO_CONF="${ODOO_CONF:-$ROOT/config/odoo.conf}"
ITSS_MODULES="itss_capability,itss_hr_skills,itss_spares,itss_service_desk,itss_audit"

log() { printf '[itss] %s\n' "$*"; }
die() { printf '[itss] ERROR: %s\n' "$*" >&2; exit 1; }

odoo_importable() {
    "$PYTHON" -c "import odoo.release as r, sys; sys.exit(0 if r.version_info[0] == 19 else 1)" 2>/dev/null
}

# Succeeds when every requirement line of the given file is satisfied by what is installed.
requirements_met() {
    "$PYTHON" - "$1" <<'PY' 2>/dev/null
import sys
from importlib import metadata
from packaging.requirements import Requirement
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    req = Requirement(line)
    try:
        version = metadata.version(req.name)
    except metadata.PackageNotFoundError:
        sys.exit(1)
    if req.specifier and not req.specifier.contains(version, prereleases=True):
        sys.exit(1)
PY
}

# Install the lines of requirements.txt matched by the regex $2 (all lines without $2).
ensure_requirements() {
    local file="$ROOT/requirements.txt" wanted
    wanted="$(mktemp)"
    if [ -n "${1:-}" ]; then
        grep -E "$1" "$file" >"$wanted" || true
    else
        cp "$file" "$wanted"
    fi
    if ! requirements_met "$wanted"; then
        log "installing Python requirements ($(grep -c . "$wanted") lines of requirements.txt)"
        "$PYTHON" -m pip install --quiet --disable-pip-version-check -r "$wanted" \
            || die "pip could not install requirements.txt"
    fi
    rm -f "$wanted"
}

require_odoo() {
    odoo_importable && return 0
    cat >&2 <<'MSG'
[itss] ERROR: python3 cannot import Odoo 19.0.
  Install Odoo 19.0 Community from its official source (branch 19.0 of the odoo/odoo
  repository): `pip install -r requirements.txt && pip install -e .` in that checkout,
  so that `python3 -c "import odoo"` works; or use Docker instead: `docker compose up`.
MSG
    exit 1
}

# Pick connection settings: PG* variables win; otherwise 127.0.0.1 with a role of the suite's
# own ("itss"), created through the "postgres" superuser when it does not exist yet, because
# Odoo refuses to run as "postgres".
setup_postgres() {
    local conf_vars
    conf_vars="$("$PYTHON" - "$ODOO_CONF" <<'PY'
import configparser, shlex, sys
cp = configparser.ConfigParser()
cp.read(sys.argv[1])
opts = cp["options"] if cp.has_section("options") else {}
for key, var in (("db_host", "CONF_PGHOST"), ("db_port", "CONF_PGPORT"),
                 ("db_user", "CONF_PGUSER"), ("db_password", "CONF_PGPASSWORD")):
    value = opts.get(key, "")
    if value and value != "False":
        print(f"{var}={shlex.quote(value)}")
PY
)"
    eval "$conf_vars"
    export PGHOST="${PGHOST:-${CONF_PGHOST:-127.0.0.1}}"
    export PGPORT="${PGPORT:-${CONF_PGPORT:-5432}}"
    export PGUSER="${PGUSER:-${CONF_PGUSER:-}}"
    export PGPASSWORD="${PGPASSWORD:-${CONF_PGPASSWORD:-}}"
    if [ -z "${PGUSER:-}" ] || [ "${PGUSER}" = "postgres" ]; then
        export PGUSER=itss PGPASSWORD="${ITSS_PGPASSWORD:-itss}"
    fi
    if ! "$PYTHON" - <<'PY' 2>/dev/null
import os, psycopg2
psycopg2.connect(dbname="postgres", connect_timeout=5).close()
PY
    then
        if [ "$PGUSER" = "itss" ] && command -v psql >/dev/null \
            && psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -tAc "select 1" >/dev/null 2>&1; then
            log "creating PostgreSQL role 'itss' (Odoo refuses the postgres superuser)"
            psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -q -c \
                "CREATE ROLE itss LOGIN CREATEDB PASSWORD '$PGPASSWORD'" >/dev/null \
                || die "could not create the PostgreSQL role itss"
        else
            die "PostgreSQL is not reachable at $PGHOST:$PGPORT as '$PGUSER'. Start PostgreSQL, or set PGHOST/PGPORT/PGUSER/PGPASSWORD (or db_* in config/odoo.conf)."
        fi
    fi
}

# Odoo reads the connection from PGHOST, PGPORT, PGUSER and PGPASSWORD (set by setup_postgres).
odoo_cmd() {
    "$PYTHON" -m odoo server -c "$ODOO_CONF" "$@"
}

db_exists() {
    "$PYTHON" - "$1" <<'PY' 2>/dev/null
import sys, psycopg2
with psycopg2.connect(dbname="postgres") as cn, cn.cursor() as cr:
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (sys.argv[1],))
    sys.exit(0 if cr.fetchone() else 1)
PY
}

drop_db() {
    "$PYTHON" - "$1" <<'PY'
import sys, psycopg2
from psycopg2 import sql
cn = psycopg2.connect(dbname="postgres")
cn.autocommit = True
with cn.cursor() as cr:
    cr.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(sys.argv[1])))
cn.close()
PY
}

# The modules the suite extends, whose own tests must keep passing with the suite installed.
UPSTREAM_MODULES="${ITSS_UPSTREAM:-helpdesk_mgmt,helpdesk_mgmt_sla,hr_skills,hr_course,maintenance,stock,mgmtsystem_audit,mgmtsystem_review,mgmtsystem_nonconformity,mgmtsystem_action,document_page}"
# Excluded upstream test, with the reason:
# - maintenance's at_install multi-company test creates a res.company while `-u maintenance`
#   has loaded the registry only up to maintenance; stock (a dependency of itss_spares) adds
#   the required column res_company.horizon_days, so the INSERT fails. Stock alone causes it,
#   not the suite; the test passes as soon as the whole registry is loaded.
# - hr_skills' certification-activity tests keep the last certification line read when two tie
#   on hr_skills' order (a renewed certification and its expired predecessor in Odoo's demo data),
#   so their result depends on the row order PostgreSQL returns. itss_hr_skills makes that order
#   deterministic, but at_install the registry stops at hr_skills and does not have it: these
#   tests run instead with the whole registry in the pytest stage (UPSTREAM_FULL_REGISTRY_TESTS).
# - stock's TestProductPostInstall.test_change_product_inventory_tracking_inventory_adjustment
#   searches every move of the database into an inventory-usage location and expects only its
#   own; itss_spares' demo scraps three faulty spares (scrap moves go to such a location).
# - stock's TestStockReportTour.test_stock_route_diagram_report expects the route diagram to
#   open directly, which Odoo does only for a single warehouse; itss_spares' demo adds three
#   spare libraries (warehouses), so Odoo first asks which warehouses to draw.
#   Both pass on a database without the suite's demo data; the code paths are untouched.
UPSTREAM_EXCLUDED="-/maintenance:TestEquipmentMulticompany.test_00_equipment_multicompany_user,\
-/hr_skills:TestCertificationActivities,\
-/stock:TestProductPostInstall.test_change_product_inventory_tracking_inventory_adjustment,\
-/stock:TestStockReportTour.test_stock_route_diagram_report"
UPSTREAM_FULL_REGISTRY_TESTS="hr_skills/tests/test_certification_activities.py"

# Paths of the upstream tests that run with the whole registry, in the pytest stage.
upstream_full_registry_paths() {
    local rel module
    for rel in $UPSTREAM_FULL_REGISTRY_TESTS; do
        module="${rel%%/*}"
        "$PYTHON" -c "import os
from odoo.modules.module import get_module_path, initialize_sys_path
initialize_sys_path()
print(os.path.join(get_module_path('$module'), '${rel#*/}'))"
    done
}

# Update the upstream modules of database $1 with their tests enabled; log to $2.
run_upstream_tests() {
    local db="$1" logfile="$2" tags
    tags="$(printf '/%s,' ${UPSTREAM_MODULES//,/ })${UPSTREAM_EXCLUDED}"
    odoo_cmd -d "$db" -u "$UPSTREAM_MODULES" --test-enable --test-tags "$tags" --stop-after-init \
        --log-level=test --http-port=0 >>"$logfile" 2>&1
    local rc=$?
    grep -E "odoo.tests.result|(ERROR|FAIL): " "$logfile" | tail -n 20
    [ $rc -eq 0 ] && ! grep -qE " (ERROR|FAIL): " "$logfile"
}

# Install module $1 alone into a new database, with ("with") or without ("without") demo data;
# fail on an install error or on a warning/error logged by an ITSS module. Logs to $2.
install_alone() {
    local module="$1" demo="$2" logfile="$3" db rc flag
    db="alone_${module#itss_}_${demo}_$$"
    flag="--with-demo"
    [ "$demo" = "without" ] && flag="--without-demo"
    odoo_cmd -d "$db" -i "$module" "$flag" --stop-after-init --log-level=info --http-port=0 \
        >"$logfile" 2>&1
    rc=$?
    drop_db "$db" >/dev/null 2>&1 || true
    if [ $rc -ne 0 ]; then
        tail -n 30 "$logfile"
        return 1
    fi
    if grep -E " (WARNING|ERROR|CRITICAL) " "$logfile" | grep -E "itss[._]"; then
        return 1
    fi
}
