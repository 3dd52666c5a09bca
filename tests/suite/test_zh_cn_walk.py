# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every screen an ITSS role opens is in Chinese: a walk of every menu as each demo role in zh_CN.

For each internal role (the demo users when the demo is installed, else test users with the same
groups) the walk opens every menu the role sees and, for every window action behind it, every view
of the action (list, form, kanban, search, pivot, graph, calendar, activity) as Odoo serves it to
the web client in zh_CN. A visible text is untranslated when it still holds an English word that
is not in ``ALLOWED``: menu and action names, field labels, selection values, filters, group-bys,
buttons, pages, static texts and placeholders, and the names of the workflow stages the role sees.

On failure the message lists, per role, every untranslated text with the screen it was found on,
so that terms missing after a merge are easy to add to the right module's i18n (the suite's own
terms) or i18n_extra (upstream modules' terms, by their xml ids).
"""

import re
from collections import defaultdict

from lxml import etree

from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import safe_eval

from odoo.addons.itss_capability.tests.common import ROLE_GROUPS

LANG = "zh_CN"
# Words a Chinese O&M company writes in Latin letters too: acronyms of the standard and the trade,
# file formats, and the single letters of grades and ratings (A–D).
ALLOWED = {
    "SLA", "SLAs", "CMDB", "KPI", "KPIs", "PDCA", "IT", "ITSS", "XLSX", "PDF", "IP", "CI", "CIs", "ID",
    "URL", "QA", "HR", "ISO", "GB", "T", "P1", "P2", "P3", "P4", "R", "D", "A", "B", "C", "N", "H", "V",
    "Odoo", "Email", "VS", "vs", "e", "g", "x", "Dymo", "ZPL",
}
# The demo users of the internal roles (xml id → role); roles without a demo user get a test user.
DEMO_USERS = {
    "engineer": "itss_capability.user_itss_engineer",
    "manager": "itss_capability.user_itss_manager",
    "qa": "itss_capability.user_itss_qa",
    "executive": "itss_capability.user_itss_executive",
    "hr": "itss_hr_skills.user_itss_hr",
    "keeper": "itss_spares.user_itss_keeper",
}
# Attributes whose text the user reads on screen.
TEXT_ATTRIBUTES = ("string", "placeholder", "confirm", "sum")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
VIEW_TAGS = {"list", "form", "kanban", "search", "pivot", "graph", "calendar", "activity"}
STAGE_MODELS = {"helpdesk.ticket.stage", "mgmtsystem.nonconformity.stage", "mgmtsystem.action.stage"}


CJK = re.compile(r"[\u3400-\u9fff]")
# Selections longer than this are look-up lists (time zones, models), not labels of the suite;
# languages are named as their speakers write them ("English (US)").
LOOKUP_SIZE = 40
LOOKUP_FIELDS = {"lang", "tz"}


def untranslated(text):
    """True when ``text`` has no Chinese and holds an English word outside ``ALLOWED``."""
    return not CJK.search(text or "") and any(word not in ALLOWED for word in WORD.findall(text or ""))


@tagged("post_install", "-at_install")
class TestZhCnWalk(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get(LANG).active:
            cls.env["res.lang"]._activate_lang(LANG)
            modules = cls.env["ir.module.module"].search([("state", "=", "installed")])
            modules._load_module_terms(modules.mapped("name"), [LANG])
        cls.users = {}
        for role, xmlid in DEMO_USERS.items():
            user = cls.env.ref(xmlid, raise_if_not_found=False)
            if not user and role in ROLE_GROUPS:
                user = new_test_user(cls.env, f"walk_{role}", groups=ROLE_GROUPS[role])
            if user:
                cls.users[role] = user

    def _view_texts(self, arch, models, model_name, view_type):
        """(text, what) pairs a user reads in one view's arch, invisible nodes left out.

        Sub-views (the lines of a one2many) read the labels of their own model.
        """
        texts = []

        def walk(node, model, kind):
            if not isinstance(node.tag, str):
                return
            if node.get("invisible") in ("1", "True") or node.get("column_invisible") in ("1", "True"):
                return
            fields_info = models.get(model, {}).get("fields", {})
            if node.tag in ("list", "form", "kanban") and node.getparent() is not None:
                kind = node.tag
            for attribute in TEXT_ATTRIBUTES:
                if attribute == "string" and node.tag in VIEW_TAGS:
                    continue  # a view's own title is not shown by the web client
                if node.get(attribute):
                    texts.append((node.get(attribute), f"{node.tag}@{attribute}"))
            child_model = model
            if node.tag == "field" and node.get("name") in fields_info:
                info = fields_info[node.get("name")]
                parent = node.getparent()
                shows_label = (
                    kind in ("list", "search", "pivot", "graph")
                    or (kind == "form" and parent is not None and parent.tag == "group")
                ) and not node.get("string") and node.get("nolabel") != "1"
                if shows_label:
                    texts.append((info.get("string"), f"field {node.get('name')}"))
                selection = info.get("selection") or []
                lookup = len(selection) > LOOKUP_SIZE or node.get("name") in LOOKUP_FIELDS
                for _value, label in selection if not lookup else []:
                    texts.append((label, f"selection of {node.get('name')}"))
                child_model = info.get("relation") or model
            if node.tag == "label" and node.get("for") in fields_info and not node.get("string"):
                texts.append((fields_info[node.get("for")].get("string"), f"label {node.get('for')}"))
            if node.tag != "field" and node.text and node.text.strip():
                texts.append((node.text.strip(), f"<{node.tag}> text"))
            for child in node:
                walk(child, child_model, kind)
                if isinstance(child.tag, str) and child.tail and child.tail.strip():
                    texts.append((child.tail.strip(), f"<{node.tag}> text"))

        walk(arch, model_name, view_type)
        return texts

    def _action_views(self, user, action):
        """{view type: (arch, fields of its model)} of a window action, as the role's web client gets them."""
        eval_context = {"uid": user.id, "allowed_company_ids": user.company_ids.ids, "active_id": False,
                        "active_ids": [], "context_today": lambda: None}
        try:
            context = safe_eval(action.context or "{}", eval_context)
        except Exception:  # noqa: BLE001 — an action context needing a record: its views still load
            context = {}
        context = {key: value for key, value in context.items() if not key.startswith("search_default")}
        model = self.env[action.res_model].with_user(user).with_context(**context, lang=LANG)
        views = [(view.view_id.id, view.view_mode) for view in action.view_ids]
        listed = {mode for _id, mode in views}
        for mode in (action.view_mode or "list,form").split(","):
            if mode not in listed:
                views.append((action.view_id.id if action.view_id.type == mode else False, mode))
        views.append((action.search_view_id.id, "search"))
        result = model.get_views(views, {"toolbar": True})
        found = {}
        for view_type, view in result["views"].items():
            arch = etree.fromstring(view["arch"])
            found[view_type] = (arch, result["models"], action.res_model)
        return found

    def _walk(self, user):
        """{text: sorted screens} of the untranslated texts the user meets."""
        missing = defaultdict(set)
        Menu = self.env["ir.ui.menu"].with_user(user).with_context(lang=LANG)
        visible = set(Menu._visible_menu_ids())
        # A menu shows only when its whole parent chain does (as the web client builds the menu tree).
        menus = Menu.browse(sorted(visible)).sudo().filtered(
            lambda menu: {int(part) for part in menu.parent_path.split("/") if part} <= visible
        ).with_user(user)
        stage_models = set()
        for menu in menus:
            if untranslated(menu.name):
                missing[menu.name].add(f"menu {menu.sudo().complete_name}")
            action = menu.sudo().action
            if not action or action._name != "ir.actions.act_window" or not action.res_model:
                continue
            action = action.with_context(lang=LANG)
            if untranslated(action.name):
                missing[action.name].add(f"action of menu {menu.name}")
            if not self.env[action.res_model].with_user(user).has_access("read"):
                continue
            for view_type, (arch, models, model_name) in self._action_views(user, action).items():
                where = f"{model_name} {view_type}"
                for text, what in self._view_texts(arch, models, model_name, view_type):
                    if untranslated(text):
                        missing[text].add(f"{where} ({what})")
                for model_info in models.values():
                    stage_models.update(
                        info.get("relation") for info in model_info["fields"].values()
                        if info.get("relation") in STAGE_MODELS
                    )
        for stage_model in stage_models:
            Stage = self.env[stage_model].with_user(user).with_context(lang=LANG)
            if not Stage.has_access("read"):
                continue
            for stage in Stage.search([]):
                if untranslated(stage.name):
                    missing[stage.name].add(f"stage of {stage_model}")
        return missing

    def test_every_screen_is_chinese(self):
        """Every menu, view label, selection, filter, button and stage each role meets is in Chinese."""
        self.assertTrue(self.users)
        report = []
        for role, user in sorted(self.users.items()):
            missing = self._walk(user)
            if missing:
                lines = [f"  {text!r}: {', '.join(sorted(screens)[:3])}" for text, screens in sorted(missing.items())]
                report.append(f"{role} ({user.login}): {len(missing)} untranslated texts\n" + "\n".join(lines))
        self.assertFalse(report, "untranslated texts in zh_CN:\n" + "\n".join(report))
