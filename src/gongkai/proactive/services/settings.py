"""Configuration kept by the openness office: renaming vocabulary entries (主题分类, 体裁分类)
and deleting drafts that never went to review."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Role
from gongkai.core.services import clock_stop, ledger_append
from gongkai.core.types import Actor
from gongkai.proactive.models import Genre, Item, Status, Topic
from gongkai.proactive.services.common import DRAFTING_ROLES, PUBLISHING_ROLES, record, require_role

VOCABULARIES: dict[str, type[Topic] | type[Genre]] = {"topic": Topic, "genre": Genre}
NAME_MAX_LENGTH = 60


def vocabulary_model(kind: str) -> type[Topic] | type[Genre]:
    model = VOCABULARIES.get(kind)
    if model is None:
        raise ServiceError("invalid_vocabulary", _("Give the vocabulary and a name."))
    return model


def vocabulary_rename(*, actor: Actor, kind: str, entry_id: int, name: str) -> Topic | Genre:
    """Rename a topic or genre; items keep pointing at the same entry. Renaming to the
    current name changes nothing and writes no ledger entry."""
    actor = require_role(actor, PUBLISHING_ROLES)
    model = vocabulary_model(kind)
    name = (name or "").strip()
    if not name or len(name) > NAME_MAX_LENGTH:
        raise ServiceError(
            "invalid_name",
            _("Give a name of 1 to %(max)d characters.") % {"max": NAME_MAX_LENGTH},
        )
    with transaction.atomic():
        entry = model.objects.select_for_update().filter(pk=entry_id).first()
        if entry is None:
            raise ServiceError("not_found", _("This entry does not exist."))
        if entry.name == name:
            return entry
        if model.objects.filter(name=name).exclude(pk=entry.pk).exists():
            raise ServiceError(
                "duplicate_name", _("“%(name)s” is already in the list.") % {"name": name}
            )
        old = entry.name
        entry.name = name
        entry.save(update_fields=["name"])
        ledger_append(
            actor=actor,
            action=f"proactive.{kind}.rename",
            obj=entry,
            summary={"from": old, "to": name},
        )
    return entry


def _check_deleter(item: Item, actor: Actor) -> None:
    actor = require_role(actor, DRAFTING_ROLES)
    if item.drafter_id == actor.pk or actor.is_superuser:
        return
    profile = getattr(actor, "staff_profile", None)
    office = profile is not None and profile.organisation.body.pk == item.organisation_id
    if not (office and has_role(actor, Role.OFFICE, Role.ADMIN)):
        raise PermissionDeniedError(
            "not_allowed", _("Only the drafter or the openness office can delete a draft.")
        )


def item_delete(*, item: Item, actor: Actor) -> None:
    """Delete a draft that never went to review: its index number is not reused (the
    sequence only grows) and its publication clock is stopped; the ledger keeps the record."""
    with transaction.atomic():
        item = (
            Item.objects.select_for_update(of=("self",))
            .select_related("publish_clock")
            .get(pk=item.pk)
        )
        _check_deleter(item, actor)
        if item.status != Status.DRAFT or item.review_round or item.published_revision_id:
            raise ServiceError(
                "submitted_before",
                _("Only a draft that was never sent to review can be deleted."),
            )
        if Item.objects.filter(interprets=item).exists():
            raise ServiceError(
                "has_interpretations",
                _("An interpretation refers to this draft; delete or change it first."),
            )
        clock = item.publish_clock
        if clock is not None and clock.state != clock.State.STOPPED:
            clock_stop(clock=clock, actor=actor, note=_("Draft deleted."))
        record(item, actor=actor, action="delete", summary={"title": item.title})
        files = [a.file for a in item.attachments.all() if a.file]
        item.findings.all().delete()
        item.attachments.all().delete()
        item.revisions.all().delete()
        item.delete()
        transaction.on_commit(lambda: [f.delete(save=False) for f in files])
