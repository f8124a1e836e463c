"""Every change to the powers list: one function each, in a transaction, writing the ledger.

A change appends a ``PowerVersion`` (the public history: what changed, when, why). An xlsx
import is uploaded first (``power_import_upload``), previewed with its per-row errors
(``power_import_preview``), and applied only when no row has an error
(``power_import_apply``): a 974-row list is written with bulk inserts and one ledger entry
for the import (its counts), each power's own version recording what changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.access import require_role_in_body
from gongkai.core.errors import ServiceError
from gongkai.core.locking import lock_current, save_if_unchanged
from gongkai.core.models import Organisation, Role
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor
from gongkai.listings.formats import LIMITS, ParsedRow, powers_read_xlsx
from gongkai.listings.indexing import power_index, powers_index, powers_unindex
from gongkai.listings.law import PowerKind
from gongkai.listings.models import Power, PowerBasis, PowerImport, PowerVersion

EDITING_ROLES = (Role.OFFICE, Role.ADMIN)
# One field's change between versions: {"field", "old", "new"} (kept in PowerVersion).
Change = dict[str, Any]
# Fields compared between versions, in the order the history shows them.
COMPARED = (
    "name",
    "kind",
    "bases",
    "exercised_by",
    "responsibilities",
    "accountability",
    "supervision",
    "remedy",
)


@dataclasses.dataclass
class PowerFields:
    code: str
    name: str
    kind: str
    bases: list[tuple[str, str]]
    exercised_by: str = ""
    responsibilities: str = ""
    accountability: str = ""
    supervision: str = ""
    remedy: str = ""

    @classmethod
    def from_row(cls, row: ParsedRow) -> PowerFields:
        return cls(bases=row.bases, **row.fields)

    def values(self) -> dict[str, Any]:
        values = {f: getattr(self, f) for f in COMPARED if f != "bases"}
        values["bases"] = bases_text(self.bases)
        return values


def bases_text(bases: Iterable[tuple[str, str]]) -> str:
    return "\n".join(f"《{law}》{article}" for law, article in bases)


def _power_values(power: Power, bases: Iterable[PowerBasis]) -> dict[str, Any]:
    values = {f: getattr(power, f) for f in COMPARED if f != "bases"}
    values["bases"] = bases_text((b.law, b.article) for b in bases)
    return values


def require_editor(actor: Actor, organisation: Organisation) -> User:
    """The acting person, refused unless they edit ``organisation``'s body (or are admin)."""
    return require_role_in_body(actor, organisation, EDITING_ROLES)


def _check(fields: PowerFields, reason: str) -> None:
    if not fields.code.strip() or not fields.name.strip():
        raise ServiceError("missing_name", _("A power needs a code and a name."))
    if fields.kind not in PowerKind.values:
        raise ServiceError("invalid_kind", _("Choose the kind of power."))
    if not fields.bases:
        raise ServiceError("missing_basis", _("A power needs at least one legal basis."))
    for field, limit in LIMITS.items():
        if len(getattr(fields, field)) > limit:
            raise ServiceError(
                "too_long", _("A field is longer than %(limit)d characters.") % {"limit": limit}
            )
    if not reason.strip():
        raise ServiceError("missing_reason", _("Say why the list is adjusted."))


def _record(
    power: Power, *, actor: Actor, action: str, summary: dict[str, Any] | None = None
) -> None:
    ledger_append(
        actor=actor,
        action=f"listings.{action}",
        obj=power,
        organisation=power.organisation,
        summary={"power_code": power.code, "version": power.version, **(summary or {})},
    )


def _bases_write(power: Power, bases: Iterable[tuple[str, str]]) -> None:
    PowerBasis.objects.filter(power=power).delete()
    PowerBasis.objects.bulk_create(
        PowerBasis(power=power, position=i, law=law, article=article)
        for i, (law, article) in enumerate(bases, start=1)
    )


