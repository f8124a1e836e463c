"""Helpers the participation pages share."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from gongkai.core.errors import NotFoundError, ServiceError
from gongkai.core.formflow import service_message
from gongkai.core.models import Organisation
from gongkai.participation.transitions import READERS

PAGE_SIZE = 20
# Who opens the workbench pages; which buttons each person sees is ``transitions``' answer.
STAFF_ROLES = tuple(READERS)


def page_of(request, queryset, per_page: int = PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def form_error():
    """A form that did not validate, raised as the services raise their refusals."""
    raise ServiceError("invalid_input", _("Please fill in every required field correctly."))


def found(call, *args):
    """Run an access function; its NotFoundError becomes the ordinary 404."""
    try:
        return call(*args)
    except NotFoundError:
        raise Http404 from None


# Call a service from a button; its success or refusal shows on the next page.
act = service_message


def units_of(organisation) -> object:
    return Organisation.objects.filter(parent=organisation, kind=Organisation.Kind.UNIT)


def body_of(user) -> Organisation | None:
    profile = getattr(user, "staff_profile", None)
    return profile.organisation if profile else None
