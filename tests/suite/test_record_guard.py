# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Records are evidence: no role writes a protected field of any guarded model directly."""

from datetime import date, datetime

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from odoo.addons.itss_capability.tests.common import ROLE_GROUPS

# Models of the suite that hold no workflow (catalogs, lines, reports): they need no guard.
# Every other itss.* model with a ``state`` field must inherit itss.guard.mixin.
SKIPPED_TYPES = {"one2many", "many2many", "binary", "image", "properties", "properties_definition", "json"}


def other_value(record, field):
    """A write value for ``field`` that differs from what ``record`` holds (None: no such value)."""
    current = record[field.name]
    kind = field.type
    if kind == "selection":
        choices = [value for value, _label in field._description_selection(record.env)]
        return next((value for value in choices if value != current), None)
    if kind == "boolean":
        return not current
    if kind == "integer":
        return (current or 0) + 1
    if kind in ("float", "monetary"):
        return (current or 0.0) + 1.5
    if kind in ("char", "text", "html"):
        return f"{current or ''} rewritten"
    if kind == "date":
        return date(2031, 3, 3) if current != date(2031, 3, 3) else date(2032, 3, 3)
    if kind == "datetime":
        return datetime(2031, 3, 3, 8) if current != datetime(2031, 3, 3, 8) else datetime(2032, 3, 3, 8)
    if kind == "many2one":
        other = record.env[field.comodel_name].sudo().search([("id", "!=", current.id)], limit=1)
        return other.id or None
    return None


@tagged("post_install", "-at_install")
class TestRecordGuard(TransactionCase):
    """Walks every guarded model of the suite as every role, the administrator included."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.users = {
            role: new_test_user(cls.env, f"guard_{role}", groups=group) for role, group in ROLE_GROUPS.items()
        }
        cls.users["approver"] = new_test_user(
            cls.env, "guard_approver",
            groups="itss_capability.group_itss_user,itss_service_desk.group_itss_change_approver")
        cls.users["hr_manager"] = new_test_user(
            cls.env, "guard_hr", groups="itss_capability.group_itss_manager,hr.group_hr_manager")
        # The administrator has every group: only the guard itself can refuse them.
        cls.users["admin"] = cls.env.ref("base.user_admin")
        cls.guarded = sorted(
            name for name in cls.env.registry.descendants(["itss.guard.mixin"], "_inherit")
            if name != "itss.guard.mixin" and not cls.env[name]._abstract and not cls.env[name]._transient
        )

    def test_workflow_models_are_guarded(self):
        """Every model of the suite with a workflow state inherits the guard and protects its state."""
        unguarded = []
        for name in self.env.registry:
            model = self.env[name]
            if not name.startswith("itss.") or model._abstract or model._transient or not model._auto:
                continue
            state = model._fields.get("state")
            if state is None or state.related:
                continue
            if name not in self.guarded or "state" not in model._itss_protected_fnames():
                unguarded.append(name)
        self.assertFalse(unguarded, f"workflow models whose state any role can write: {unguarded}")

    def test_protected_fields_refused_for_every_role(self):
        """Writing any protected field of any guarded model directly is refused for every role."""
        tried = 0
        bent = []
        for name in self.guarded:
            Model = self.env[name]
            record = Model.search([], limit=1, order="id desc")
            if not record:
                continue
            for fname in sorted(Model._itss_protected_fnames()):
                field = Model._fields[fname]
                if field.type in SKIPPED_TYPES or not field.store and not field.inverse:
                    continue
                value = other_value(record, field)
                if value is None:
                    continue
                for role, user in self.users.items():
                    tried += 1
                    try:
                        with self.cr.savepoint():
                            record.with_user(user).write({fname: value})
                    except AccessError:
                        continue
                    except Exception as error:  # noqa: BLE001 - only the guard's refusal proves the rule
                        bent.append(f"{role}: {name}.{fname} refused by something else: {error}")
                        continue
                    bent.append(f"{role}: {name}.{fname}")
        self.assertGreater(tried, 500, "the walk found too few guarded records to prove anything")
        self.assertFalse(bent, "protected fields written directly:\n" + "\n".join(bent))

    def test_protected_fields_refused_on_create(self):
        """Creating a record with a protected field away from its default is refused, administrator included."""
        admin = self.users["admin"]
        tried = 0
        bent = []
        for name in self.guarded:
            Model = self.env[name].with_user(admin)
            record = Model.sudo().search([], limit=1, order="id desc")
            if not record:
                continue
            vals = record.copy_data()[0]
            protected = [
                fname for fname in sorted(Model._itss_protected_fnames())
                if Model._fields[fname].store and Model._fields[fname].type not in SKIPPED_TYPES
            ]
            defaults = Model.default_get(protected)
            for fname in protected:
                value = other_value(Model.sudo().new({fname: defaults.get(fname)}), Model._fields[fname])
                if value is None:
                    continue
                tried += 1
                # The guard's own check, the first thing create() runs for a user: the record's
                # other constraints (one plan per year...) would refuse a copy for another reason.
                try:
                    Model._itss_check_create([dict(vals, **{fname: value})])
                except AccessError:
                    continue
                bent.append(f"{name}.{fname}")
        self.assertGreater(tried, 50)
        self.assertFalse(bent, "protected fields accepted at create:\n" + "\n".join(bent))
