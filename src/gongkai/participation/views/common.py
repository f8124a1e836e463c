"""Helpers the participation pages share."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gongkai.core.errors import NotFoundError, ServiceError
from gongkai.core.formflow import service_errors, service_message
from gongkai.core.models import Organisation
from gongkai.core.views import role_required
from gongkai.participation.transitions import OFFICE, READERS

PAGE_SIZE = 20
# Who opens the workbench pages; which buttons each person sees is ``transitions``' answer.
STAFF_ROLES = tuple(READERS)
# The two doors of the workbench pages: every reader of cases, and the openness office.
staff = role_required(*STAFF_ROLES)
office = role_required(*OFFICE)


def page_of(request, queryset, per_page: int = PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def list_page(request, queryset, template: str, **context: object) -> HttpResponse:
    """A workbench list: ``queryset`` a page at a time (``page`` in the template)."""
    return render(request, template, {"page": page_of(request, queryset), **context})


def create_page(request, form_class, create, *, template: str, then: str) -> HttpResponse:
    """A workbench page that opens one case in the staff member's body: ``form_class``
    (offering the body's units), the service ``create``, then the new case's page ``then``."""
    body = body_of(request.user)
    form = form_class(request.POST or None, units=units_of(body))
    if request.method == "POST" and form.is_valid():
        with service_errors(form):
            created = create(actor=request.user, organisation=body, **form.cleaned_data)
            return redirect(then, pk=created.pk)
    return render(request, template, {"form": form})


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
