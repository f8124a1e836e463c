"""Every change to the open data catalog: one function each, in a transaction, writing the
ledger (download counts excepted: tallies, not decisions; see models.py).

- the office describes datasets (``dataset_create``, ``dataset_update``, ``resource_upload``);
  the platform's public lists join the catalog as built-in datasets (``builtin_datasets_sync``);
- API keys are issued and revoked by the office (``api_key_issue``, ``api_key_revoke``) or
  issued on an approved request (``request_approve``);
- a citizen asks for a conditionally open dataset (``request_submit``), the office approves
  or refuses with a reason, the applicant collects the key once (``request_collect``); the
  applicant's name and contacts are removed once the request no longer needs them
  (``requests_anonymise``, 《个人信息保护法》 arts. 19 and 47);
- ``download_authorize`` is the one gate of every download and API read: the open condition,
  the key's grants and the quotas, then the count.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import secrets
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.datasets import registered_datasets
from gongkai.core.errors import NotFoundError, PermissionDeniedError, ServiceError
from gongkai.core.locking import lock_current
from gongkai.core.models import Organisation, Role
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor
from gongkai.opendata import quota, transitions
from gongkai.opendata.models import (
    ApiKey,
    DataRequest,
    Dataset,
    DatasetField,
    DownloadCount,
    Resource,
    key_hash,
)
from gongkai.opendata.vocabulary import (
    BUILTIN_FORMATS,
    FIELD_TYPE_WORDS,
    Condition,
    FieldType,
    Format,
    Frequency,
    Licence,
    Theme,
)
from gongkai.privacy import detect
from gongkai.privacy.mask import mask

EDITING_ROLES = (Role.OFFICE, Role.ADMIN)
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FIELDS = 100
# A decided request keeps the applicant's name and contacts this long (for questions about
# the decision and a possible review: 行政复议法 art. 20, sixty days, with a margin).
KEEP_PERSONAL_DAYS = 180
PHONE = re.compile(r"^[0-9+\-() ]{7,20}$")


def _denied() -> PermissionDeniedError:
    return PermissionDeniedError("not_allowed", _("You do not have the right to do this."))


def can_edit(actor: Actor) -> bool:
    return actor is not None and actor.is_authenticated and has_role(actor, *EDITING_ROLES)


def require_editor(actor: Actor, organisation: Organisation | None = None) -> None:
    """The openness office of the publisher's body (or an administrator)."""
    if actor is None or not can_edit(actor):
        raise _denied()
    if organisation is not None and not actor.is_superuser:
        profile = getattr(actor, "staff_profile", None)
        if profile is None or profile.organisation.body != organisation.body:
            raise _denied()


def platform_body() -> Organisation | None:
    """The body that publishes the built-in datasets: the first top-level body."""
    return (
        Organisation.objects.filter(kind=Organisation.Kind.BODY, parent__isnull=True)
        .order_by("pk")
        .first()
    )


def _record(
    dataset: Dataset, *, actor: Actor, action: str, summary: dict[str, Any] | None = None
) -> None:
    ledger_append(
        actor=actor,
        action=f"opendata.{action}",
        obj=dataset,
        organisation=dataset.publisher,
        summary={"dataset": dataset.slug, **(summary or {})},
    )


# --- datasets ----------------------------------------------------------------------------


def builtin_datasets_sync(*, actor: Actor = None) -> int:
    """Add a catalog record for each registered public list that has none (idempotent);
    the number added. Records stay when a source goes away (their page says so)."""
    publisher = platform_body()
    if publisher is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        return _builtin_add(actor, publisher)


def _builtin_add(actor: Actor, publisher: Organisation) -> int:
    added = 0
    for builtin in registered_datasets():
        with transaction.atomic():
            if Dataset.objects.filter(source=builtin.key).exists():
                continue
            dataset = Dataset.objects.create(
                slug=builtin.key,
                source=builtin.key,
                title=str(builtin.title),
                description=str(builtin.description),
                publisher=publisher,
                theme=builtin.theme,
                frequency=builtin.frequency,
                condition=Condition.OPEN,
                licence=Licence.CC_BY_4,
                modified_at=timezone.now(),
            )
            _record(dataset, actor=actor, action="builtin_sync")
            added += 1
    return added


