"""Factories of the portal's tests: columns and published information items."""

import datetime as dt

import factory

from gongkai.core.clockmath import CHINA
from gongkai.core.tests.factories import OrganisationFactory
from gongkai.portal.models import Column, ColumnKind
from gongkai.proactive.models import Item, ItemRevision, Status


class ColumnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Column

    title = factory.Sequence(lambda n: f"栏目{n}")
    slug = factory.Sequence(lambda n: f"col{n}")
    kind = ColumnKind.LIST
    source = "proactive_section"
    source_param = "policy"


def published_item(*, title, body="", section="policy", organisation=None, published=None, **kw):
    """A published item as proactive's publication leaves it (test data, no workflow)."""
    organisation = organisation or OrganisationFactory()
    published = published or dt.datetime(2024, 5, 6, 9, tzinfo=CHINA)
    item = Item.objects.create(
        organisation=organisation,
        index_number=f"T{Item.objects.count() + 1:06d}-{organisation.pk}",
        title=title,
        public_title=title,
        body=body,
        public_body=body,
        section=section,
        status=Status.PUBLISHED,
        published_at=published,
        **kw,
    )
    revision = ItemRevision.objects.create(item=item, number=1, title=title, body=body)
    Item.objects.filter(pk=item.pk).update(published_revision=revision)
    item.refresh_from_db()
    return item
