"""A form's refusal shown once.

A page that draws a form's non-field errors itself, in an alert above the form
(``role="alert"``, read out at once), would show them a second time if it drew the form with
``form.as_div``: Django puts them at the top of that too. Such a page draws the form with
``{{ form|fields_only }}`` (``{{ form|fields_only:"p" }}`` for the ``as_p`` layout)."""

from django import template
from django.forms import BaseForm
from django.utils.safestring import SafeString

register = template.Library()

LAYOUTS = ("div", "p")


@register.filter
def fields_only(form: BaseForm, layout: str = "div") -> SafeString:
    """The form as ``form.as_div`` (or ``as_p``) draws it, less the non-field errors (a
    hidden field's error, such as an expired form token, still shows at its top)."""
    if layout not in LAYOUTS:
        raise template.TemplateSyntaxError(f"fields_only takes one of {LAYOUTS}, not {layout!r}")
    context = form.get_context()
    del context["errors"][: len(form.non_field_errors())]  # a copy: the form keeps its errors
    return form.render(template_name=getattr(form, f"template_name_{layout}"), context=context)
