"""Every change to the enforcement register: one function each, in a transaction, writing
the ledger and the public ``ChangeRecord``.

Decisions: recorded as drafts (the privacy scan runs on the free text as entered, and the
publicity clock of 国办发〔2018〕118号 starts from the decision day), published by the
openness office after it has seen the findings (masked copies are what the public gets),
withdrawn when revoked or changed (the content leaves the site, the withdrawal stays).
Draws: the seed and both lists' snapshots are stored with the result.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Set
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.clockmath import CHINA
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.locking import lock_current, save_if_unchanged
from gongkai.core.models import Clock, Organisation, Role
from gongkai.core.services import clock_start, clock_stop, ledger_append
from gongkai.core.types import Actor
from gongkai.core.validators import is_valid_credit_code
from gongkai.enforcement import redact
from gongkai.enforcement.draw import run_draw, snapshot_sha256
from gongkai.enforcement.indexing import decision_index
from gongkai.enforcement.law import (
    CODE_PATTERN,
    DRAW_ALGORITHM,
    PUBLICITY_LIMITS,
    BodyKind,
    DecisionKind,
    InspectionOutcome,
    PartyKind,
    TargetCategory,
    Withdrawal,
)
from gongkai.enforcement.models import (
    ChangeRecord,
    Decision,
    DiscretionStandard,
    Draw,
    EnforcementBody,
    InspectionResult,
    InspectionTarget,
    Matter,
    Officer,
)
from gongkai.enforcement.transitions import PUBLISHING_ROLES, RECORDING_ROLES, Move, check

Subject = ChangeRecord.Subject
Action = ChangeRecord.Action


def require_role(actor: Actor, organisation: Organisation, roles: Iterable[Role]) -> User:
    """The actor, if they hold one of ``roles`` in ``organisation``'s body (the system,
    ``None``, never does)."""
    refused = PermissionDeniedError("not_allowed", _("You do not have the right to do this."))
    if actor is None or not has_role(actor, *roles):
        raise refused
    profile = getattr(actor, "staff_profile", None)
    if not actor.is_superuser and (
        profile is None or profile.organisation.body != organisation.body
    ):
        raise refused
    return actor


def _today() -> dt.date:
    return timezone.localdate()


def _record(
    organisation: Organisation, subject: str, obj: models.Model, title: str, action: str, *,
    actor: Actor, reason: str = "", fields: Iterable[dict[str, str]] = (),
    on: dt.date | None = None,
) -> None:  # fmt: skip
    """The public history entry and the ledger entry of one change (same transaction)."""
    ChangeRecord.objects.create(
        organisation=organisation,
        subject=subject,
        subject_id=obj.pk,
        title=title[:300],
        action=action,
        reason=reason[:500],
        fields_changed=list(fields),
        changed_on=on or _today(),
    )
    ledger_append(
        actor=actor,
        action=f"enforcement.{subject}_{action}",
        obj=obj,
        organisation=organisation,
        summary={"title": title[:300], "reason": reason[:500]},
    )


def _shown(value: object) -> str:
    """A field's value as the public history shows it (procedure steps joined by arrows)."""
    return " → ".join(value) if isinstance(value, list) else str(value)


def _differences(obj: models.Model, values: Mapping[str, object]) -> list[dict[str, str]]:
    return [
        {"field": name, "old": _shown(getattr(obj, name)), "new": _shown(value)}
        for name, value in values.items()
        if getattr(obj, name) != value
    ]


# --- 事前公开: bodies, officers, matters, discretion standards -------------------------------


def body_create(*, actor: Actor, organisation: Organisation, **values: Any) -> EnforcementBody:
    require_role(actor, organisation, PUBLISHING_ROLES)
    if not values.get("name", "").strip():
        raise ServiceError("missing_name", _("Give the name."))
    with transaction.atomic():
        body = EnforcementBody.objects.create(
            organisation=organisation, updated_on=_today(), **values
        )
        _record(organisation, Subject.BODY, body, body.name, Action.ADDED, actor=actor)
    return body


