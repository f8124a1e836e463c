"""Demo sites: the bureau's own, a site of one of the seeds' other publishers (营口市西市区人民政府,
with a reprint of a bureau policy), and the region's platform. Hosts under .localhost resolve
to this machine in browsers, so ``gongkai serve`` shows them at http://xsq.localhost:8000/."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.demo import BUREAU, DemoContext, register
from gongkai.core.models import Organisation
from gongkai.portal.models import SiteIdentity
from gongkai.portal.services import site_identity_save
from gongkai.proactive.law import Section
from gongkai.proactive.models import PUBLIC, Item
from gongkai.sites.models import Site
from gongkai.sites.services import reprint_add, site_create

BUREAU_HOST = "gaj.localhost"
TOWN = ("xsq", "xsq.localhost", "营口市西市区人民政府门户网站", "#0b5394")
PLATFORM = ("region.localhost", "湛江市政务公开集约化平台")


@register(95, gettext_lazy("sites of the platform"))
def load_sites(context: DemoContext) -> None:
    if Site.objects.exists():
        context.log(_("Already loaded."))
        return
    bureau = Organisation.objects.filter(code=BUREAU[0]).first()
    town = Organisation.objects.filter(code=TOWN[0]).first()
    if bureau is None or town is None:
        context.log(_("Organisations missing; load them first."))
        return
    template = site_create(
        actor=None,
        organisation=bureau,
        name=bureau.name,
        host=BUREAU_HOST,
        is_template=True,
    )
    _code, host, name, colour = TOWN
    site = site_create(
        actor=None, organisation=town, name=name, host=host, brand_colour=colour, template=template
    )
    office = town.staff.filter(user__is_active=True).earliest("id")  # the invited office
    identity = SiteIdentity.objects.get(organisation=town)  # copied from the template
    values = {"host_name": town.name, "site_code": "2108030001", "icp_number": identity.icp_number,
              "police_number": identity.police_number}  # fmt: skip
    site_identity_save(organisation=town, actor=office.user, values=values)
    site_create(
        actor=None, organisation=bureau, name=PLATFORM[1], host=PLATFORM[0], is_platform=True
    )
    # 转载: the town's site shows a bureau policy by reference.
    policy = (
        Item.objects.filter(PUBLIC, organisation=bureau, section=Section.POLICY)
        .order_by("-published_at")
        .first()
    )
    if policy is not None:
        reprint_add(actor=office.user, site=site, item=policy)
    context.log(
        _("%(count)d sites: %(hosts)s.")
        % {"count": Site.objects.count(), "hosts": ", ".join(s.address for s in Site.objects.all())}
    )
