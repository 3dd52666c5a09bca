#!/usr/bin/env bash
# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
#
# `make test`: the static tier (pylint-odoo, ruff, manifest/XML checks, pure-Python tests),
# then, where Odoo 19 is importable, the Odoo tier: a throw-away database with the five
# modules and demo data, an upgrade of all five, every Odoo test of the suite with pytest-odoo,
# then the own tests of the modules the suite extends (helpdesk_mgmt, hr_skills, maintenance...).
set -uo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

status=0
SUMMARY="$(mktemp -t itss-pytest-XXXX.txt)"
ensure_requirements '^(pylint-odoo|pytest|ruff)'

log "static tier: pylint-odoo"
"$PYTHON" -m pylint --rcfile=.pylintrc addons/itss_* || status=1
if "$PYTHON" -m ruff --version >/dev/null 2>&1; then
    log "static tier: ruff"
    "$PYTHON" -m ruff check addons tests bench || status=1
fi
log "static tier: manifest, XML and pure-Python tests"
"$PYTHON" -m pytest -p no:odoo -p no:cacheprovider -q tests/static | tee -a "$SUMMARY"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

# One closing line for the whole run: the tests pytest counted in both tiers.
closing_line() {
    "$PYTHON" - "$SUMMARY" "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
# Only pytest's closing lines and the standalone-install line count: log lines captured in the
# summary ("... 4 failed, will be retried") must not.
text = "\n".join(
    line for line in text.splitlines()
    if re.match(r"^(=+ )?\d+ (passed|failed|errors?|skipped)\b", line) or line.startswith("standalone installs:")
)
passed = sum(int(n) for n in re.findall(r"(?<!subtests )\b(\d+) passed", text))
failed = sum(int(n) for n in re.findall(r"\b(\d+) failed", text))
failed += sum(int(n) for n in re.findall(r"\b(\d+) errors?\b", text))
failed = max(failed, 1) if sys.argv[2] != "0" and not failed else failed
print(f"itss: {passed} passed, {failed} failed")
PY
}

if ! odoo_importable; then
    echo "Odoo tier: SKIPPED (odoo 19.0 not importable)"
    closing_line $status
    exit $status
fi

ensure_requirements
setup_postgres
DB="suite_test_$$"  # no "itss" in the name: the log check below greps for it
LOG="$(mktemp -t itss-install-XXXX.log)"
trap 'drop_db "$DB" >/dev/null 2>&1 || true' EXIT

log "Odoo tier: installing the five modules with demo data into '$DB'"
if ! odoo_cmd -d "$DB" -i "$ITSS_MODULES" --with-demo --stop-after-init --log-level=info \
        --http-port=0 >"$LOG" 2>&1; then
    tail -n 60 "$LOG"; die "installation failed (full log: $LOG)"
fi
log "Odoo tier: upgrading the five modules (-u)"
if ! odoo_cmd -d "$DB" -u "$ITSS_MODULES" --stop-after-init --log-level=info \
        --http-port=0 >>"$LOG" 2>&1; then
    tail -n 60 "$LOG"; die "upgrade failed (full log: $LOG)"
fi
# Chinese, as `make run` has it (users keep their language): tests/suite/test_zh_cn_walk.py walks
# every role's screens in zh_CN. Loaded after the installation, like a customer adding the language.
log "Odoo tier: loading zh_CN"
if ! "$PYTHON" -m odoo i18n loadlang -c "$ODOO_CONF" -d "$DB" -l zh_CN >>"$LOG" 2>&1; then
    tail -n 60 "$LOG"; die "loading zh_CN failed (full log: $LOG)"
fi
if grep -E " (WARNING|ERROR|CRITICAL) " "$LOG" | grep -E "itss[._]"; then
    log "the install/upgrade log above has warnings or errors from the ITSS modules"
    status=1
fi

log "Odoo tier: running the suite's tests with pytest-odoo"
"$PYTHON" -m pytest -p no:cacheprovider -q --odoo-database="$DB" --odoo-config="$ODOO_CONF" \
    --odoo-http --odoo-log-level=warn addons/itss_*/tests tests/suite $(upstream_full_registry_paths) | tee -a "$SUMMARY"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

log "Odoo tier: the extended modules' own tests with the suite installed ($UPSTREAM_MODULES)"
UPSTREAM_LOG="$(mktemp -t itss-upstream-XXXX.log)"
if ! run_upstream_tests "$DB" "$UPSTREAM_LOG"; then
    log "upstream tests failed (full log: $UPSTREAM_LOG)"
    status=1
fi

log "Odoo tier: each module installed alone, with and without demo data (two at a time)"
ALONE_DIR="$(mktemp -d -t itss-alone-XXXX)"
for module in ${ITSS_MODULES//,/ }; do
    for demo in with without; do
        (
            if install_alone "$module" "$demo" "$ALONE_DIR/$module-$demo.log" >"$ALONE_DIR/$module-$demo.out"; then
                echo passed >"$ALONE_DIR/$module-$demo.result"
            else
                echo failed >"$ALONE_DIR/$module-$demo.result"
            fi
        ) &
        [ "$(jobs -rp | wc -l)" -ge 2 ] && wait -n
    done
done
wait
alone_passed="$(grep -l passed "$ALONE_DIR"/*.result | wc -l)"
alone_failed="$(grep -l failed "$ALONE_DIR"/*.result | wc -l)"
for result in $(grep -l failed "$ALONE_DIR"/*.result); do
    name="$(basename "$result" .result)"
    log "$name (module alone, demo data): FAILED (log: $ALONE_DIR/$name.log)"
    cat "$ALONE_DIR/$name.out"
    status=1
done
echo "standalone installs: $alone_passed passed, $alone_failed failed" | tee -a "$SUMMARY"

log "Odoo tier: uninstalling and reinstalling the five modules"
if ! "$PYTHON" -m odoo shell -c "$ODOO_CONF" -d "$DB" --log-level=warn --no-http \
        >>"$LOG" 2>&1 <<PY
modules = env["ir.module.module"].search([("name", "in", "$ITSS_MODULES".split(","))])
modules.button_immediate_uninstall()
env.cr.commit()
left = modules.filtered(lambda m: m.state != "uninstalled").mapped("name")
assert not left, f"not uninstalled: {left}"
PY
then
    tail -n 30 "$LOG"; log "uninstall failed (full log: $LOG)"; status=1
elif ! odoo_cmd -d "$DB" -i "$ITSS_MODULES" --stop-after-init --log-level=info --http-port=0 \
        >>"$LOG" 2>&1; then
    tail -n 30 "$LOG"; log "reinstall failed (full log: $LOG)"; status=1
fi

closing_line $status
exit $status