@dataclasses.dataclass
class DatasetValues:
    title: str
    description: str
    publisher: Organisation
    theme: str
    frequency: str
    condition: str
    licence: str
    keywords: str = ""
    is_published: bool = True
    # (name, type, meaning) of each field; ignored for a built-in dataset (its fields are
    # those of its source).
    fields: list[tuple[str, str, str]] = dataclasses.field(default_factory=list)

    def columns(self) -> dict[str, Any]:
        names = ("title", "description", "publisher", "theme", "frequency", "condition",
                 "licence", "keywords", "is_published")  # fmt: skip
        return {name: getattr(self, name) for name in names}


def parse_fields(text: str) -> list[tuple[str, str, str]]:
    """Fields typed one a line as ``name | type | meaning`` (type by code or label)."""
    by_label = {**FIELD_TYPE_WORDS, **{str(label): code for code, label in FieldType.choices}}
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.replace("｜", "|").split("|")]
        if len(parts) < 2 or not parts[0]:
            raise ServiceError(
                "invalid_field",
                _("Line %(line)d: write a field as name | type | meaning.") % {"line": number},
            )
        kind = by_label.get(parts[1], parts[1])
        if kind not in FieldType.values:
            raise ServiceError(
                "invalid_field_type",
                _("Line %(line)d: unknown field type %(type)s.")
                % {"line": number, "type": parts[1]},
            )
        found.append((parts[0][:60], kind, "|".join(parts[2:])[:300]))
    return found


def _check(values: DatasetValues) -> None:
    if not values.title.strip():
        raise ServiceError("missing_title", _("A dataset needs a title."))
    for value, choices, code in (
        (values.theme, Theme, "invalid_theme"),
        (values.frequency, Frequency, "invalid_frequency"),
        (values.condition, Condition, "invalid_condition"),
        (values.licence, Licence, "invalid_licence"),
    ):
        if value not in choices.values:
            raise ServiceError(code, _("Choose a value from the list."))
    if len(values.fields) > MAX_FIELDS:
        raise ServiceError("too_many_fields", _("A dataset has at most 100 fields."))
    if len({name for name, _t, _m in values.fields}) != len(values.fields):
        raise ServiceError("duplicate_field", _("Two fields have the same name."))


def _fields_write(dataset: Dataset, fields: list[tuple[str, str, str]]) -> None:
    DatasetField.objects.filter(dataset=dataset).delete()
    DatasetField.objects.bulk_create(
        DatasetField(dataset=dataset, position=i, name=name, type=kind, meaning=meaning)
        for i, (name, kind, meaning) in enumerate(fields, start=1)
    )


def _unique_slug(title: str) -> str:
    base = slugify(title)[:40] or "dataset"
    slug, n = base, 1
    while Dataset.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def dataset_create(*, actor: Actor, values: DatasetValues, slug: str = "") -> Dataset:
    require_editor(actor, values.publisher)
    _check(values)
    slug = slugify(slug)[:60] if slug else ""
    with transaction.atomic():
        if slug and Dataset.objects.filter(slug=slug).exists():
            raise ServiceError("duplicate_slug", _("Another dataset has this identifier."))
        dataset = Dataset.objects.create(
            slug=slug or _unique_slug(values.title), modified_at=timezone.now(), **values.columns()
        )
        _fields_write(dataset, values.fields)
        _record(dataset, actor=actor, action="create", summary={"condition": dataset.condition})
    return dataset