def officer_create(
    *, actor: Actor, body: EnforcementBody, name: str, certificate: str, area: str = "",
    is_inspector: bool = False,
) -> Officer:  # fmt: skip
    """An officer with the certificate number (both public by law; nothing else is kept)."""
    require_role(actor, body.organisation, PUBLISHING_ROLES)
    if not name.strip() or not certificate.strip():
        raise ServiceError("missing_name", _("Give the officer's name and certificate number."))
    try:
        with transaction.atomic():
            officer = Officer.objects.create(
                body=body, name=name.strip(), certificate=certificate.strip(), area=area,
                is_inspector=is_inspector, updated_on=_today(),
            )  # fmt: skip
            _record(body.organisation, Subject.OFFICER, officer, str(officer), Action.ADDED,
                    actor=actor)  # fmt: skip
    except IntegrityError:
        raise ServiceError(
            "duplicate_certificate", _("This certificate number is already in the list.")
        ) from None
    return officer


_M = TypeVar("_M", bound=models.Model)


def _update(
    obj: _M, subject: str, *, actor: Actor, organisation: Organisation, reason: str,
    values: Mapping[str, object], title: Callable[[_M], str],
) -> _M:  # fmt: skip
    """Lock ``obj``, set the changed ``values``, save, and record old → new with the reason."""
    if not reason.strip():
        raise ServiceError("missing_reason", _("Say why."))
    current = lock_current(obj, guard=("updated_on",) if hasattr(obj, "updated_on") else ())
    changes = _differences(current, values)
    if not changes:
        raise ServiceError("nothing_changed", _("Nothing was changed."))
    for name, value in values.items():
        setattr(current, name, value)
    if hasattr(current, "updated_on"):
        current.updated_on = _today()
    current.save()
    _record(organisation, subject, current, title(current), Action.CHANGED, actor=actor,
            reason=reason, fields=changes)  # fmt: skip
    return current


BODY_FIELDS = ("name", "kind", "basis", "duties", "remedy", "address", "phone", "position")


def body_update(
    *, actor: Actor, body: EnforcementBody, reason: str, **values: Any
) -> EnforcementBody:
    """Change a body's public fields (``BODY_FIELDS``); the history lists each, old → new."""
    require_role(actor, body.organisation, PUBLISHING_ROLES)
    if set(values) - set(BODY_FIELDS):
        raise ServiceError("invalid_field", _("This field cannot be changed here."))
    if "name" in values and not values["name"].strip():
        raise ServiceError("missing_name", _("Give the name."))
    if "kind" in values and values["kind"] not in BodyKind.values:
        raise ServiceError("invalid_kind", _("Choose the kind of body."))
    with transaction.atomic():
        return _update(body, Subject.BODY, actor=actor, organisation=body.organisation,
                       reason=reason, values=values, title=str)  # fmt: skip


def officer_update(
    *, actor: Actor, officer: Officer, reason: str, name: str, certificate: str, area: str = "",
    is_inspector: bool = False,
) -> Officer:  # fmt: skip
    """Correct an officer's name, certificate number, field, or place in the inspector list."""
    require_role(actor, officer.body.organisation, PUBLISHING_ROLES)
    if not name.strip() or not certificate.strip():
        raise ServiceError("missing_name", _("Give the officer's name and certificate number."))
    values = {"name": name.strip(), "certificate": certificate.strip(), "area": area,
              "is_inspector": is_inspector}  # fmt: skip
    try:
        with transaction.atomic():
            return _update(officer, Subject.OFFICER, actor=actor,
                           organisation=officer.body.organisation, reason=reason,
                           values=values, title=str)  # fmt: skip
    except IntegrityError:
        raise ServiceError(
            "duplicate_certificate", _("This certificate number is already in the list.")
        ) from None


def officer_set_active(*, actor: Actor, officer: Officer, active: bool, reason: str) -> Officer:
    """An officer leaves the list (transferred, certificate withdrawn) or returns to it."""
    require_role(actor, officer.body.organisation, PUBLISHING_ROLES)
    if not reason.strip():
        raise ServiceError("missing_reason", _("Say why."))
    with transaction.atomic():
        current = lock_current(officer, guard=("is_active",))
        if current.is_active == active:
            raise ServiceError("nothing_changed", _("Nothing was changed."))
        current.is_active = active
        current.updated_on = _today()
        current.save(update_fields=["is_active", "updated_on"])
        _record(current.body.organisation, Subject.OFFICER, current, str(current),
                Action.ADDED if active else Action.REMOVED, actor=actor, reason=reason)  # fmt: skip
    return current


