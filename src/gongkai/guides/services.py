"""Every change to the service guides: one function each, keyword-only, in a transaction,
writing the ledger.

A change appends a ``GuideVersion`` (the public history: what changed, when it was approved,
when it was published, why) and times its publication: a clock on the official calendar
from the change's approval (``approved_on``, the day the approval procedure was completed)
to the moment it is public. Seed 001 gives one working day (``law.GUIDE_CHANGE_SOURCE``);
a change recorded late keeps its clock stopped after the due time and its page says so.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.clockmath import CHINA
from gongkai.core.errors import ServiceError
from gongkai.core.locking import lock_current, save_if_unchanged
from gongkai.core.models import Organisation
from gongkai.core.services import clock_start, clock_stop, ledger_append
from gongkai.core.types import Actor
from gongkai.guides import imports
from gongkai.guides.indexing import guide_index
from gongkai.guides.law import (
    GUIDE_CHANGE_CLOCK_RULE,
    MATERIAL_FORM_NAMES,
    FileKind,
    MaterialForm,
    OnlineDepth,
)
from gongkai.guides.models import (
    Guide,
    GuideBasis,
    GuideFile,
    GuideMaterial,
    GuideStep,
    GuideVersion,
)
from gongkai.guides.permissions import require_editor
from gongkai.listings.models import Power

SCALARS = (
    "name",
    "conditions",
    "legal_days",
    "promised_days",
    "charges_fee",
    "fee_standard",
    "fee_basis",
    "place",
    "hours",
    "enquiry_phone",
    "complaint_phone",
    "visits",
    "online_depth",
    "online_url",
    "power_id",
)
LISTS = ("bases", "materials", "steps")
COMPARED = (*SCALARS, *LISTS)


@dataclasses.dataclass
class GuideFields:
    code: str
    name: str
    conditions: str
    legal_days: int
    promised_days: int
    place: str
    hours: str
    enquiry_phone: str
    complaint_phone: str
    visits: int
    online_depth: int
    bases: list[tuple[str, str]]
    # (name, copies, form, note)
    materials: list[tuple[str, int, str, str]]
    # (name, description)
    steps: list[tuple[str, str]]
    charges_fee: bool = False
    fee_standard: str = ""
    fee_basis: str = ""
    online_url: str = ""
    power_id: int | None = None

    def values(self) -> dict[str, Any]:
        values = {f: getattr(self, f) for f in SCALARS}
        values.update(lists_text(self.bases, self.materials, self.steps))
        return values


def lists_text(
    bases: Iterable[tuple[str, str]],
    materials: Iterable[tuple[str, int, str, str]],
    steps: Iterable[tuple[str, str]],
) -> dict[str, str]:
    """The lists as the text the history compares and shows (one line each)."""
    forms = MATERIAL_FORM_NAMES
    return {
        "bases": "\n".join(f"《{law}》{article}" for law, article in bases),
        "materials": "\n".join(
            f"{name}｜{copies}份｜{forms.get(form, form)}" + (f"｜{note}" if note else "")
            for name, copies, form, note in materials
        ),
        "steps": "\n".join(f"{name}｜{text}" if text else name for name, text in steps),
    }


def guide_values(guide: Guide) -> dict[str, Any]:
    values = {f: getattr(guide, f) for f in SCALARS}
    values.update(
        lists_text(
            [(b.law, b.article) for b in guide.bases.all()],
            [(m.name, m.copies, m.form, m.note) for m in guide.materials.all()],
            [(s.name, s.description) for s in guide.steps.all()],
        )
    )
    return values


def _check(fields: GuideFields, organisation: Organisation, reason: str) -> None:
    if not fields.code.strip() or not fields.name.strip():
        raise ServiceError("missing_name", _("A service needs a code and a name."))
    if not fields.bases:
        raise ServiceError("missing_basis", _("A service needs at least one legal basis."))
    if not fields.materials or not fields.steps:
        raise ServiceError(
            "missing_materials", _("A guide needs its application materials and its steps.")
        )
    if fields.online_depth not in OnlineDepth.values:
        raise ServiceError("invalid_depth", _("Choose the online service depth."))
    if fields.promised_days > fields.legal_days:
        raise ServiceError(
            "promise_too_long",
            _("The promised time limit cannot be longer than the statutory one."),
        )
    if fields.charges_fee and not (fields.fee_standard.strip() and fields.fee_basis.strip()):
        raise ServiceError(
            "missing_fee_basis", _("A service that charges a fee states the fee and its basis.")
        )
    if fields.online_depth == OnlineDepth.FOUR and fields.visits != 0:
        raise ServiceError(
            "depth_visits", _("A service handled entirely online needs no visit in person.")
        )
    if any(
        form not in MaterialForm.values or copies < 1 for _n, copies, form, _t in fields.materials
    ):
        raise ServiceError(
            "invalid_material", _("Each material needs a form and one copy or more.")
        )
    if (
        fields.power_id
        and not Power.objects.filter(pk=fields.power_id, organisation=organisation).exists()
    ):
        raise ServiceError("unknown_power", _("The linked power is not in this body's list."))
    if not reason.strip():
        raise ServiceError("missing_reason", _("Say why the guide is changed."))


def _check_dates(approved_on: dt.date, effective_on: dt.date | None) -> dt.date:
    if approved_on > timezone.localdate():
        raise ServiceError("approval_in_future", _("The approval date cannot be in the future."))
    effective = effective_on or approved_on
    if effective < approved_on:
        raise ServiceError(
            "effective_before_approval", _("A change cannot take effect before its approval.")
        )
    return effective


def _lists_write(guide: Guide, fields: GuideFields) -> None:
    GuideBasis.objects.filter(guide=guide).delete()
    GuideMaterial.objects.filter(guide=guide).delete()
    GuideStep.objects.filter(guide=guide).delete()
    GuideBasis.objects.bulk_create(
        GuideBasis(guide=guide, position=i, law=law, article=article)
        for i, (law, article) in enumerate(fields.bases, start=1)
    )
    GuideMaterial.objects.bulk_create(
        GuideMaterial(guide=guide, position=i, name=name, copies=copies, form=form, note=note)
        for i, (name, copies, form, note) in enumerate(fields.materials, start=1)
    )
    GuideStep.objects.bulk_create(
        GuideStep(guide=guide, position=i, name=name, description=text)
        for i, (name, text) in enumerate(fields.steps, start=1)
    )


def _publish(guide: Guide, *, actor: Actor, version: GuideVersion) -> None:
    """Start the one-working-day clock at the approval and stop it now that the change is
    public: the stopped clock records whether it was on time."""
    started = dt.datetime.combine(version.approved_on, dt.time(), tzinfo=CHINA)
    clock = clock_start(
        actor=actor,
        rule=GUIDE_CHANGE_CLOCK_RULE,
        label=_("Publish the change of “%(name)s”") % {"name": guide.name[:150]},
        organisation=guide.organisation,
        started_at=started,
        subject=version,
    )
    clock_stop(clock=clock, actor=actor, at=version.published_at, note=_("Published."))
    GuideVersion.objects.filter(pk=version.pk).update(clock=clock)
    version.clock = clock


def _record(
    guide: Guide, *, actor: Actor, action: str, summary: dict[str, Any] | None = None
) -> None:
    ledger_append(
        actor=actor,
        action=f"guides.{action}",
        obj=guide,
        organisation=guide.organisation,
        summary={"guide_code": guide.code, "version": guide.version, **(summary or {})},
    )


def guide_create(
    *,
    actor: Actor,
    organisation: Organisation,
    fields: GuideFields,
    approved_on: dt.date,
    reason: str,
    effective_on: dt.date | None = None,
    published_at: dt.datetime | None = None,
) -> Guide:
    """Publish a new guide. ``published_at``: when a guide already public elsewhere (the
    old website, the provincial platform) is entered here, the moment it was published
    there, so its clock tells the truth; never before the approval day or in the future."""
    require_editor(actor, organisation)
    _check(fields, organisation, reason)
    effective = _check_dates(approved_on, effective_on)
    published = published_at or timezone.now()
    if published > timezone.now() or published.astimezone(CHINA).date() < approved_on:
        raise ServiceError(
            "publication_out_of_order",
            _("The publication cannot precede the approval or lie in the future."),
        )
    duplicate = ServiceError(
        "duplicate_code", _("The code %(code)s is already in use.") % {"code": fields.code}
    )
    try:
        with transaction.atomic():
            if Guide.objects.filter(organisation=organisation, code=fields.code).exists():
                raise duplicate
            values = {f: getattr(fields, f) for f in SCALARS}
            guide = Guide.objects.create(
                organisation=organisation, code=fields.code, changed_on=approved_on, **values
            )
            _lists_write(guide, fields)
            version = GuideVersion.objects.create(
                guide=guide, number=1, change=GuideVersion.Change.ADDED,
                approved_on=approved_on, effective_on=effective, published_at=published,
                reason=reason, recorded_by=actor,
            )  # fmt: skip
            _publish(guide, actor=actor, version=version)
            _record(guide, actor=actor, action="create")
            guide_index(guide)
    except IntegrityError:  # the same code added meanwhile (guide_code_unique)
        raise duplicate from None
    return guide


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"field": f, "old": old[f], "new": new[f]} for f in COMPARED if old[f] != new[f]]


def guide_update(
    *,
    actor: Actor,
    guide: Guide,
    fields: GuideFields,
    approved_on: dt.date,
    reason: str,
    effective_on: dt.date | None = None,
) -> Guide:
    """Publish a change; the new version lists each changed field, old and new."""
    require_editor(actor, guide.organisation)
    _check(fields, guide.organisation, reason)
    effective = _check_dates(approved_on, effective_on)
    if fields.code != guide.code:
        raise ServiceError("code_changed", _("A service's code cannot change."))
    with transaction.atomic():
        current = lock_current(guide, guard=("version",))
        changes = _differences(guide_values(current), fields.values())
        if not changes:
            raise ServiceError("nothing_changed", _("Nothing was changed."))
        old_version = current.version
        for change in changes:
            if change["field"] not in LISTS:
                setattr(current, change["field"], change["new"])
        current.version = old_version + 1
        current.changed_on = approved_on
        save_if_unchanged(
            current,
            guard={"version": old_version},
            fields=(
                *[c["field"] for c in changes if c["field"] not in LISTS],
                "version", "changed_on", "updated_at",
            ),
        )  # fmt: skip
        if any(c["field"] in LISTS for c in changes):
            _lists_write(current, fields)
        version = GuideVersion.objects.create(
            guide=current, number=current.version, change=GuideVersion.Change.CHANGED,
            approved_on=approved_on, effective_on=effective, published_at=timezone.now(),
            reason=reason, fields_changed=changes, recorded_by=actor,
        )  # fmt: skip
        _publish(current, actor=actor, version=version)
        _record(current, actor=actor, action="update", summary={"reason": reason})
        guide_index(current)
    return current


def guide_set_active(
    *, actor: Actor, guide: Guide, active: bool, approved_on: dt.date, reason: str
) -> Guide:
    """Withdraw a service (取消) or restore it; both are public versions with their clock."""
    require_editor(actor, guide.organisation)
    if not reason.strip():
        raise ServiceError("missing_reason", _("Say why the guide is changed."))
    _check_dates(approved_on, None)
    with transaction.atomic():
        current = lock_current(guide, guard=("version",))
        if current.is_active == active:
            raise ServiceError("nothing_changed", _("Nothing was changed."))
        old_version = current.version
        current.is_active = active
        current.version = old_version + 1
        current.changed_on = approved_on
        save_if_unchanged(
            current, guard={"version": old_version},
            fields=("is_active", "version", "changed_on", "updated_at"),
        )  # fmt: skip
        version = GuideVersion.objects.create(
            guide=current, number=current.version,
            change=GuideVersion.Change.RESTORED if active else GuideVersion.Change.REMOVED,
            approved_on=approved_on, effective_on=approved_on, published_at=timezone.now(),
            reason=reason, recorded_by=actor,
        )  # fmt: skip
        _publish(current, actor=actor, version=version)
        _record(current, actor=actor, action="restore" if active else "withdraw")
        guide_index(current)
    return current


def _row_fields(row: imports.Row, power_id: int | None) -> GuideFields:
    return GuideFields(
        code=row.code, name=row.name, bases=row.bases, materials=row.materials,
        steps=row.steps, power_id=power_id, **row.values,
    )  # fmt: skip


def guide_import_preview(*, organisation: Organisation, content: bytes) -> list[imports.Row]:
    """Every row of an uploaded .xlsx with what was understood and its errors, checked
    against this body's register (实施主体, 权责事项, codes) and the rules of ``_check``.
    Writes nothing."""
    rows = imports.read_guides_xlsx(content)
    existing = set(Guide.objects.filter(organisation=organisation).values_list("code", flat=True))
    powers = dict(Power.objects.filter(organisation=organisation).values_list("code", "pk"))
    for row in rows:
        if row.organisation and row.organisation != organisation.name:
            row.errors.append(
                f"实施主体“{row.organisation}”不是本机关（{organisation.name}），无法导入。"
            )
        if row.power_code and row.power_code not in powers:
            row.errors.append(f"对应权责事项编码“{row.power_code}”不在本机关的权责清单中。")
        row.exists = row.code in existing
        if row.errors or row.exists:
            continue
        try:
            _check(_row_fields(row, powers.get(row.power_code)), organisation, "-")
        except ServiceError as error:
            row.errors.append(str(error.message))
    return rows


def guide_import_apply(
    *, actor: Actor, organisation: Organisation, content: bytes, approved_on: dt.date, reason: str
) -> int:
    """Publish every new guide of the file, all or none: refused while any row has an
    error. Each guide goes through ``guide_create`` (its version, clock and ledger entry);
    rows whose code is already in the register are left unchanged. Returns how many were
    added."""
    require_editor(actor, organisation)
    rows = guide_import_preview(organisation=organisation, content=content)
    bad = [row.number for row in rows if row.errors]
    if bad:
        raise ServiceError(
            "import_row_errors",
            _("Nothing was imported: %(count)d rows have errors.") % {"count": len(bad)},
        )
    powers = dict(Power.objects.filter(organisation=organisation).values_list("code", "pk"))
    added = 0
    with transaction.atomic():
        for row in rows:
            if row.exists:
                continue
            guide_create(
                actor=actor, organisation=organisation,
                fields=_row_fields(row, powers.get(row.power_code)),
                approved_on=approved_on, reason=reason,
            )  # fmt: skip
            added += 1
        ledger_append(
            actor=actor, action="guides.import", obj=None, organisation=organisation,
            summary={"added": added, "rows": len(rows)},
        )  # fmt: skip
    return added


# 10 MiB: a scanned sample form is rarely more; bigger files belong on the service platform.
MAX_FILE_BYTES = 10 * 1024 * 1024
FILE_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def guide_file_add(
    *,
    actor: Actor,
    guide: Guide,
    kind: str,
    title: str,
    file_name: str,
    content: bytes,
    material: GuideMaterial | None = None,
) -> GuideFile:
    """Attach a 样表 or 空表 (表格下载); PDF, Word or Excel only, at most 10 MiB."""
    require_editor(actor, guide.organisation)
    suffix = "." + file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if suffix not in FILE_TYPES:
        raise ServiceError("file_type", _("Attach a PDF, Word or Excel file."))
    if not content or len(content) > MAX_FILE_BYTES:
        raise ServiceError("file_size", _("The file is empty or larger than 10 MiB."))
    if kind not in FileKind.values or not title.strip():
        raise ServiceError("file_title", _("Give the form a title and say what it is."))
    if material is not None and material.guide_id != guide.pk:
        raise ServiceError("foreign_material", _("The material belongs to another guide."))
    with transaction.atomic():
        created = GuideFile.objects.create(
            guide=guide, material=material, kind=kind, title=title[:200],
            file_name=file_name[:200], content_type=FILE_TYPES[suffix], content=content,
            size=len(content),
        )  # fmt: skip
        _record(guide, actor=actor, action="file_add", summary={"file_name": created.file_name})
    return created


def guide_file_remove(*, actor: Actor, file: GuideFile) -> None:
    require_editor(actor, file.guide.organisation)
    with transaction.atomic():
        _record(
            file.guide, actor=actor, action="file_remove", summary={"file_name": file.file_name}
        )
        file.delete()
