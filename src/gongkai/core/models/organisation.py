from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.validators import validate_credit_code


class Organisation(models.Model):
    """A node in the tree of public bodies and their internal units.

    A body (机关: a bureau, a county bureau) has its own unified social credit
    code, used in index numbers; an internal unit (科室, 支队) belongs to a body.
    """

    class Kind(models.TextChoices):
        BODY = "body", _("Public body")
        UNIT = "unit", _("Internal unit")

    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.BODY)
    name = models.CharField(_("name"), max_length=100)
    code = models.SlugField(_("short code"), max_length=40, unique=True)
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        blank=True,
        validators=[validate_credit_code],
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=100, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["parent_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["credit_code"],
                condition=~Q(credit_code=""),
                name="organisation_credit_code_unique",
            ),
            models.UniqueConstraint(fields=["parent", "name"], name="organisation_name_unique"),
            models.CheckConstraint(
                condition=Q(kind="unit", parent__isnull=False) | Q(kind="body"),
                name="organisation_unit_has_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def body(self) -> "Organisation":
        """The public body this node belongs to (itself for a body)."""
        node = self
        while node.kind == self.Kind.UNIT and node.parent is not None:
            node = node.parent
        return node


class Role(models.TextChoices):
    """Staff roles; each is a Django group of the same code, holding its permissions."""

    OFFICE = "office", _("Openness office")
    HANDLER = "handler", _("Handling unit")
    REVIEWER = "reviewer", _("Secrecy reviewer")
    LEADER = "leader", _("Approving leader")
    ADMIN = "admin", _("System administrator")


class StaffProfile(models.Model):
    """Where a staff member works: their body and the units they belong to."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("organisation"),
    )
    units = models.ManyToManyField(
        Organisation, blank=True, related_name="unit_staff", verbose_name=_("units")
    )
    full_name = models.CharField(_("full name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self) -> str:
        return self.full_name