def matter_create(
    *, actor: Actor, body: EnforcementBody, name: str, kind: str, basis: str, steps: list[str],
    time_limit: str = "", position: int = 0,
) -> Matter:  # fmt: skip
    require_role(actor, body.organisation, PUBLISHING_ROLES)
    steps = [s.strip() for s in steps if s.strip()]
    if not name.strip() or kind not in DecisionKind.values or not steps:
        raise ServiceError("invalid_matter", _("Give the matter's name, kind and steps."))
    with transaction.atomic():
        matter = Matter.objects.create(
            body=body, name=name, kind=kind, basis=basis, steps=steps, time_limit=time_limit,
            position=position, updated_on=_today(),
        )  # fmt: skip
        _record(body.organisation, Subject.MATTER, matter, name, Action.ADDED, actor=actor)
    return matter


def matter_update(*, actor: Actor, matter: Matter, reason: str, **values: Any) -> Matter:
    """Change a matter's public fields; the history lists each field, old and new."""
    require_role(actor, matter.body.organisation, PUBLISHING_ROLES)
    if not reason.strip():
        raise ServiceError("missing_reason", _("Say why."))
    with transaction.atomic():
        current = lock_current(matter, guard=("updated_on",))
        changes = _differences(current, values)
        if not changes:
            raise ServiceError("nothing_changed", _("Nothing was changed."))
        for name, value in values.items():
            setattr(current, name, value)
        current.updated_on = _today()
        current.save()
        _record(current.body.organisation, Subject.MATTER, current, current.name,
                Action.CHANGED, actor=actor, reason=reason, fields=changes)  # fmt: skip
    return current


def standard_create(
    *, actor: Actor, organisation: Organisation, title: str, summary: str, adopted_on: dt.date,
    file_name: str = "", content: bytes = b"", content_type: str = "",
) -> DiscretionStandard:  # fmt: skip
    """A 裁量基准 with its file (the file is what the public downloads)."""
    require_role(actor, organisation, PUBLISHING_ROLES)
    if not title.strip():
        raise ServiceError("missing_name", _("Give the title."))
    with transaction.atomic():
        standard = DiscretionStandard.objects.create(
            organisation=organisation, title=title, summary=summary, adopted_on=adopted_on,
            file_name=file_name[:200], content=content, content_type=content_type[:100],
            sha256=hashlib.sha256(content).hexdigest() if content else "",
        )  # fmt: skip
        _record(organisation, Subject.STANDARD, standard, title, Action.ADDED, actor=actor,
                on=adopted_on)  # fmt: skip
    return standard


# --- 事后公开: decisions ------------------------------------------------------------------


@dataclasses.dataclass
class DecisionFields:
    body: EnforcementBody
    kind: str
    number: str
    title: str
    party_kind: str
    party_name: str
    basis: str
    content: str
    decided_on: dt.date
    facts: str = ""
    party_credit_code: str = ""


def _check(fields: DecisionFields, organisation: Organisation) -> None:
    if fields.kind not in DecisionKind.values:
        raise ServiceError("invalid_kind", _("Choose the kind of decision."))
    if fields.party_kind not in PartyKind.values:
        raise ServiceError("invalid_party", _("Choose the kind of party."))
    if fields.body.organisation_id != organisation.pk:
        raise ServiceError("invalid_body", _("Choose one of this body's enforcement agencies."))
    required = (fields.number, fields.title, fields.party_name, fields.basis, fields.content)
    if not all(value.strip() for value in required):
        raise ServiceError("missing_field", _("Fill in every required field."))
    if fields.decided_on > _today():
        raise ServiceError("future_date", _("The decision date cannot be in the future."))
    code = fields.party_credit_code.strip().upper()
    if fields.party_kind == PartyKind.LEGAL and code and not is_valid_credit_code(code):
        raise ServiceError("invalid_credit_code", _("The unified social credit code is invalid."))
    if fields.party_kind == PartyKind.NATURAL and code:
        raise ServiceError(
            "credit_code_of_person", _("A natural person has no unified social credit code.")
        )


