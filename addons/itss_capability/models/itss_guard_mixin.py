# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import AccessError

# Returned by _itss_locked_fnames() when the whole record is frozen.
ALL_FIELDS = frozenset({"__all__"})

# Chatter and activity plumbing that mail writes on any record, frozen or not.
MAIL_FIELDS = frozenset({
    "message_ids", "message_follower_ids", "message_partner_ids", "message_main_attachment_id",
    "activity_ids", "website_message_ids", "message_attachment_count", "rating_ids",
})


class ItssGuardMixin(models.AbstractModel):
    """Records are evidence: workflow fields change only through the model's actions.

    One mechanism for the whole suite (see itss_capability/readme/DESCRIPTION.md):

    * **Protected fields** — every field the model declares ``readonly=True`` (workflow states,
      approvers, approval dates, locks, delivery dates, frozen snapshots, computed and related
      figures) plus any field declared with ``itss_protected=True``. A non-superuser
      ``create``/``write`` (the web client, XML-RPC, JSON-RPC, any role) may not set them; the
      action methods set them through ``_itss_action()``, which first checks the caller's groups
      and access to the records, then writes with superuser rights (the author stays the user).
      A create may pass a protected field's default value, and a write its current value.
    * **Locked records** — ``_itss_locked_fnames()`` names the fields a record no longer takes
      (``ALL_FIELDS`` for a closed, delivered or finished record); such a record cannot be deleted.
      Line models name their parent in ``_itss_parent_field`` and are frozen with it.

    The superuser (``env.su``: server code, crons, actions after their checks) is never refused:
    no context key opens the guard, because XML-RPC callers choose their context.
    """

    _name = "itss.guard.mixin"
    _description = "ITSS Protected Workflow Record"

    # Set False on upstream models the suite extends: only ``itss_protected`` fields are guarded.
    _itss_guard_readonly = True
    # Field of a line model pointing to its (guarded) parent record.
    _itss_parent_field = None

    def _valid_field_parameter(self, field, name):
        return name == "itss_protected" or super()._valid_field_parameter(field, name)

    @api.model
    def _itss_protected_fnames(self):
        """Names of the fields that only the actions set (cached on the model class)."""
        cls = type(self)
        cached = cls.__dict__.get("_itss_protected_cache")
        if cached is None:
            cached = frozenset(name for name, field in self._fields.items() if self._itss_is_protected(name, field))
            cls._itss_protected_cache = cached
        return cached

    @api.model
    def _itss_is_protected(self, name, field):
        if getattr(field, "itss_protected", False):
            return True
        return (
            self._itss_guard_readonly and field.readonly is True
            and name not in models.MAGIC_COLUMNS and name not in MAIL_FIELDS and name != "display_name"
            and not name.startswith(("message_", "activity_", "rating_", "website_"))
        )

    def _itss_locked_fnames(self):
        """Fields this record (``self``, one record) no longer accepts from a direct write."""
        parent_field = self._itss_parent_field
        if parent_field and self[parent_field]:
            parent = self[parent_field].sudo()
            if parent._itss_locked_fnames() == ALL_FIELDS:
                return ALL_FIELDS
        return frozenset()

    def _itss_locked_message(self, field_label):
        """The refusal shown when a locked field of ``self`` (one record) is written."""
        return self.env._(
            "%(record)s is closed: “%(field)s” can no longer be changed.",
            record=self.display_name, field=field_label,
        )

    def _itss_field_label(self, fname):
        field = self._fields.get(fname)
        return field._description_string(self.env) if field else fname

    def _itss_same_value(self, fname, value):
        """True when ``value`` (a write value) equals what every record of ``self`` holds."""
        field = self._fields[fname]
        if field.type in ("one2many", "many2many"):
            return False
        for record in self:
            try:
                new = field.convert_to_record(field.convert_to_cache(value, record), record)
            except (ValueError, TypeError):
                return False
            if new != record[fname]:
                return False
        return True

    def _itss_refuse_protected(self, fnames):
        fname = min(fnames)
        raise AccessError(self.env._(
            "“%(field)s” of %(model)s is set by its actions (the buttons of the form), not written "
            "directly.", field=self._itss_field_label(fname), model=self._description,
        ))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self._itss_check_create(vals_list)
        return super().create(vals_list)

    @api.model
    def _itss_check_create(self, vals_list):
        """Refuse protected values (other than defaults) and lines of a frozen parent."""
        protected = self._itss_protected_fnames()
        for vals in vals_list:
            written = protected & vals.keys()
            if not written:
                continue
            defaults = self.default_get(list(written))
            # A computed figure is never given at create, not even the value it would compute.
            blocked = {
                fname for fname in written
                if self._fields[fname].compute
                or not self.new({fname: defaults.get(fname)})._itss_same_value(fname, vals[fname])
            }
            if blocked:
                self._itss_refuse_protected(blocked)
        if self._itss_parent_field:
            parent_field = self._itss_parent_field
            parent_ids = {vals[parent_field] for vals in vals_list if vals.get(parent_field)}
            parent_model = self._fields[parent_field].comodel_name
            for parent in self.env[parent_model].sudo().browse(parent_ids):
                if parent._itss_locked_fnames() == ALL_FIELDS:
                    raise AccessError(parent._itss_locked_message(self._description))

    def write(self, vals):
        if not self.env.su and vals:
            self._itss_check_writable(vals)
        return super().write(vals)

    def _itss_check_writable(self, vals):
        written = set(vals) - MAIL_FIELDS
        protected = {
            fname for fname in self._itss_protected_fnames() & written
            if not self._itss_same_value(fname, vals[fname])
        }
        if protected:
            self._itss_refuse_protected(protected)
        for record in self:
            locked = record.sudo()._itss_locked_fnames()
            if not locked:
                continue
            hit = written if locked == ALL_FIELDS else written & locked
            hit = {fname for fname in hit if not record._itss_same_value(fname, vals[fname])}
            if hit:
                raise AccessError(record._itss_locked_message(record._itss_field_label(min(hit))))

    @api.ondelete(at_uninstall=False)
    def _itss_unlink_except_locked(self):
        if not self.env.su:
            for record in self:
                if record.sudo()._itss_locked_fnames() == ALL_FIELDS:
                    raise AccessError(record._itss_locked_message(self._description))

    def _itss_action(self, groups=(), access="write", message=None):
        """Check that the caller may run an action on ``self``; return ``self`` as superuser.

        ``groups``: xml ids of which the caller needs one (none: any user with ``access``).
        ``access``: the operation the caller needs on every record (``read`` for approvers
        who only read the record, such as executives). The returned records keep the caller as
        the author of messages and tracking (``sudo()`` keeps the user).
        """
        if not self.env.su:
            if groups and not any(self.env.user.has_group(group) for group in groups):
                raise AccessError(message or self.env._("You are not allowed to do this."))
            self.check_access(access)
        return self.sudo()
