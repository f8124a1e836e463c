"""The real seed documents as negative text: nothing personal in them.

The package ships its own copies (proactive/data/seeds: 000–003; seed 004, the scraped page,
under proactive/tests/data), so these tests run in any clone."""

from pathlib import Path

import pytest

from gongkai.privacy import detect
from gongkai.privacy.detect import PublicData

PROACTIVE = Path(__file__).resolve().parents[2] / "proactive"
SEED_FOLDERS = (PROACTIVE / "data" / "seeds", PROACTIVE / "tests" / "data")


def _seed(prefix):
    (path,) = [p for folder in SEED_FOLDERS for p in folder.glob(f"{prefix}_*.txt")]
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