def power_create(
    *,
    actor: Actor,
    organisation: Organisation,
    fields: PowerFields,
    changed_on: dt.date,
    reason: str,
) -> Power:
    actor = require_editor(actor, organisation)
    _check(fields, reason)
    duplicate = ServiceError(
        "duplicate_code", _("The code %(code)s is already in the list.") % {"code": fields.code}
    )
    try:
        return _create(actor, organisation, fields, changed_on, reason, duplicate)
    except IntegrityError:  # the same code added meanwhile (power_code_unique)
        raise duplicate from None


def _create(
    actor: Actor,
    organisation: Organisation,
    fields: PowerFields,
    changed_on: dt.date,
    reason: str,
    duplicate: ServiceError,
) -> Power:
    with transaction.atomic():
        if Power.objects.filter(organisation=organisation, code=fields.code).exists():
            raise duplicate
        values = fields.values()
        values.pop("bases")
        power = Power.objects.create(
            organisation=organisation, code=fields.code, changed_on=changed_on, **values
        )
        _bases_write(power, fields.bases)
        _version(power, PowerVersion.Change.ADDED, actor=actor, changed_on=changed_on,
                 reason=reason).save()  # fmt: skip
        _record(power, actor=actor, action="create")
        power_index(power)
    return power


def _version(
    power: Power, change: str, *, actor: Actor, changed_on: dt.date, reason: str,
    changes: list[Change] | None = None,
) -> PowerVersion:  # fmt: skip
    """The public history's entry for the version ``power`` is now at (not saved yet, so
    an import can write its new powers' first versions in one query)."""
    return PowerVersion(
        power=power, number=power.version, change=change, changed_on=changed_on,
        reason=reason, fields_changed=changes or [], recorded_by=actor,
    )  # fmt: skip


def _set_active(
    power: Power, active: bool, *, actor: Actor, changed_on: dt.date, reason: str
) -> None:
    """Take ``power`` out of force (取消) or put it back, as its next public version."""
    old_version = power.version
    power.is_active = active
    power.version = old_version + 1
    power.changed_on = changed_on
    save_if_unchanged(
        power, guard={"version": old_version}, fields=("is_active", "version", "changed_on")
    )
    change = PowerVersion.Change.RESTORED if active else PowerVersion.Change.REMOVED
    _version(power, change, actor=actor, changed_on=changed_on, reason=reason).save()


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    return [
        {"field": field, "old": old[field], "new": new[field]}
        for field in COMPARED
        if old[field] != new[field]
    ]


def power_update(
    *, actor: Actor, power: Power, fields: PowerFields, changed_on: dt.date, reason: str
) -> Power:
    """Adjust a power; the new version lists each field that changed, old and new."""
    actor = require_editor(actor, power.organisation)
    _check(fields, reason)
    if fields.code != power.code:
        raise ServiceError("code_changed", _("A power's code cannot change; add a new power."))
    with transaction.atomic():
        current = lock_current(power, guard=("version",))
        changes = _differences(_power_values(current, current.bases.all()), fields.values())
        if not changes:
            raise ServiceError("nothing_changed", _("Nothing was changed."))
        _apply(current, fields, changes, actor=actor, changed_on=changed_on, reason=reason)
        _record(current, actor=actor, action="update", summary={"reason": reason})
        power_index(current)
    return current


def _apply(
    power: Power,
    fields: PowerFields,
    changes: list[Change],
    *,
    actor: Actor,
    changed_on: dt.date,
    reason: str,
    change: str = PowerVersion.Change.CHANGED,
) -> None:
    """Write ``changes`` as the next version; ``change`` RESTORED also puts a removed power
    back in force (an import that lists it again)."""
    old_version = power.version
    for difference in changes:
        if difference["field"] != "bases":
            setattr(power, difference["field"], difference["new"])
    power.version = old_version + 1
    power.changed_on = changed_on
    if change == PowerVersion.Change.RESTORED:
        power.is_active = True
    save_if_unchanged(
        power,
        guard={"version": old_version},
        fields=(
            *[c["field"] for c in changes if c["field"] != "bases"],
            "version",
            "changed_on",
            "is_active",
        ),
    )
    if any(c["field"] == "bases" for c in changes):
        _bases_write(power, fields.bases)
    _version(
        power, change, actor=actor, changed_on=changed_on, reason=reason, changes=changes
    ).save()