def _scan(fields: DecisionFields, organisation: Organisation) -> list[dict[str, Any]]:
    officers = list(
        Officer.objects.filter(body__organisation=organisation).values_list("name", flat=True)
    )
    return redact.scan(
        {"facts": fields.facts, "content": fields.content},
        party_kind=fields.party_kind,
        party_name=fields.party_name,
        public=redact.public_data(organisation, officers),
    )


def _values(fields: DecisionFields) -> dict[str, Any]:
    values = dataclasses.asdict(fields)
    values["body"] = fields.body
    values["party_credit_code"] = fields.party_credit_code.strip().upper()
    return values


def decision_create(
    *, actor: Actor, organisation: Organisation, fields: DecisionFields
) -> Decision:
    """A draft decision; licences and penalties start their 7-working-day clock from the
    decision day (国办发〔2018〕118号: within 7 working days of 执法决定作出之日)."""
    recorder = require_role(actor, organisation, RECORDING_ROLES)
    _check(fields, organisation)
    duplicate = ServiceError(
        "duplicate_number",
        _("The decision number %(number)s is already recorded.") % {"number": fields.number},
    )
    try:
        with transaction.atomic():
            if Decision.objects.filter(organisation=organisation, number=fields.number).exists():
                raise duplicate
            decision = Decision.objects.create(
                organisation=organisation, created_by=recorder,
                findings=_scan(fields, organisation), **_values(fields),
            )  # fmt: skip
            limit = PUBLICITY_LIMITS[fields.kind]
            if limit.clock_rule:
                decision.publish_clock = clock_start(
                    actor=actor,
                    rule=limit.clock_rule,
                    label=_("Publish decision %(number)s") % {"number": decision.number},
                    organisation=organisation,
                    started_at=dt.datetime.combine(fields.decided_on, dt.time(9), tzinfo=CHINA),
                    subject=decision,
                )
                decision.save(update_fields=["publish_clock"])
            ledger_append(actor=actor, action="enforcement.decision_create", obj=decision,
                          organisation=organisation, summary={"number": decision.number})  # fmt: skip
    except IntegrityError:  # the same number recorded meanwhile
        raise duplicate from None
    return decision


def decision_update(*, actor: Actor, decision: Decision, fields: DecisionFields) -> Decision:
    """Correct a draft; the privacy scan runs again on the new text."""
    require_role(actor, decision.organisation, RECORDING_ROLES)
    _check(fields, decision.organisation)
    with transaction.atomic():
        current = lock_current(decision)
        check(Move.UPDATE, current)
        same_clock = (
            PUBLICITY_LIMITS[fields.kind].clock_rule == PUBLICITY_LIMITS[current.kind].clock_rule
        )
        if current.publish_clock_id and (fields.decided_on != current.decided_on or not same_clock):
            # The clock runs from the recorded day under its kind's rule; a wrong day or a
            # kind under another rule is a new record.
            raise ServiceError(
                "date_changed",
                _("The decision date or kind of a recorded decision cannot change."),
            )
        for name, value in _values(fields).items():
            setattr(current, name, value)
        current.findings = _scan(fields, current.organisation)
        current.save()
        ledger_append(actor=actor, action="enforcement.decision_update", obj=current,
                      organisation=current.organisation, summary={"number": current.number})  # fmt: skip
    return current


def decision_publish(*, actor: Actor, decision: Decision, keep: Set[int] = frozenset()) -> Decision:
    """Publish: the party masked, every finding not in ``keep`` (indexes into
    ``findings``, which the reviewer saw) masked; the publicity clock stops."""
    require_role(actor, decision.organisation, PUBLISHING_ROLES)
    with transaction.atomic():
        current = lock_current(decision)
        move = check(Move.PUBLISH, current)
        masked = [f for i, f in enumerate(current.findings) if i not in keep]
        current.party_public = redact.party_public(current.party_kind, current.party_name)
        current.published_facts = redact.redacted(
            current.facts, [f for f in masked if f["field"] == "facts"]
        )
        current.published_content = redact.redacted(
            current.content, [f for f in masked if f["field"] == "content"]
        )
        current.status = move.target
        current.published_at = timezone.now()
        save_if_unchanged(
            current,
            guard={"status": move.source},
            fields=("status", "published_at", "party_public", "published_facts",
                    "published_content"),
        )  # fmt: skip
        if current.publish_clock and current.publish_clock.state != Clock.State.STOPPED:
            clock_stop(clock=current.publish_clock, actor=actor, note=_("Published."))
        _record(current.organisation, Subject.DECISION, current, _title(current),
                Action.PUBLISHED, actor=actor)  # fmt: skip
        decision_index(current)
    return current


