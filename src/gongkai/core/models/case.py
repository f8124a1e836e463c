"""What every case has: the body it belongs to, the unit handling it and the person in charge.

A case is any record staff work on in a body's name: an FOI request, a statutory clock, a
consultation, a mailbox letter, a proposal, an incident, a proactive item. Each inherits
these fields from here instead of declaring them again, and lists itself with
``Model.objects.visible_to(user)``: the one scoping rule of ``core.access.scope_cases``.

Reverse names are ``<app>_<model>s`` (``organisation.foi_requests``,
``organisation.unit_foi_requests``, ``user.foi_requests``), the names the first models had.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.db.models.expressions import Combinable
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from gongkai.core.models.organisation import Organisation
from gongkai.core.types import AnyUser

_M = TypeVar("_M", bound=models.Model)

# The labels most kinds of case use; a kind with its own word passes it to the field.
PUBLIC_BODY = _("public body")
HANDLING_UNIT = _("handling unit")


class ScopeFields(NamedTuple):
    """The columns ``scope_cases`` filters on for one model."""

    organisation: str = "organisation_id"
    unit: str = "unit_id"
    handler: str = "handler_id"


class CaseManager(models.Manager[_M]):
    def visible_to(self, user: AnyUser) -> QuerySet[_M]:
        """Whole body for the office, leaders and admins; own units and assignments
        otherwise; nothing for the anonymous visitor."""
        # core.access reads core.models, which imports this module: imported when called.
        from gongkai.core.access import scope_cases

        fields: ScopeFields = getattr(self.model, "scope_fields", ScopeFields())
        return scope_cases(
            self.get_queryset(),
            user,
            organisation_field=fields.organisation,
            unit_field=fields.unit,
            handler_field=fields.handler,
        )


def organisation_field(
    label: StrOrPromise = PUBLIC_BODY,
) -> models.ForeignKey[Organisation | Combinable, Organisation]:
    """The body a case belongs to. A kind of case with its own word for it (proactive's
    发布机构) declares ``organisation = organisation_field(_("publishing body"))``: Django
    lets a model replace a field it inherits from an abstract model, and only the label
    differs."""
    return models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)ss",
        verbose_name=label,
    )


def unit_field(
    label: StrOrPromise = HANDLING_UNIT,
) -> models.ForeignKey[Organisation | Combinable | None, Organisation | None]:
    """The unit handling a case, once assigned (a consultation's 起草单位, an incident's
    责任单位: see ``organisation_field``)."""
    return models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="unit_%(app_label)s_%(class)ss",
        verbose_name=label,
    )


class Scoped(models.Model):
    """A record listed through ``visible_to``; ``scope_fields`` names its columns."""

    scope_fields: ClassVar[ScopeFields] = ScopeFields()

    objects = CaseManager()

    class Meta:
        abstract = True


class UnitOwned(Scoped):
    """Held by a body and, once assigned, by one of its units."""

    organisation = organisation_field()
    unit = unit_field()

    class Meta:
        abstract = True


class Case(UnitOwned):
    """A body's case with the member of staff it is assigned to."""

    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)ss",
        verbose_name=_("handler"),
    )

    class Meta:
        abstract = True
