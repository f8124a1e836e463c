from pathlib import Path

import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff

SEED_000 = (
    Path(__file__).resolve().parents[2]
    / "proactive"
    / "data"
    / "seeds"
    / "000_d237d29389c3506f.txt"
)
# The tree of seed 000's bureau, as core's demo builds it.
UNITS = ["政务公开办公室", "法制支队", "公关科", "装财科", "政治处", "一门一网办", "户政科",
         "信通科", "指挥中心", "网警支队"]  # fmt: skip
COUNTIES = ["廉江市公安局", "雷州市公安局", "吴川市公安局", "遂溪县公安局", "徐闻县公安局"]
BRANCHES = ["湛江市公安局赤坎分局", "湛江市公安局霞山分局"]


@pytest.fixture
def body():
    return OrganisationFactory(name="湛江市公安局")


@pytest.fixture
def tree(body):
    units = {name: UnitFactory(parent=body, name=name) for name in UNITS}
    bodies = {name: OrganisationFactory(parent=body, name=name) for name in COUNTIES + BRANCHES}
    return {**units, **bodies}


@pytest.fixture
def office(body, tree):
    return make_staff(body, roles=[Role.OFFICE], units=[tree["政务公开办公室"]], username="office")


@pytest.fixture
def handler(body, tree):
    return make_staff(body, roles=[Role.HANDLER], units=[tree["法制支队"]], username="fazhi")


@pytest.fixture
def seed_000() -> bytes:
    return SEED_000.read_bytes()
