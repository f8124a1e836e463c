"""The real seed documents (shared/seeds) as negative text: nothing personal in them."""

from pathlib import Path

import pytest

from gongkai.privacy import detect

SEEDS = Path(__file__).resolve().parents[5] / "shared" / "seeds"


def _seed(prefix):
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not beside the checkout")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seed_documents_have_no_findings(prefix):
    assert detect(_seed(prefix)) == []


def test_seed_004_only_its_real_email():
    # The scraped page's footer carries a real QQ contact address: a true finding.
    text = _seed("004")
    found = [(f.type, f.start, f.end, f.text) for f in detect(text)]
    assert found == [("email", 43440, 43456, "645879355@qq.com")]
