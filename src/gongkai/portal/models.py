"""Portal data the openness office edits: columns (栏目) and the 公开指南.

Only ``gongkai.portal.services`` writes these rows, each write with its ledger entry.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ColumnKind(models.TextChoices):
    """What a column shows: a list fed by a source, a static page, or a link."""

    LIST = "list", _("List fed by a source")
    PAGE = "page", _("Static page")
    LINK = "link", _("Link")


class Column(models.Model):
    """A portal column (栏目), configured by the office instead of hard-coded in templates."""

    title = models.CharField(_("title"), max_length=60)
    slug = models.SlugField(
        _("short name in the address"),
        max_length=60,
        help_text=_("Lower-case letters, digits and hyphens, e.g. zcwj."),
    )
    # The site whose column tree this is (gongkai.sites, 集约化); empty: the installation's
    # own tree, which a site with no columns of its own shows. A number, not a foreign key:
    # the portal sits below the sites app and never depends on it.
    site_id = models.PositiveIntegerField(_("site"), null=True, blank=True, db_index=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent column"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=8, choices=ColumnKind.choices)
    # LIST: a registered source (gongkai.portal.sources) and its parameter, e.g. a section.
    source = models.CharField(_("source"), max_length=40, blank=True)
    source_param = models.CharField(_("source parameter"), max_length=60, blank=True)
    # PAGE: plain text, paragraphs separated by blank lines.
    body = models.TextField(_("page text"), blank=True)
    # LINK: an absolute http(s) address, a site path (/foi/apply/) or a URL name (foi:apply).
    link = models.CharField(_("link"), max_length=300, blank=True)
    show_on_home = models.BooleanField(_("show on the home page"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("column")
        verbose_name_plural = _("columns")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["site_id", "slug"], name="portal_column_slug_per_site"),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(site_id__isnull=True), name="portal_column_slug"
            ),
            models.CheckConstraint(
                condition=~Q(kind="list") | ~Q(source=""), name="portal_column_list_has_source"
            ),
            models.CheckConstraint(
                condition=~Q(kind="link") | ~Q(link=""), name="portal_column_link_has_target"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class OpennessGuide(models.Model):
    """政府信息公开指南 of one body. Contents per 条例 art. 12: how information is classified
    and arranged, how to obtain it, and the openness office's name, address, hours, phone,
    fax and internet contact (RULES.md "Proactive disclosure")."""

    organisation = models.OneToOneField(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="openness_guide",
        verbose_name=_("public body"),
    )
    classification = models.TextField(_("how information is classified and arranged"))
    how_to_obtain = models.TextField(_("how to obtain information"))
    office_name = models.CharField(_("openness office"), max_length=100)
    address = models.CharField(_("address"), max_length=200)
    office_hours = models.CharField(_("office hours"), max_length=100)
    phone = models.CharField(_("phone"), max_length=40)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    internet_contact = models.CharField(
        _("internet contact"),
        max_length=200,
        help_text=_("An e-mail address or the address of the online application page."),
    )
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("openness guide")
        verbose_name_plural = _("openness guides")

    def __str__(self) -> str:
        return str(self.organisation)


class SiteIdentity(models.Model):
    """What the footer of every page of a government website states (国办发〔2017〕47号
    《政府网站发展指引》: 网站标识码, 主办单位; 《互联网信息服务管理办法》: ICP 备案编号;
    《计算机信息网络国际联网安全保护管理办法》: 公安机关备案编号)."""

    organisation = models.OneToOneField(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="site_identity",
        verbose_name=_("public body"),
    )
    host_name = models.CharField(
        _("host organisation"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty to show the body's name."),
    )
    site_code = models.CharField(
        _("website identification code"),
        max_length=10,
        blank=True,
        help_text=_("Ten letters or digits, as issued for the website (e.g. 4408000035)."),
    )
    icp_number = models.CharField(
        _("ICP filing number"),
        max_length=40,
        blank=True,
        help_text=_("For example 粤ICP备05008888号."),
    )
    police_number = models.CharField(
        _("public security filing number"),
        max_length=40,
        blank=True,
        help_text=_("For example 粤公网安备 44080202000123号."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("website identification")
        verbose_name_plural = _("website identifications")

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def police_record_code(self) -> str:
        """The digits of the public security filing number (its page on beian.gov.cn)."""
        return "".join(ch for ch in self.police_number if ch.isdigit())