def power_set_active(
    *, actor: Actor, power: Power, active: bool, changed_on: dt.date, reason: str
) -> Power:
    """Remove a power from the list (取消) or restore it; both are public versions."""
    actor = require_editor(actor, power.organisation)
    if not reason.strip():
        raise ServiceError("missing_reason", _("Say why the list is adjusted."))
    with transaction.atomic():
        current = lock_current(power, guard=("version",))
        if current.is_active == active:
            raise ServiceError("nothing_changed", _("Nothing was changed."))
        _set_active(current, active, actor=actor, changed_on=changed_on, reason=reason)
        _record(current, actor=actor, action="restore" if active else "remove")
        power_index(current)
    return current


# --- import ------------------------------------------------------------------------------


@dataclasses.dataclass
class PreviewRow:
    row: ParsedRow
    outcome: str  # "added", "changed", "unchanged" or "error"
    changes: list[Change]


@dataclasses.dataclass
class Preview:
    rows: list[PreviewRow]
    # Powers in force that the file does not list (removed only when asked to).
    missing: list[Power] = dataclasses.field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def errors(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.outcome == "error"]


def power_import_upload(
    *, actor: Actor, organisation: Organisation, file_name: str, content: bytes
) -> PowerImport:
    """Keep an uploaded list (after checking it reads at all) for its preview."""
    actor = require_editor(actor, organisation)
    powers_read_xlsx(content)  # unreadable files and missing columns are refused here
    with transaction.atomic():
        upload = PowerImport.objects.create(
            organisation=organisation,
            file_name=file_name[:200],
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
            uploaded_by=actor,
        )
        ledger_append(
            actor=actor,
            action="listings.import_upload",
            obj=upload,
            organisation=organisation,
            summary={"file_name": upload.file_name},
        )
    return upload


def power_import_preview(upload: PowerImport) -> Preview:
    """What applying ``upload`` would do, row by row; nothing is written."""
    parsed = powers_read_xlsx(bytes(upload.content))
    existing = {
        p.code: p
        for p in Power.objects.filter(organisation=upload.organisation).prefetch_related("bases")
    }
    rows: list[PreviewRow] = []
    for row in parsed:
        if row.errors:
            rows.append(PreviewRow(row, "error", []))
            continue
        power = existing.get(row.fields["code"])
        if power is None:
            rows.append(PreviewRow(row, "added", []))
            continue
        new = PowerFields.from_row(row).values()
        changes = _differences(_power_values(power, power.bases.all()), new)
        outcome = "restored" if not power.is_active else "changed" if changes else "unchanged"
        rows.append(PreviewRow(row, outcome, changes))
    listed = {row.fields["code"] for row in parsed}
    missing = [p for code, p in sorted(existing.items()) if p.is_active and code not in listed]
    return Preview(rows, missing)


@dataclasses.dataclass
class ImportReport:
    added: int
    changed: int
    unchanged: int
    restored: int = 0
    removed: int = 0


