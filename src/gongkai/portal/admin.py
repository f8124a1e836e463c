"""The admin for columns and the 公开指南: every save and delete goes through the services
(so the ledger records it and the rules apply)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from gongkai.core.errors import ServiceError
from gongkai.portal.models import Column, OpennessGuide
from gongkai.portal.services import (
    FIELD_NAMES,
    GUIDE_FIELDS,
    ColumnFields,
    column_check,
    column_create,
    column_delete,
    column_update,
    guide_clean,
    guide_save,
)


class ColumnAdminForm(forms.ModelForm):
    class Meta:
        model = Column
        fields = FIELD_NAMES

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                column_check(column=self.instance, fields=ColumnFields(**data))
            except ServiceError as error:
                raise ValidationError(error.message) from error
        return data


@admin.register(Column)
class ColumnAdmin(admin.ModelAdmin):
    form = ColumnAdminForm
    list_display = ("title", "slug", "parent", "kind", "order", "show_on_home", "is_active")
    list_filter = ("kind", "show_on_home", "is_active")
    search_fields = ("title", "slug")
    ordering = ("parent_id", "order", "id")
    actions = None

    def save_model(self, request, obj, form, change):
        fields = ColumnFields(**{name: form.cleaned_data[name] for name in FIELD_NAMES})
        if change:
            saved = column_update(column=obj, actor=request.user, fields=fields)
        else:
            saved = column_create(actor=request.user, fields=fields)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        column_delete(column=obj, actor=request.user)


class GuideAdminForm(forms.ModelForm):
    class Meta:
        model = OpennessGuide
        fields = ("organisation", *GUIDE_FIELDS)

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                guide_clean(data)
            except ServiceError as error:
                raise ValidationError(error.message) from error
        return data


@admin.register(OpennessGuide)
class OpennessGuideAdmin(admin.ModelAdmin):
    form = GuideAdminForm
    list_display = ("organisation", "office_name", "phone", "updated_at")
    actions = None

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = guide_save(
            organisation=form.cleaned_data["organisation"],
            actor=request.user,
            values={name: form.cleaned_data[name] for name in GUIDE_FIELDS},
        )
        obj.pk = saved.pk
