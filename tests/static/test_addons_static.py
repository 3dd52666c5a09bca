# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks that need no Odoo: manifests, files, XML idioms, ACLs, translations, layout."""

import ast
import csv
import importlib.util
import re
from pathlib import Path
from xml.etree import ElementTree as etree

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADDONS = sorted(p.parent for p in (ROOT / "addons").glob("*/__manifest__.py"))
HEADER = "License AGPL-3.0 or later"


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


def python_models(addon):
    """{model name: file} for every new model (``_name = "..."``) declared under models/.

    A class that repeats the name of the model it inherits (``_name = "x"`` with ``_inherit =
    ["x", "a.mixin"]``) extends ``x`` and is not a new model.
    """
    found = {}
    for path in (addon / "models").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r'^\s+_name = "([a-z0-9_.]+)"', text, re.MULTILINE):
            if not re.search(rf'^\s+_inherit = \[?"{re.escape(name)}"', text, re.MULTILINE):
                found[name] = path
    return found


def read_po(path):
    """[(msgid, msgstr)] of a .po file (enough of the format for Odoo's exports)."""
    entries, current, field = [], {}, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("msgid "):
            if "msgid" in current:
                entries.append(current)
            current, field = {"msgid": ast.literal_eval(line[6:]), "msgstr": ""}, "msgid"
        elif line.startswith("msgstr "):
            current["msgstr"], field = ast.literal_eval(line[7:]), "msgstr"
        elif line.startswith('"') and field:
            current[field] += ast.literal_eval(line)
        elif not line.strip() and "msgid" in current:
            entries.append(current)
            current, field = {}, None
    return [(e["msgid"], e["msgstr"]) for e in entries if e["msgid"]]


def test_five_addons():
    """The suite ships exactly the five ITSS add-ons."""
    assert [a.name for a in ADDONS] == [
        "itss_audit", "itss_capability", "itss_hr_skills", "itss_service_desk", "itss_spares",
    ]


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_manifest(addon):
    """Manifest: 19.0.x.y.z, AGPL-3, author, summary, base dependency, every listed file exists."""
    data = manifest(addon)
    assert re.fullmatch(r"19\.0\.\d+\.\d+\.\d+", data["version"])
    assert data["license"] == "AGPL-3"
    assert data["author"] == "ITSS O&M suite contributors"
    assert len(data["summary"]) > 30
    if addon.name != "itss_capability":
        assert "itss_capability" in data["depends"]
    for key in ("data", "demo"):
        for rel in data.get(key, []):
            assert (addon / rel).is_file(), f"{addon.name}: {rel} listed but missing"
    menus = [f for f in data.get("data", []) if f.endswith("_menus.xml")]
    assert menus and data["data"][-1] == menus[0], "menus have their own file, loaded last"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_module_files(addon):
    """Each add-on has its readme fragments, icon, zh_CN translation and tests."""
    for rel in ("readme/DESCRIPTION.md", "readme/USAGE.md", "static/description/icon.png",
                "i18n/zh_CN.po", "tests/__init__.py"):
        assert (addon / rel).is_file(), f"{addon.name}: {rel} missing"
    assert list((addon / "tests").glob("test_*.py"))


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_headers(addon):
    """Every Python and XML file carries the copyright/licence header."""
    for path in list(addon.rglob("*.py")) + list(addon.rglob("*.xml")):
        if path.name == "__init__.py" and path.parent.name == "tests" and not path.read_text().strip():
            continue
        assert HEADER in path.read_text(encoding="utf-8")[:400], f"{path} has no licence header"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_xml_idioms(addon):
    """XML parses and uses Odoo 19 idioms: <list>, no attrs/states, ids named after their model."""
    for path in addon.rglob("*.xml"):
        tree = etree.parse(str(path))
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<tree[\s>]", text), f"{path}: <tree> is <list> in Odoo 19"
        assert not re.search(r"\sattrs=|\sstates=", text), f"{path}: attrs/states were removed"
        for record in tree.iterfind(".//record"):
            xmlid, model = record.get("id"), record.get("model")
            if model == "ir.ui.view":
                assert re.search(r"_view_[a-z_]+$", xmlid), f"{path}: view id {xmlid}"
            if model == "ir.actions.act_window":
                assert re.search(r"_action(_[a-z_]+)?$", xmlid), f"{path}: action id {xmlid}"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_one_model_per_file_with_acl(addon):
    """One model per file named after it, and every model has access rights."""
    models = python_models(addon)
    for name, path in models.items():
        assert path.stem == name.replace(".", "_"), f"{name} lives in {path.name}"
    acl_file = addon / "security" / "ir.model.access.csv"
    if not models:
        return
    with acl_file.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate ACL ids"
    pairs = [(row["model_id:id"], row["group_id:id"]) for row in rows]
    assert len(pairs) == len(set(pairs)), "one ACL row per model and group"
    covered = {row["model_id:id"].split(".")[-1] for row in rows}
    for name, path in models.items():
        if "(models.AbstractModel)" in path.read_text(encoding="utf-8"):
            continue  # abstract models have no table and no access rights
        assert "model_" + name.replace(".", "_") in covered, f"{name} has no access rights"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_zh_cn_translation_complete(addon):
    """The zh_CN translation is complete and keeps every placeholder."""
    entries = read_po(addon / "i18n" / "zh_CN.po")
    assert entries
    untranslated = [msgid for msgid, msgstr in entries if not msgstr]
    assert not untranslated, f"untranslated: {untranslated[:5]}"
    for msgid, msgstr in entries:
        assert sorted(re.findall(r"%\(\w+\)[sdf]|%\(\w+\)\.\d+f", msgid)) == sorted(
            re.findall(r"%\(\w+\)[sdf]|%\(\w+\)\.\d+f", msgstr)
        ), f"placeholders differ in {msgid!r}"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_pot_matches_translation(addon):
    """The module's .pot and zh_CN.po hold the same terms: Odoo drops a translation missing from the .pot."""
    template = {msgid for msgid, _msgstr in read_po(addon / "i18n" / f"{addon.name}.pot")}
    translated = {msgid for msgid, _msgstr in read_po(addon / "i18n" / "zh_CN.po")}
    assert not translated - template, f"terms missing from the .pot: {sorted(translated - template)[:5]}"
    assert not template - translated, f"terms missing from zh_CN.po: {sorted(template - translated)[:5]}"


