"""Reads of 对内公开: only through ``visible_to`` (the same 404 for missing and forbidden)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from gongkai.core.types import AnyUser
from gongkai.internal.law import Category
from gongkai.internal.models import InternalNotice


def notices_for(
    user: AnyUser, *, category: str = "", include_withdrawn: bool = False
) -> QuerySet[InternalNotice]:
    notices = InternalNotice.objects.visible_to(user).select_related("published_by")
    if category in Category.values:
        notices = notices.filter(category=category)
    if not include_withdrawn:
        notices = notices.filter(withdrawn_at__isnull=True)
    return notices


def notice_for(user: AnyUser, pk: int) -> InternalNotice:
    found = InternalNotice.objects.visible_to(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