def dataset_update(*, actor: Actor, dataset: Dataset, values: DatasetValues) -> Dataset:
    require_editor(actor, dataset.publisher)
    require_editor(actor, values.publisher)
    _check(values)
    with transaction.atomic():
        current = lock_current(dataset, guard=("version",))
        for name, value in values.columns().items():
            setattr(current, name, value)
        current.version += 1
        current.modified_at = timezone.now()
        current.save()
        if not current.is_builtin:
            _fields_write(current, values.fields)
        _record(current, actor=actor, action="update", summary={"condition": current.condition})
    return current


def resource_upload(
    *, actor: Actor, dataset: Dataset, file_format: str, name: str, content: bytes
) -> Resource:
    """The file of one format of a dataset the office added (replaces the previous one)."""
    require_editor(actor, dataset.publisher)
    if dataset.is_builtin:
        raise ServiceError(
            "builtin_files", _("The files of a built-in dataset are generated from its list.")
        )
    if file_format not in Format.values or not name.lower().endswith("." + file_format):
        raise ServiceError("invalid_format", _("Upload a CSV, JSON or XLSX file."))
    if not content or len(content) > MAX_FILE_BYTES:
        raise ServiceError("invalid_size", _("The file is empty or larger than 50 MB."))
    with transaction.atomic():
        Resource.objects.filter(dataset=dataset, format=file_format).delete()
        resource = Resource(
            dataset=dataset, format=file_format, size=len(content), uploaded_at=timezone.now()
        )
        resource.file.save(f"{dataset.slug}.{file_format}", ContentFile(content), save=False)
        resource.save()
        Dataset.objects.filter(pk=dataset.pk).update(modified_at=timezone.now())
        _record(dataset, actor=actor, action="file_upload", summary={"file_format": file_format})
    return resource


def dataset_formats(dataset: Dataset) -> list[str]:
    if dataset.is_builtin:
        return list(BUILTIN_FORMATS)
    return sorted(dataset.resources.values_list("format", flat=True))


# --- API keys ----------------------------------------------------------------------------


def _limits(per_minute: int | None, per_day: int | None) -> tuple[int, int]:
    per_minute = quota.KEY_PER_MINUTE if per_minute is None else per_minute
    per_day = quota.KEY_PER_DAY if per_day is None else per_day
    if not (1 <= per_minute <= 10_000 and 1 <= per_day <= 10_000_000 and per_minute <= per_day):
        raise ServiceError(
            "invalid_limits",
            _("Limits must be positive, and the limit per minute at most the limit per day."),
        )
    return per_minute, per_day


def _new_key(
    *,
    actor: Actor,
    holder: str,
    contact: str,
    per_minute: int | None,
    per_day: int | None,
    datasets: Iterable[Dataset],
) -> tuple[ApiKey, str]:
    per_minute, per_day = _limits(per_minute, per_day)
    plain = "od_" + secrets.token_urlsafe(24)
    key = ApiKey.objects.create(
        holder=holder.strip()[:120],
        contact=contact.strip()[:120],
        prefix=plain[:8],
        key_hash=key_hash(plain),
        per_minute=per_minute,
        per_day=per_day,
        created_by=actor,
    )
    key.datasets.set(datasets)
    return key, plain


def api_key_issue(
    *, actor: Actor, holder: str, contact: str = "", per_minute: int | None = None,
    per_day: int | None = None, datasets: Iterable[Dataset] = (),
) -> tuple[ApiKey, str]:  # fmt: skip
    """A new key and its text, shown once; only its hash is kept."""
    require_editor(actor)
    if not holder.strip():
        raise ServiceError("missing_holder", _("Say who holds the key."))
    for dataset in datasets:
        require_editor(actor, dataset.publisher)
    with transaction.atomic():
        key, plain = _new_key(actor=actor, holder=holder, contact=contact,
                              per_minute=per_minute, per_day=per_day, datasets=datasets)  # fmt: skip
        ledger_append(
            actor=actor, action="opendata.key_issue", obj=key,
            summary={"key_holder": key.holder, "key_prefix": key.prefix,
                     "per_minute": key.per_minute, "per_day": key.per_day},
        )  # fmt: skip
    return key, plain


