import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.opendata.services import DatasetValues, dataset_create, resource_upload


@pytest.fixture
def body():
    return OrganisationFactory(name="湛江市公安局", code="zjga")


@pytest.fixture
def office(body):
    return make_staff(body, roles=[Role.OFFICE], username="office")


@pytest.fixture
def handler(body):
    unit = UnitFactory(parent=body, name="户政科")
    return make_staff(body, roles=[Role.HANDLER], units=[unit], username="handler")


@pytest.fixture(autouse=True)
def search_in_tmp(settings, tmp_path):
    """Index writes (after commit) go to a throwaway directory, never var/."""
    from gongkai.search.backends import reset_backend

    settings.GONGKAI_SEARCH_BACKEND = "tantivy"
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")
    reset_backend()
    yield
    reset_backend()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


CALLS_CSV = "\ufeff月份,区县,警情类别,接警数\n2026-09,赤坎区,治安警情,702\n".encode()


def values(body, **overrides) -> DatasetValues:
    data = {
        "title": "110接处警警情分类统计",
        "description": "按月和警情类别统计的接警数量。",
        "publisher": body,
        "theme": "just",
        "frequency": "monthly",
        "condition": "conditional",
        "licence": "CC-BY-4.0",
        "keywords": "110,警情",
        "fields": [("月份", "string", "统计月份"), ("接警数", "integer", "接警数量")],
    }
    data.update(overrides)
    return DatasetValues(**data)


def make_dataset(office, body, slug="police-calls", **overrides):
    dataset = dataset_create(actor=office, values=values(body, **overrides), slug=slug)
    resource_upload(actor=office, dataset=dataset, file_format="csv", name="calls.csv",
                    content=CALLS_CSV)  # fmt: skip
    return dataset
