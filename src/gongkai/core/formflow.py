"""One way for a view to call a service on behalf of a form.

Every workbench form does the same thing: the form is valid, a service is called, and a
refusal (``ServiceError``, a Chinese message) must show on the form with nothing saved,
while success redirects. ``service_errors`` is that ``try/except/add_error`` once::

    if form.is_valid():
        with service_errors(form):
            created = services.power_add(actor=request.user, **form.cleaned_data)
            messages.success(request, _("The power was added to the list."))
            return redirect("listings:power_edit", pk=created.pk)
    return render(...)

A refusal leaves the ``with`` block, the message lands on ``field`` (or the form as a
whole), and the view goes on to render the form again. A service whose refusals each
concern one input names them by code: ``fields={"duplicate_code": "code"}`` puts that
refusal on the ``code`` field and any other on ``field`` (a code mapped to a field this
form does not have goes there too, so one mapping serves several forms).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest
from django_stubs_ext import StrOrPromise

from gongkai.core.errors import ServiceError


@contextmanager
def service_errors(
    form: BaseForm, field: str | None = None, *, fields: Mapping[str, str] | None = None
) -> Iterator[None]:
    """Put a service's refusal on ``form``: on ``fields[error.code]`` when the form has that
    field, else on ``field``, else as a non-field error."""
    try:
        yield
    except ServiceError as error:
        named = (fields or {}).get(error.code)
        form.add_error(named if named in form.fields else field, error.message)


def service_message(
    request: HttpRequest, call: Callable[[], object], success: StrOrPromise
) -> bool:
    """For a button without a form: call the service, and show its success or its refusal
    as a message on the next page. True when the service did its work."""
    try:
        call()
    except ServiceError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True