def _upstream_addon(name):
    """The folder of an installed add-on outside the suite (OCA from site-packages, Odoo), or None."""
    for folder in _addons_folders():
        if (folder / name / "__manifest__.py").is_file():
            return folder / name
    return None


def _addons_folders():
    """Where add-ons live outside the suite: the odoo.addons namespace and Odoo's own addons/."""
    spec = importlib.util.find_spec("odoo.addons")
    folders = [Path(folder) for folder in (spec.submodule_search_locations if spec else [])
               if Path(folder).is_dir()]
    # A source install keeps most Odoo add-ons in <checkout>/addons, beside odoo/addons.
    return folders + [folder.parents[1] / "addons" for folder in folders
                      if len(folder.parents) > 1 and (folder.parents[1] / "addons").is_dir()]


def _dependency_closure(addon):
    """Names of the modules ``addon`` depends on, directly or not (as far as their manifests are found)."""
    seen, todo = set(), list(manifest(addon)["depends"])
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        folder = ROOT / "addons" / name if (ROOT / "addons" / name).is_dir() else _upstream_addon(name)
        if folder:
            todo.extend(manifest(folder).get("depends", []))
    return seen


def read_po_references(path):
    """[(msgid, msgstr, [each ``#:`` reference: "model...:module.xmlid"])] of a .po file."""
    entries, references, current, field = [], [], {}, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#: "):
            references += [ref for ref in line[3:].split() if ref.count(":") >= 2]
        elif line.startswith("msgid "):
            current, field = {"msgid": ast.literal_eval(line[6:]), "msgstr": ""}, "msgid"
        elif line.startswith("msgstr "):
            current["msgstr"], field = ast.literal_eval(line[7:]), "msgstr"
        elif line.startswith('"') and field:
            current[field] += ast.literal_eval(line)
        elif not line.strip() and "msgid" in current:
            if current["msgid"]:
                entries.append((current["msgid"], current["msgstr"], references))
            current, field, references = {}, None, []
    return entries