def _title(decision: Decision) -> str:
    return f"{decision.number} {decision.title}"


def decision_withdraw(
    *, actor: Actor, decision: Decision, withdrawal: str, withdrawn_on: dt.date, reason: str,
    replaced_by: Decision | None = None,
) -> Decision:  # fmt: skip
    """撤销、确认违法 or 变更: the decision's content is taken off the site (国办发〔2018〕118号
    加强事后公开), the withdrawal, its date and reason stay public; a change links the new
    decision."""
    require_role(actor, decision.organisation, PUBLISHING_ROLES)
    if withdrawal not in Withdrawal.values:
        raise ServiceError("invalid_withdrawal", _("Choose how the decision was withdrawn."))
    if not reason.strip():
        raise ServiceError("missing_reason", _("Say why."))
    if withdrawal == Withdrawal.CHANGED and (
        replaced_by is None or replaced_by.organisation_id != decision.organisation_id
        or replaced_by.pk == decision.pk
    ):  # fmt: skip
        raise ServiceError("missing_new_decision", _("Choose the new decision."))
    with transaction.atomic():
        current = lock_current(decision)
        move = check(Move.WITHDRAW, current)
        if withdrawn_on < current.decided_on or withdrawn_on > _today():
            raise ServiceError("invalid_date", _("The date of withdrawal is not possible."))
        current.status = move.target
        current.withdrawal = withdrawal
        current.withdrawn_on = withdrawn_on
        current.withdrawal_reason = reason[:500]
        current.replaced_by = replaced_by if withdrawal == Withdrawal.CHANGED else None
        save_if_unchanged(
            current,
            guard={"status": move.source},
            fields=("status", "withdrawal", "withdrawn_on", "withdrawal_reason", "replaced_by"),
        )
        _record(current.organisation, Subject.DECISION, current, _title(current),
                Action.WITHDRAWN, actor=actor, reason=reason, on=withdrawn_on)  # fmt: skip
        decision_index(current)
    return current


# --- 双随机一公开 --------------------------------------------------------------------------


def _target_check(*, code: str, name: str, category: str, credit_code: str) -> None:
    """What a target of the random draw must have, when added and when corrected."""
    if not re.match(CODE_PATTERN, code) or not name.strip():
        raise ServiceError("invalid_code", _("A target needs a code of letters and digits."))
    if category not in TargetCategory.values:
        raise ServiceError("invalid_category", _("Choose the category."))
    if credit_code and not is_valid_credit_code(credit_code):
        raise ServiceError("invalid_credit_code", _("The unified social credit code is invalid."))


def target_create(
    *, actor: Actor, organisation: Organisation, code: str, name: str, category: str,
    credit_code: str = "",
) -> InspectionTarget:  # fmt: skip
    require_role(actor, organisation, PUBLISHING_ROLES)
    _target_check(code=code, name=name, category=category, credit_code=credit_code)
    try:
        with transaction.atomic():
            target = InspectionTarget.objects.create(
                organisation=organisation, code=code, name=name, category=category,
                credit_code=credit_code,
            )  # fmt: skip
            _record(organisation, Subject.TARGET, target, str(target), Action.ADDED, actor=actor)
    except IntegrityError:
        raise ServiceError("duplicate_code", _("This code is already in the list.")) from None
    return target


def target_update(
    *, actor: Actor, target: InspectionTarget, reason: str, code: str, name: str, category: str,
    credit_code: str = "",
) -> InspectionTarget:  # fmt: skip
    """Correct a target's code, name, category or credit code (past draws keep their
    snapshots)."""
    require_role(actor, target.organisation, PUBLISHING_ROLES)
    _target_check(code=code, name=name, category=category, credit_code=credit_code)
    values = {"code": code, "name": name.strip(), "category": category,
              "credit_code": credit_code}  # fmt: skip
    try:
        with transaction.atomic():
            return _update(target, Subject.TARGET, actor=actor, organisation=target.organisation,
                           reason=reason, values=values, title=str)  # fmt: skip
    except IntegrityError:
        raise ServiceError("duplicate_code", _("This code is already in the list.")) from None


