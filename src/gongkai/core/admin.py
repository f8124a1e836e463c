from collections.abc import Callable
from typing import Any

from django import forms
from django.apps import apps as django_apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_stubs_ext import StrOrPromise

from gongkai.core.models import (
    CalendarDay,
    CalendarYear,
    Clock,
    ClockEvent,
    LedgerAnchor,
    LedgerEntry,
    Organisation,
    Role,
    StaffProfile,
)
from gongkai.core.services.organisation import (
    ORGANISATION_CREATE_FIELDS,
    organisation_create,
    organisation_update,
)
from gongkai.core.types import signed_in


def shown_as(name: str, label: StrOrPromise) -> Callable[[models.Model], Any]:
    """A read-only column of field ``name`` under a Chinese heading, for fields whose model
    label is the bare field name (changing it would be a migration in the field's app)."""

    @admin.display(description=label)
    def show(obj: models.Model) -> Any:
        return getattr(obj, name)

    show.__name__ = f"{name}_shown"
    return show


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Any]):
    """Saves go through the organisation services, so the ledger records every change."""

    list_display = ["name", "kind", "parent", "credit_code", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "credit_code", "code"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # The tree and the short code are fixed once made (index numbers and URLs use them).
        return ["kind", "parent", "code"] if obj else []

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            organisation_update(
                actor=signed_in(request.user),
                organisation=obj,
                changes={name: form.cleaned_data[name] for name in form.changed_data},
            )
        else:
            created = organisation_create(
                actor=signed_in(request.user),
                **{name: form.cleaned_data[name] for name in ORGANISATION_CREATE_FIELDS},
            )
            obj.pk = created.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin[Any]):
    """Read-only: staff are managed in the workbench (员工与科室), which writes the ledger."""

    list_display = ["full_name", "user", "organisation"]
    search_fields = ["full_name", "user__username"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CalendarDayInline(admin.TabularInline[Any, Any]):
    model = CalendarDay
    extra = 0
    can_delete = False
    readonly_fields = ["date", "kind", "name"]


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin[Any]):
    """Read-only: years are loaded through the workbench so the ledger records them."""

    list_display = ["year", "loaded_by", "loaded_at"]
    readonly_fields = ["year", "source_text", "loaded_by", "loaded_at"]
    inlines = [CalendarDayInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class ClockEventInline(admin.TabularInline[Any, Any]):
    model = ClockEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "at", "days", "actor", "approved_by", "note"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Clock)
class ClockAdmin(admin.ModelAdmin[Any]):
    """Read-only: clocks change only through their services (and the ledger)."""

    list_display = ["label", "rule", "organisation", "unit", "state", "due_at", "is_provisional"]
    list_filter = ["rule", "state", "is_provisional"]
    inlines = [ClockEventInline]
    # The case a clock runs for is a content type and a key: internal, not shown.
    exclude = ["subject_type", "subject_id"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class ReadOnlyMixin:
    """Admin pages that only show: every change goes through the services and the ledger.
    The one read-only base of every app's admin (models and inlines)."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(ReadOnlyMixin, admin.ModelAdmin[Any]):
    pass


class ReadOnlyInline(ReadOnlyMixin, admin.TabularInline[Any, Any]):
    extra = 0
    can_delete = False


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ["seq", "created_at", "actor_name", "action", "object_repr", "organisation"]
    list_filter = ["action"]
    search_fields = ["object_repr", "actor_name"]
    exclude = ["prev_hash", "entry_hash"]
    readonly_fields = [
        shown_as("prev_hash", _("Hash of the previous entry")),  # type: ignore[list-item]
        shown_as("entry_hash", _("Hash of this entry")),  # type: ignore[list-item]
    ]


@admin.register(LedgerAnchor)
class LedgerAnchorAdmin(ReadOnlyAdmin):
    list_display = ["day", "seq", "head_hash"]


admin.site.empty_value_display = str(_("(none)"))


def _role_label(name: str) -> str:
    return str(Role(name).label) if name in Role.values else name


class RoleGroupAdmin(GroupAdmin):
    """Groups are the staff roles: shown by their Chinese names, changed in the workbench."""

    list_display = ["role_name"]

    @admin.display(description=_("Role"), ordering="name")
    def role_name(self, obj: Group) -> str:
        return _role_label(obj.name)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class StaffUserAdmin(UserAdmin[User]):
    """Role groups by their Chinese names; accounts are best managed in the workbench."""

    def formfield_for_manytomany(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> forms.ModelMultipleChoiceField[Any] | None:
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.name == "groups":
            field.label_from_instance = lambda group: _role_label(group.name)  # type: ignore[method-assign,assignment]
        return field


admin.site.unregister(Group)
admin.site.register(Group, RoleGroupAdmin)
admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), StaffUserAdmin)
# Devices of two-factor sign-in are set up and reset in the workbench (with the ledger).
for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


def _login_through_workbench(
    request: HttpRequest, extra_context: dict[str, Any] | None = None
) -> HttpResponse:
    """The admin signs in through the workbench login, which asks for the second factor."""
    query = urlencode({"next": request.GET.get("next", reverse("admin:index"))})
    return redirect(f"{reverse('core:login')}?{query}")


admin.site.login = _login_through_workbench  # type: ignore[method-assign]
# django-axes has no Chinese name of its own (its models' labels are in core's catalogue).
django_apps.get_app_config("axes").verbose_name = _("Login protection")
