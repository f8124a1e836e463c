"""The real seed documents (shared/seeds) as negative text: nothing personal in them."""

from pathlib import Path

import pytest

from gongkai.privacy import detect
from gongkai.privacy.detect import PublicData

SEEDS = Path(__file__).resolve().parents[5] / "shared" / "seeds"


def _seed(prefix):
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not beside the checkout")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seed_documents_have_no_findings(prefix):
    assert detect(_seed(prefix)) == []


def test_seed_004_its_real_email_and_the_leaders_it_quotes():
    # The scraped page's footer carries a real QQ contact address: a true finding. The
    # essays quote national leaders as "尉健行同志": read as names (the reviewer keeps them,
    # or the body lists them as public); with them listed, only the address is left.
    text = _seed("004")
    found = [(f.type, f.text) for f in detect(text)]
    assert found == [
        ("name", "尉健行"),
        ("name", "尉健行"),
        ("name", "毛澤東"),
        ("name", "尉健行"),
        ("email", "645879355@qq.com"),
    ]
    public = PublicData.of(names=["尉健行", "毛澤東"])
    found = [(f.type, f.start, f.end, f.text) for f in detect(text, public=public)]
    assert found == [("email", 43440, 43456, "645879355@qq.com")]
