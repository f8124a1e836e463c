import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.proactive.tests.factories import published
from gongkai.sites.selectors import forget_sites
from gongkai.sites.services import site_create


@pytest.fixture(autouse=True)
def any_host(settings):
    settings.ALLOWED_HOSTS = ["*"]
    forget_sites()
    yield
    forget_sites()


@pytest.fixture(autouse=True)
def search_in_tmp(settings, tmp_path):
    """Index writes (after commit) go to a throwaway directory, never var/."""
    from gongkai.search.backends import reset_backend

    settings.GONGKAI_SEARCH_BACKEND = "tantivy"
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")
    reset_backend()
    yield
    reset_backend()


class Body:
    """A body with the four people who publish an item (drafter, reviewer, leader, office)."""

    def __init__(self, name: str, parent=None):
        self.org = OrganisationFactory(name=name, parent=parent)
        self.handler = make_staff(self.org, roles=[Role.HANDLER])
        self.reviewer = make_staff(self.org, roles=[Role.REVIEWER])
        self.leader = make_staff(self.org, roles=[Role.LEADER])
        self.office = make_staff(self.org, roles=[Role.OFFICE])

    def publish(self, title: str, **overrides):
        return published(
            self.handler, self.reviewer, self.leader, self.office, title=title, **overrides
        )


@pytest.fixture
def police():
    return Body("湛江市公安局")


@pytest.fixture
def town():
    return Body("营口市西市区人民政府")


@pytest.fixture
def two_sites(police, town):
    a = site_create(
        actor=None, organisation=police.org, name="湛江市公安局网站", host="gaj.example.cn"
    )
    b = site_create(
        actor=None,
        organisation=town.org,
        name="西市区人民政府网站",
        host="www.example.cn",
        path_prefix="xsq",
        brand_colour="#0b5394",
    )
    forget_sites()
    return a, b


def get(client, host: str, path: str, **kwargs):
    return client.get(path, headers={"host": host}, **kwargs)
