"""Import of existing documents (text, .docx, HTML): normalise, clean, then draft.

Clean-up steps, each reported:
* optional traditional → simplified conversion, only when ``opencc`` (the
  opencc-python-reimplemented package) is installed; otherwise the option is unavailable;
* the bracketed pinyin glosses after characters that scraped pages carry
  (政務(wù)公開 → 政務公開; seed 004);
* injected SEO spam (the 蜘蛛池 blocks hacked government sites carry, 国办秘函〔2019〕19号
  "严重问题"): spam lines at the top or bottom are quarantined (removed, kept in the report);
  spam inside the text refuses the whole file.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from pathlib import Path

from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.filebounds import check_text
from gongkai.privacy.extract import decode_text

IMPORTABLE = (".txt", ".docx", ".html", ".htm")
# A pinyin syllable with a tone mark in ASCII or full-width brackets: 務(wù), 開（kāi）. Not
# anchored to a Han character: in seed 004 a few follow characters garbled by the scrape.
PINYIN_GLOSS = re.compile(r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
# Vocabulary of the injected pornography/gambling spam (seed 004's first and last lines).
SPAM_TERMS = (
    "无码", "人妻", "久久", "精品", "熟妇", "午夜", "乱伦", "乱子伦", "一区二区", "毛片",
    "18禁", "调教", "高潮", "免费看", "成人", "亚洲", "欧美", "国产", "av", "片免费",
)  # fmt: skip
SPAM_MARKERS = ("蜘蛛池",)
SPAM_TERM_THRESHOLD = 3
# Spam this close to either end is treated as an injected header or footer.
EDGE_LINES = 3


def opencc_available() -> bool:
    return importlib.util.find_spec("opencc") is not None


@dataclasses.dataclass
class Cleaned:
    text: str
    glosses_removed: int = 0
    quarantined: list[str] = dataclasses.field(default_factory=list)
    converted: bool = False


def is_spam(line: str) -> bool:
    lowered = line.lower()
    if any(marker in line for marker in SPAM_MARKERS):
        return True
    return sum(1 for term in SPAM_TERMS if term in lowered) >= SPAM_TERM_THRESHOLD


def spam_lines(text: str) -> list[str]:
    """The lines of ``text`` that look like injected spam (the 蜘蛛池 pattern), as written."""
    return [line.strip() for line in text.splitlines() if line.strip() and is_spam(line)]


def read_document(name: str, content: bytes) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in IMPORTABLE:
        raise ServiceError(
            "unsupported_import",
            _("Import .txt, .docx or .html files (%(name)s).") % {"name": name},
        )
    if suffix == ".docx":
        from gongkai.proactive.services.items import file_text

        return file_text(suffix, content)
    try:
        text = decode_text(content)
    except UnicodeDecodeError:
        raise ServiceError(
            "unreadable_file",
            _("The file is neither UTF-8 nor GB18030 text (%(name)s).") % {"name": name},
        ) from None
    if suffix in (".html", ".htm"):
        text = _html_text(check_text(text))
    return check_text(text)


def _html_text(html: str) -> str:
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        raise ServiceError(
            "unreadable_file", _("The file could not be read; is it damaged?")
        ) from None
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for block in tree.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4|//tr"):
        block.tail = "\n" + (block.tail or "")
    return tree.text_content()


def clean_text(text: str, *, simplify: bool = False) -> Cleaned:
    """Normalise one document's text; raises ServiceError when spam sits inside the text."""
    if simplify and not opencc_available():
        raise ServiceError(
            "opencc_unavailable",
            _("Traditional-to-simplified conversion is not available on this installation."),
        )
    text = text.replace("\r\n", "\n").replace("\u3000", " ")
    text, glosses = PINYIN_GLOSS.subn("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    content = [i for i, line in enumerate(lines) if line.strip()]
    spam = [i for i in content if is_spam(lines[i])]
    edges = set(content[:EDGE_LINES] + content[-EDGE_LINES:])
    inside = [i for i in spam if i not in edges]
    if inside:
        raise ServiceError(
            "spam_inside",
            _("Refused: injected spam inside the text (line %(line)d). Check the source site.")
            % {"line": inside[0] + 1},
        )
    quarantined = [lines[i] for i in spam]
    kept = "\n".join(line for i, line in enumerate(lines) if i not in set(spam)).strip()
    if not kept:
        raise ServiceError("empty_document", _("Nothing is left to import."))
    converted = False
    if simplify:
        import opencc

        kept, converted = opencc.OpenCC("t2s").convert(kept), True
    return Cleaned(kept, glosses, quarantined, converted)


def title_of(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:300]
    return fallback


@dataclasses.dataclass
class ImportResult:
    name: str
    item: object = None
    created: bool = False
    glosses_removed: int = 0
    quarantined: list[str] = dataclasses.field(default_factory=list)
    error: str = ""


def document_import(
    *,
    actor,
    organisation,
    name: str,
    content: bytes,
    section: str,
    unit=None,
    simplify: bool = False,
    title: str = "",
    metadata: dict | None = None,
) -> ImportResult:
    """Import one file as a draft (the same file twice gives the same draft)."""
    import hashlib

    from gongkai.proactive.models import Item
    from gongkai.proactive.services.common import text_to_html
    from gongkai.proactive.services.items import ItemFields, item_create

    cleaned = clean_text(read_document(name, content), simplify=simplify)
    key = "import:" + hashlib.sha256(content).hexdigest()[:48]
    existing = Item.objects.filter(idempotency_key=key).first()
    fields = ItemFields(
        title=title or title_of(cleaned.text, Path(name).stem),
        section=section,
        body=text_to_html(cleaned.text),
        **(metadata or {}),
    )
    item = item_create(
        actor=actor,
        organisation=organisation,
        unit=unit,
        fields=fields,
        idempotency_key=key,
        start_clock=False,
    )
    return ImportResult(
        name=name,
        item=item,
        created=existing is None,
        glosses_removed=cleaned.glosses_removed,
        quarantined=cleaned.quarantined,
    )