def _auto_installed(closure):
    """``closure`` with the add-ons Odoo installs on its own once their dependencies are there."""
    auto = {}
    for folder in _addons_folders():
        for path in folder.glob("*/__manifest__.py"):
            data = manifest(path.parent)
            if data.get("auto_install"):
                needs = data["auto_install"] if isinstance(data["auto_install"], list) else data.get("depends", [])
                auto[path.parent.name] = set(needs)
    closure = set(closure)
    grown = True
    while grown:
        grown = False
        for name, needs in auto.items():
            if name not in closure and needs <= closure:
                closure |= {name} | _dependency_closure_of(name)
                grown = True
    return closure


def _dependency_closure_of(name):
    folder = _upstream_addon(name)
    return _dependency_closure(folder) if folder else set()


EXTRA_PO = sorted(ROOT.glob("addons/*/i18n_extra/zh_CN.po"))


@pytest.mark.parametrize("path", EXTRA_PO, ids=lambda p: p.parent.parent.name)
def test_upstream_translation(path):
    """i18n_extra/zh_CN.po translates upstream modules the add-on depends on, completely.

    It is exempt from the .pot check above: its terms belong to the upstream modules, whose own .pot
    is the template. Each entry must point (``#: model...:module.xmlid``) at a module the add-on
    depends on (or that Odoo auto-installs with them), be translated with its placeholders and
    template code, and, where the upstream .pot lists the same record, hold the text the .pot
    gives it (an upstream release that changes a label must not get the old label's Chinese).
    """
    addon = path.parent.parent
    closure = _auto_installed(_dependency_closure(addon))
    entries = read_po_references(path)
    assert entries
    templates = {}
    for msgid, msgstr, references in entries:
        assert msgstr, f"untranslated: {msgid!r}"
        assert references, f"{msgid!r} points at no record"
        modules = {ref.split(":")[2].split(".")[0] for ref in references}
        assert modules <= closure, f"{msgid!r}: {modules - closure} is not a dependency of {addon.name}"
        assert sorted(re.findall(r"%\(\w+\)[sdf]|%[sd]", msgid)) == sorted(
            re.findall(r"%\(\w+\)[sdf]|%[sd]", msgstr)), f"placeholders differ in {msgid!r}"
        assert sorted(re.findall(r'\bt-[\w-]+="[^"]*"|\{\{.*?\}\}', msgid)) == sorted(
            re.findall(r'\bt-[\w-]+="[^"]*"|\{\{.*?\}\}', msgstr)), f"template code differs in {msgid!r}"
        for reference in references:
            module = reference.split(":")[2].split(".")[0]
            if module not in templates:
                folder = _upstream_addon(module)
                pot = folder / "i18n" / f"{module}.pot" if folder else None
                templates[module] = _pot_terms(pot) if pot and pot.is_file() else {}
            known = templates[module].get(reference)
            assert known is None or msgid in known, (
                f"{reference} is {sorted(known)[:1]} in the module's .pot, not {msgid!r}")


def _pot_terms(path):
    """{reference: {msgids}} of a .pot: what each upstream record's text is today."""
    terms = {}
    for msgid, _msgstr, references in read_po_references(path):
        for reference in references:
            terms.setdefault(reference, set()).add(msgid)
    return terms


def _returns_value(function):
    """True when the function's last statement returns a value (an action or True), never None."""
    last = function.body[-1]
    if isinstance(last, ast.Return):
        return last.value is not None and not (isinstance(last.value, ast.Constant) and last.value.value is None)
    if isinstance(last, ast.If):
        return _returns_value(ast.FunctionDef(body=last.body)) and bool(last.orelse) and _returns_value(
            ast.FunctionDef(body=last.orelse))
    return isinstance(last, ast.Raise)


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_public_actions_return_a_value(addon):
    """Every button method (action_*, button_*) returns an action or True: XML-RPC cannot marshal None."""
    silent = []
    for path in sorted(addon.glob("*/*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_button = isinstance(node, ast.FunctionDef) and node.name.startswith(("action_", "button_"))
            if is_button and not _returns_value(node):
                silent.append(f"{path.relative_to(addon)}:{node.name}")
    assert not silent, f"actions returning None: {silent}"