def power_import_apply(
    *,
    actor: Actor,
    upload: PowerImport,
    changed_on: dt.date,
    reason: str,
    remove_missing: bool = False,
) -> ImportReport:
    """Write an uploaded list: new powers added, changed ones versioned, removed ones listed
    again restored; with ``remove_missing`` the powers the file no longer lists are removed
    (the file is the whole new list). Refused while any row has an error; applied once."""
    actor = require_editor(actor, upload.organisation)
    if not reason.strip():
        raise ServiceError("missing_reason", _("Say why the list is adjusted."))
    try:
        return _import_apply(
            actor=actor,
            upload=upload,
            changed_on=changed_on,
            reason=reason,
            remove_missing=remove_missing,
        )
    except IntegrityError:
        # Another import or edit added one of the file's codes since the preview.
        raise ServiceError(
            "changed_meanwhile",
            _("The list was changed meanwhile; nothing was applied. Preview the file again."),
        ) from None


def _import_apply(
    *,
    actor: Actor,
    upload: PowerImport,
    changed_on: dt.date,
    reason: str,
    remove_missing: bool,
) -> ImportReport:
    with transaction.atomic():
        claimed = PowerImport.objects.filter(pk=upload.pk, applied_at__isnull=True).update(
            applied_at=timezone.now()
        )
        if not claimed:
            raise ServiceError("already_applied", _("This file has already been applied."))
        preview = power_import_preview(upload)
        if preview.errors:
            raise ServiceError(
                "rows_with_errors",
                _("%(count)d rows have errors; correct the file and upload it again.")
                % {"count": len(preview.errors)},
            )
        added = [r.row for r in preview.rows if r.outcome == "added"]
        written = _bulk_add(
            upload.organisation, added, actor=actor, changed_on=changed_on, reason=reason
        )
        changed = [r for r in preview.rows if r.outcome in ("changed", "restored")]
        powers = {
            p.code: p
            for p in Power.objects.select_related("organisation").filter(
                organisation=upload.organisation, code__in=[r.row.fields["code"] for r in changed]
            )
        }
        for entry in changed:
            fields = PowerFields.from_row(entry.row)
            power = powers[fields.code]
            _apply(power, fields, entry.changes, actor=actor, changed_on=changed_on,
                   reason=reason, change=entry.outcome)  # fmt: skip
            written.append(power)
        removed = preview.missing if remove_missing else []
        for power in removed:
            _set_active(power, False, actor=actor, changed_on=changed_on, reason=reason)
        powers_unindex(removed)
        bases: dict[int, list[PowerBasis]] = {}
        for basis in PowerBasis.objects.filter(power__in=written):
            bases.setdefault(basis.power_id, []).append(basis)
        powers_index(written, bases)
        report = ImportReport(
            added=len(added),
            changed=preview.count("changed"),
            unchanged=preview.count("unchanged"),
            restored=preview.count("restored"),
            removed=len(removed),
        )
        ledger_append(
            actor=actor,
            action="listings.import_apply",
            obj=upload,
            organisation=upload.organisation,
            summary={
                "file_name": upload.file_name,
                "added": report.added,
                "changed": report.changed,
                "unchanged": report.unchanged,
                "restored": report.restored,
                "removed": report.removed,
                "reason": reason,
            },
        )
    return report


def _bulk_add(
    organisation: Organisation,
    rows: list[ParsedRow],
    *,
    actor: Actor,
    changed_on: dt.date,
    reason: str,
) -> list[Power]:
    powers = Power.objects.bulk_create(
        Power(organisation=organisation, changed_on=changed_on, **row.fields) for row in rows
    )
    if powers and powers[0].pk is None:  # a backend that does not return keys
        by_code = {p.code: p for p in Power.objects.filter(organisation=organisation)}
        powers = [by_code[row.fields["code"]] for row in rows]
    PowerBasis.objects.bulk_create(
        PowerBasis(power=power, position=i, law=law, article=article)
        for power, row in zip(powers, rows, strict=True)
        for i, (law, article) in enumerate(row.bases, start=1)
    )
    PowerVersion.objects.bulk_create(
        _version(power, PowerVersion.Change.ADDED, actor=actor, changed_on=changed_on,
                 reason=reason)
        for power in powers
    )  # fmt: skip
    for power in powers:
        power.organisation = organisation
    return list(powers)