def api_key_revoke(*, actor: Actor, key: ApiKey) -> ApiKey:
    require_editor(actor)
    with transaction.atomic():
        current = lock_current(key, guard=())
        if not current.is_active:
            raise ServiceError("already_revoked", _("The key is already revoked."))
        current.is_active = False
        current.save(update_fields=["is_active"])
        ledger_append(actor=actor, action="opendata.key_revoke", obj=current,
                      summary={"key_holder": current.holder, "key_prefix": current.prefix})  # fmt: skip
    return current


def key_for(text: str) -> ApiKey | None:
    """The active key whose text this is (None for an empty text)."""
    if not text:
        return None
    key = ApiKey.objects.filter(key_hash=key_hash(text.strip()), is_active=True).first()
    if key is None:
        raise PermissionDeniedError("invalid_key", _("The API key is not valid or was revoked."))
    return key


# --- requests for conditionally open datasets ---------------------------------------------


def _contact_check(phone: str, email: str) -> None:
    if not phone and not email:
        raise ServiceError("missing_contact", _("Give a phone number or an e-mail address."))
    if phone and not PHONE.match(phone):
        raise ServiceError("invalid_phone", _("The phone number is not valid."))
    if email and not any(f.type == "email" for f in detect(email)):
        raise ServiceError("invalid_email", _("The e-mail address is not valid."))


def request_submit(
    *, dataset: Dataset, applicant: str, organisation_name: str = "", purpose: str,
    phone: str = "", email: str = "",
) -> tuple[DataRequest, str]:  # fmt: skip
    """A request for a conditionally open dataset; its secret token (the follow-up link)."""
    applicant, purpose = applicant.strip(), purpose.strip()
    phone, email = phone.strip(), email.strip()
    if not dataset.is_published or not dataset.is_conditional:
        raise ServiceError(
            "not_conditional", _("Only a published dataset open on conditions is requested.")
        )
    if not applicant or len(applicant) > 100:
        raise ServiceError("missing_applicant", _("Give the applicant's name."))
    if len(purpose) < 10 or len(purpose) > 2000:
        raise ServiceError(
            "missing_purpose", _("Describe the purpose of use in 10 to 2000 characters.")
        )
    _contact_check(phone, email)
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        request = DataRequest.objects.create(
            dataset=dataset, applicant=applicant, organisation_name=organisation_name.strip()[:120],
            purpose=purpose, phone=phone, email=email, token_hash=key_hash(token),
            submitted_at=timezone.now(),
        )  # fmt: skip
        # The ledger keeps no personal data in clear (名字 and contacts masked).
        ledger_append(
            actor=None, action="opendata.request_submit", obj=request,
            organisation=dataset.publisher,
            summary={"dataset": dataset.slug, "applicant_contact": mask(phone or email)},
        )  # fmt: skip
    return request, token


def _decide(actor: Actor, request: DataRequest, to: transitions.Status) -> DataRequest:
    require_editor(actor, request.dataset.publisher)
    current = lock_current(request)
    transitions.check_transition(current, to)
    return current


def request_approve(
    *, actor: Actor, request: DataRequest, reason: str = "", per_minute: int | None = None,
    per_day: int | None = None,
) -> DataRequest:  # fmt: skip
    """Approve: a key granted this dataset, for the applicant to collect once."""
    with transaction.atomic():
        current = _decide(actor, request, transitions.Status.APPROVED)
        key, plain = _new_key(
            actor=actor, holder=current.organisation_name or current.applicant,
            contact=mask(current.phone or current.email), per_minute=per_minute,
            per_day=per_day, datasets=[current.dataset],
        )  # fmt: skip
        current.status = DataRequest.Status.APPROVED
        current.reason = reason.strip()
        current.decided_at = timezone.now()
        current.decided_by = actor
        current.api_key = key
        current.key_to_collect = plain
        current.save()
        ledger_append(
            actor=actor, action="opendata.request_approve", obj=current,
            organisation=current.dataset.publisher,
            summary={"dataset": current.dataset.slug, "key_prefix": key.prefix,
                     "per_minute": key.per_minute, "per_day": key.per_day},
        )  # fmt: skip
    return current


