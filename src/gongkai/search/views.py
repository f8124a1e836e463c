"""The workbench page of the office's synonym table (the search's only staff page)."""

from __future__ import annotations

from django import forms
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.bounds import parse_id
from gongkai.core.formflow import service_message
from gongkai.core.models import Role
from gongkai.core.views import role_required

from . import synonyms as service
from .models import SearchSynonym


class SynonymForm(forms.Form):
    words = forms.CharField(
        label=gettext_lazy("Words that mean the same"),
        max_length=200,
        help_text=gettext_lazy("Separate the words with spaces or 、, e.g. 年报 年度报告."),
    )
    note = forms.CharField(label=gettext_lazy("Note"), max_length=200, required=False)


@role_required(Role.OFFICE, Role.ADMIN)
def synonyms(request):
    """List, add, change and remove synonym groups; every write through the services."""
    editing = None
    edit_id = parse_id(request.GET.get("edit") or request.POST.get("edit") or "")
    if edit_id:
        editing = SearchSynonym.objects.filter(pk=edit_id).first()
    initial = {"words": editing.words, "note": editing.note} if editing else None
    form = SynonymForm(request.POST or None, initial=initial)
    if request.method == "POST":
        remove = parse_id(request.POST.get("remove") or "")
        target = SearchSynonym.objects.filter(pk=remove).first() if remove else None
        if target is not None:
            service_message(
                request,
                lambda: service.synonym_remove(actor=request.user, synonym=target),
                _("The synonym group was removed."),
            )
        elif form.is_valid():
            words, note = form.cleaned_data["words"], form.cleaned_data["note"]
            if editing is not None:
                done = service_message(
                    request,
                    lambda: service.synonym_update(
                        actor=request.user, synonym=editing, words=words, note=note
                    ),
                    _("The synonym group was saved."),
                )
            else:
                done = service_message(
                    request,
                    lambda: service.synonym_add(actor=request.user, words=words, note=note),
                    _("The synonym group was added."),
                )
            if not done:
                context = {"form": form, "rows": service.synonyms_list(), "editing": editing}
                return render(request, "search/synonyms.html", context, status=400)
        else:
            context = {"form": form, "rows": service.synonyms_list(), "editing": editing}
            return render(request, "search/synonyms.html", context, status=400)
        return redirect("search:synonyms")
    context = {"form": form, "rows": service.synonyms_list(), "editing": editing}
    return render(request, "search/synonyms.html", context)
