"""Admin of proactive disclosure. Vocabularies and the negative list are configuration and
editable through their services (so the ledger records them); review steps are configured
in the workbench; items, labels, findings, review decisions and the registers change
only through services and are read-only here."""

from django.contrib import admin

from gongkai.core.admin import ReadOnlyAdmin, ReadOnlyMixin
from gongkai.proactive import services
from gongkai.proactive.models import (
    Attachment,
    Cleanup,
    Genre,
    Item,
    ItemRevision,
    NegativeListEntry,
    NegativeListVersion,
    NormativeDocument,
    PrivacyFinding,
    PrivacyRule,
    ReviewDecision,
    ReviewStep,
    SelfCheckDecision,
    StandardCatalogItem,
    Topic,
)


class VocabularyAdmin(admin.ModelAdmin):
    kind = ""
    list_display = ["name", "order"]
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        if change:
            entry = services.vocabulary_rename(
                actor=request.user, kind=self.kind, entry_id=obj.pk, name=obj.name
            )
            if entry.order != obj.order:
                type(obj).objects.filter(pk=obj.pk).update(order=obj.order)
        else:
            entry = services.vocabulary_add(
                actor=request.user, kind=self.kind, name=obj.name, order=obj.order
            )
            obj.pk = entry.pk


@admin.register(Topic)
class TopicAdmin(VocabularyAdmin):
    kind = "topic"


@admin.register(Genre)
class GenreAdmin(VocabularyAdmin):
    kind = "genre"


@admin.register(ReviewStep)
class ReviewStepAdmin(ReadOnlyAdmin):
    """Read-only: review steps are configured in the workbench (主动公开设置 → 设置审查环节), with the ledger."""

    list_display = ["organisation", "order", "kind", "role"]
    list_filter = ["kind", "role"]


class NegativeListVersionInline(ReadOnlyMixin, admin.TabularInline):
    model = NegativeListVersion
    extra = 0


@admin.register(NegativeListEntry)
class NegativeListEntryAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Read-only: entries are created, edited and retired on the workbench's negative-list
    pages, which keep their history (versions) and write the ledger."""

    list_display = ["organisation", "category", "description", "review_on", "is_active"]
    list_filter = ["category", "is_active"]
    search_fields = ["description", "legal_basis"]
    inlines = [NegativeListVersionInline]


class AttachmentInline(ReadOnlyMixin, admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ("name", "sha256", "created_at")
    fields = readonly_fields


class RevisionInline(ReadOnlyMixin, admin.TabularInline):
    model = ItemRevision
    extra = 0
    readonly_fields = ("number", "author", "note", "created_at")
    fields = readonly_fields


class DecisionInline(ReadOnlyMixin, admin.TabularInline):
    model = ReviewDecision
    extra = 0
    readonly_fields = ("round", "step", "kind", "decision", "actor", "at")
    fields = readonly_fields


@admin.register(Item)
class ItemAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Read-only: state, label and content change only through the services (the ledger)."""

    list_display = ["index_number", "title", "organisation", "status", "label", "published_at"]
    list_filter = ["status", "label", "section"]
    search_fields = ["index_number", "title", "document_number"]
    inlines = [AttachmentInline, RevisionInline, DecisionInline]


@admin.register(PrivacyFinding)
class PrivacyFindingAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["item", "type", "replacement", "state", "origin", "decided_by"]
    list_filter = ["type", "state", "origin"]


@admin.register(PrivacyRule)
class PrivacyRuleAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Read-only: rules are kept on the settings page, whose service writes the ledger."""

    list_display = ["text", "organisation", "action", "type", "reason", "is_active"]
    list_filter = ["action", "type", "is_active"]


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["item", "round", "step", "kind", "decision", "actor", "at"]
    list_filter = ["kind", "decision"]


@admin.register(SelfCheckDecision)
class SelfCheckDecisionAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["item", "year", "label", "actor", "at"]


@admin.register(NormativeDocument)
class NormativeDocumentAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["document_number", "title", "organisation", "kind", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "document_number"]


@admin.register(Cleanup)
class CleanupAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["title", "organisation", "decided_on"]


@admin.register(StandardCatalogItem)
class StandardCatalogItemAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["organisation", "number", "level1", "level2"]
    search_fields = ["level1", "level2"]