def request_refuse(*, actor: Actor, request: DataRequest, reason: str) -> DataRequest:
    if not reason.strip():
        raise ServiceError("missing_reason", _("Give the reason for refusing."))
    with transaction.atomic():
        current = _decide(actor, request, transitions.Status.REFUSED)
        current.status = DataRequest.Status.REFUSED
        current.reason = reason.strip()
        current.decided_at = timezone.now()
        current.decided_by = actor
        current.save()
        ledger_append(
            actor=actor, action="opendata.request_refuse", obj=current,
            organisation=current.dataset.publisher,
            summary={"dataset": current.dataset.slug, "reason": current.reason},
        )  # fmt: skip
    return current


def request_by_token(token: str) -> DataRequest:
    found = (
        DataRequest.objects.select_related("dataset", "api_key")
        .filter(token_hash=key_hash(token or ""))
        .first()
    )
    if found is None:
        raise NotFoundError("not_found", _("No request matches this link."))
    return found


def request_collect(*, token: str) -> str:
    """The approved request's key text, given once; afterwards only its prefix is kept."""
    with transaction.atomic():
        current = lock_current(request_by_token(token), guard=())
        if transitions.Action.COLLECT not in transitions.applicant_actions(current):
            raise ServiceError("nothing_to_collect", _("There is no key to collect."))
        plain = current.key_to_collect
        current.key_to_collect = ""
        current.save(update_fields=["key_to_collect"])
        ledger_append(actor=None, action="opendata.request_collect", obj=current,
                      organisation=current.dataset.publisher,
                      summary={"dataset": current.dataset.slug})  # fmt: skip
    return plain


def requests_anonymise(*, now: dt.datetime | None = None) -> int:
    """Remove the name, contacts and purpose of requests decided more than
    ``KEEP_PERSONAL_DAYS`` ago; the dataset, dates, decision and key stay (the counts)."""
    now = now or timezone.now()
    due = DataRequest.objects.filter(
        anonymised_at__isnull=True, decided_at__lt=now - dt.timedelta(days=KEEP_PERSONAL_DAYS)
    )
    with transaction.atomic():
        ids = list(due.select_for_update().values_list("pk", flat=True))
        if not ids:
            return 0
        DataRequest.objects.filter(pk__in=ids).update(
            applicant="", organisation_name="", phone="", email="", purpose="",
            key_to_collect="", anonymised_at=now,
        )  # fmt: skip
        ledger_append(actor=None, action="opendata.request_anonymise",
                      summary={"requests": len(ids)})  # fmt: skip
    return len(ids)


# --- downloads ---------------------------------------------------------------------------


def download_authorize(
    *, dataset: Dataset, file_format: str, key_text: str = "", client: str
) -> ApiKey | None:
    """Let one download (or one API read, ``file_format="api"``) through, or refuse it:

    - a conditionally open dataset needs an active key granted it (403);
    - a key counts against its own limits, a caller without one against the anonymous
      limits of its address (429 over a limit: nothing counted);
    - then the distribution's count goes up by one.
    """
    if not dataset.is_published:
        raise NotFoundError("not_found", _("No such dataset."))
    key = key_for(key_text)
    if dataset.is_conditional and (key is None or not key.datasets.filter(pk=dataset.pk).exists()):
        raise PermissionDeniedError(
            "key_required",
            _("This dataset is open on conditions: request it, then use the key you receive."),
        )
    if key is not None:
        quota.take(f"key:{key.pk}", per_minute=key.per_minute, per_day=key.per_day)
    else:
        per_minute, per_day = quota.anonymous_limits()
        quota.take(f"ip:{client}", per_minute=per_minute, per_day=per_day)
    count, _created = DownloadCount.objects.get_or_create(dataset=dataset, format=file_format)
    DownloadCount.objects.filter(pk=count.pk).update(count=F("count") + 1)
    return key