def draw_run(
    *, actor: Actor, organisation: Organisation, title: str, category: str, target_count: int,
    inspectors_per_target: int = 2, seed: int | None = None,
) -> Draw:  # fmt: skip
    """Draw targets (of ``category``, or all) and inspectors for each; the seed (a fresh
    64-bit number unless given) and both lists' snapshots are kept with the result."""
    drawer = require_role(actor, organisation, RECORDING_ROLES)
    if category and category not in TargetCategory.values:
        raise ServiceError("invalid_category", _("Choose the category."))
    targets = InspectionTarget.objects.filter(organisation=organisation, is_active=True)
    if category:
        targets = targets.filter(category=category)
    target_list = [{"code": t.code, "name": t.name} for t in targets.order_by("code")]
    inspector_list = [
        {"code": o.certificate, "name": o.name}
        for o in Officer.objects.filter(
            body__organisation=organisation, is_active=True, is_inspector=True
        ).order_by("certificate")
    ]
    if not 1 <= target_count <= len(target_list):
        raise ServiceError(
            "invalid_count",
            _("Draw between 1 and %(n)d targets.") % {"n": len(target_list)},
        )
    if not 2 <= inspectors_per_target <= len(inspector_list):
        raise ServiceError(
            "too_few_inspectors", _("At least two inspectors are needed for each target.")
        )
    if not title.strip():
        raise ServiceError("missing_name", _("Give the title."))
    seed = secrets.randbits(64) if seed is None else seed
    picks = run_draw(
        seed,
        [t["code"] for t in target_list],
        [i["code"] for i in inspector_list],
        target_count,
        inspectors_per_target,
    )
    with transaction.atomic():
        draw = Draw.objects.create(
            organisation=organisation,
            title=title,
            category=category,
            seed=str(seed),
            algorithm=DRAW_ALGORITHM,
            targets=target_list,
            inspectors=inspector_list,
            targets_sha256=snapshot_sha256(target_list),
            inspectors_sha256=snapshot_sha256(inspector_list),
            target_count=target_count,
            inspectors_per_target=inspectors_per_target,
            chosen=[{"target": p.target, "inspectors": p.inspectors} for p in picks],
            drawn_on=_today(),
            drawn_by=drawer,
        )
        _record(organisation, Subject.DRAW, draw, title, Action.PUBLISHED, actor=actor)
    return draw


def result_publish(
    *, actor: Actor, draw: Draw, target_code: str, inspected_on: dt.date, outcome: str, summary: str
) -> InspectionResult:
    """The result of inspecting one drawn target, its summary masked before it is stored."""
    require_role(actor, draw.organisation, RECORDING_ROLES)
    names = {t["code"]: t["name"] for t in draw.targets}
    if target_code not in {c["target"] for c in draw.chosen}:
        raise ServiceError("not_drawn", _("This target was not drawn."))
    if outcome not in InspectionOutcome.values:
        raise ServiceError("invalid_outcome", _("Choose the outcome."))
    if inspected_on < draw.drawn_on or inspected_on > _today():
        raise ServiceError("invalid_date", _("The inspection date is not possible."))
    officers = [i["name"] for i in draw.inspectors]
    public = redact.public_data(draw.organisation, officers)
    findings = redact.scan({"facts": summary}, party_kind=PartyKind.LEGAL, party_name="",
                           public=public)  # fmt: skip
    try:
        with transaction.atomic():
            result = InspectionResult.objects.create(
                draw=draw, target_code=target_code, target_name=names[target_code],
                inspected_on=inspected_on, outcome=outcome,
                summary=redact.redacted(summary, findings), published_on=_today(),
            )  # fmt: skip
            _record(draw.organisation, Subject.RESULT, result,
                    f"{draw.title}：{result.target_name}", Action.PUBLISHED, actor=actor)  # fmt: skip
    except IntegrityError:
        raise ServiceError(
            "duplicate_result", _("This target's result is already published.")
        ) from None
    return result
