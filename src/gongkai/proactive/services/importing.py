"""Import of existing documents (text, .docx, HTML): normalise, clean, then draft.

Clean-up steps, each reported:
* optional traditional → simplified conversion, only when ``opencc`` (the
  opencc-python-reimplemented package) is installed; otherwise the option is unavailable;
* the bracketed pinyin glosses after characters that scraped pages carry
  (政務(wù)公開 → 政務公開; seed 004);
* injected SEO spam (the 蜘蛛池 blocks hacked government sites carry, 国办秘函〔2019〕19号
  "严重问题"): spam lines at the top or bottom are quarantined (removed, kept in the report);
  spam inside the text refuses the whole file;
* the furniture of the web page a document was copied from (日期:… 来源:… 作者:… 文字:【大 中 小】,
  [发布时间:…][阅读次数:…], 打印本页 关闭本页, 本文由转载于互联网…): matched by ``FURNITURE`` on
  the first and last lines only, removed and reported; the page's publication date is kept;
* a table flattened one cell per line (the annex 重点任务分解表 of seed 000: 序号, the headers,
  then rows numbered 1, 2, 3 …) is rebuilt as an HTML table.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.clockmath import CHINA
from gongkai.core.errors import ServiceError
from gongkai.core.filebounds import check_text
from gongkai.core.models import Organisation
from gongkai.core.types import Actor
from gongkai.privacy.extract import decode_text

if TYPE_CHECKING:  # the models import is left to the functions that write
    from gongkai.proactive.models import Item

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


# Web-page furniture (seeds 000, 001, 003), matched on a whole stripped line. ``at`` captures
# the page's publication time when the line carries one.
_TIME = r"(?P<at>\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)"
FURNITURE = tuple(
    re.compile(pattern)
    for pattern in (
        rf"^(?:发布)?日期\s*[:：]\s*{_TIME}$",  # 000: 日期:2017-06-26 17:58:24
        rf"^\[?\s*发布时间\s*[:：]\s*{_TIME}\s*\]?\s*(?:\[\s*阅读次数.*\])?$",  # 001
        r"^(?:来源|作者|编辑|责任编辑|信息来源)\s*[:：].{0,40}$",  # 000: 来源:本网-湛江市公安局
        r"^文字\s*[:：]?\s*【.{0,12}$",  # 000: 文字:【 (大 中 小】 lost in the copy)
        r"^.{0,10}【\s*大\s*中\s*小\s*】.{0,10}$",
        r"^\[?\s*(?:阅读|浏览|点击)(?:次数|量)?\s*[:：].{0,20}$",
        r"^不支持\s*Flash$",  # 001: the page's banner
        r"^(?:\[?\s*(?:打印本页|关闭本页|打印|关闭窗口|关闭|返回顶部|【打印】|【关闭】)\s*\]?\s*)+$",
        r"^本文由?转载于互联网.{0,30}$",  # 003: the copying site's notice
        r"^(?:当前位置|您现在的位置|您的位置)\s*[:：].{0,80}$",
        r"^(?:通知公告|工作动态|新闻动态|政务动态|信息公开|首页)$",  # 001: the column name
    )
)
# Furniture is looked for among the first and last non-empty lines only: inside the text the
# same words may be content.
FURNITURE_HEAD_LINES = 8
FURNITURE_TAIL_LINES = 4


def is_furniture(line: str) -> bool:
    return any(pattern.match(line.strip()) for pattern in FURNITURE)


def _page_time(line: str) -> dt.datetime | None:
    for pattern in FURNITURE:
        match = pattern.match(line.strip())
        if match and match.groupdict().get("at"):
            text = re.sub(r"\s+", " ", match.group("at"))
            for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
                try:
                    return dt.datetime.strptime(text, fmt).replace(tzinfo=CHINA)
                except ValueError:
                    continue
    return None


def strip_furniture(lines: list[str]) -> tuple[list[str], list[str], dt.datetime | None]:
    """The lines without the web page's furniture, the furniture removed, and the page's
    publication time (China time, as the page shows it) when a furniture line gave it."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    edges = content[:FURNITURE_HEAD_LINES] + content[-FURNITURE_TAIL_LINES:]
    furniture = sorted({i for i in edges if is_furniture(lines[i])})
    published = next((t for i in furniture if (t := _page_time(lines[i]))), None)
    kept = [line for i, line in enumerate(lines) if i not in set(furniture)]
    return kept, [lines[i].strip() for i in furniture], published


# A flattened table: a header cell 序号, the other header cells, then rows each starting with
# the next number (seed 000's annex). At most 8 columns; at least two rows.
TABLE_FIRST_HEADER = "序号"
TABLE_MAX_COLUMNS = 8


def _table_at(cells: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """The table whose 序号 header is ``cells[start]``: its rows (headers first) and the
    index after it, or None when the cells that follow are not numbered rows."""
    try:
        width = cells.index("1", start) - start
    except ValueError:
        return None
    if not 2 <= width <= TABLE_MAX_COLUMNS:
        return None
    rows = [cells[start : start + width]]
    at, number = start + width, 1
    while at + width <= len(cells) and cells[at] == str(number):
        row = cells[at : at + width]
        if any(cell in (str(number + 1), TABLE_FIRST_HEADER) for cell in row[1:]):
            break  # a short row: the next number arrived early; stop before it
        rows.append(row)
        at, number = at + width, number + 1
    return (rows, at) if len(rows) >= 3 else None


def text_blocks(text: str) -> list[str | list[list[str]]]:
    """The text as paragraphs (str) and tables (rows of cells, headers first)."""
    cells = [line.strip() for line in text.splitlines() if line.strip()]
    blocks: list[str | list[list[str]]] = []
    i = 0
    while i < len(cells):
        table = _table_at(cells, i) if cells[i] == TABLE_FIRST_HEADER else None
        if table is None:
            blocks.append(cells[i])
            i += 1
        else:
            blocks.append(table[0])
            i = table[1]
    return blocks


def text_to_body(text: str) -> str:
    """Paragraphs and tables as the item body's HTML (sanitised again by the item service)."""
    parts = []
    for block in text_blocks(text):
        if isinstance(block, str):
            parts.append(f"<p>{escape(block)}</p>")
            continue
        head = "".join(f"<th>{escape(c)}</th>" for c in block[0])
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block[1:]
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return "".join(parts)


def opencc_available() -> bool:
    return importlib.util.find_spec("opencc") is not None


@dataclasses.dataclass
class Cleaned:
    text: str
    glosses_removed: int = 0
    quarantined: list[str] = dataclasses.field(default_factory=list)
    converted: bool = False
    furniture: list[str] = dataclasses.field(default_factory=list)
    page_published_at: dt.datetime | None = None  # as the source page showed it


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
    text: str = tree.text_content()  # lxml has no type information
    return text


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
    lines = [line for i, line in enumerate(lines) if i not in set(spam)]
    lines, furniture, published = strip_furniture(lines)
    kept = "\n".join(lines).strip()
    if not kept:
        raise ServiceError("empty_document", _("Nothing is left to import."))
    converted = False
    if simplify:
        import opencc

        kept, converted = opencc.OpenCC("t2s").convert(kept), True
    return Cleaned(kept, glosses, quarantined, converted, furniture, published)


def title_of(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:300]
    return fallback


@dataclasses.dataclass
class ImportResult:
    name: str
    item: Item
    created: bool = False
    glosses_removed: int = 0
    quarantined: list[str] = dataclasses.field(default_factory=list)
    error: str = ""
    furniture: list[str] = dataclasses.field(default_factory=list)
    page_published_at: dt.datetime | None = None


def document_import(
    *,
    actor: Actor,
    organisation: Organisation,
    name: str,
    content: bytes,
    section: str,
    unit: Organisation | None = None,
    simplify: bool = False,
    title: str = "",
    metadata: dict[str, Any] | None = None,
    published_at: dt.datetime | None = None,
) -> ImportResult:
    """Import one file as a draft (the same file twice gives the same draft).

    A document that was public before (an earlier publication on another site) keeps that
    date as its publication date: ``published_at``, else the date its page showed (日期:…,
    发布时间:… in the furniture, China time). Publishing the draft keeps it."""
    import hashlib

    from django.db import transaction

    from gongkai.proactive.models import Item, Status
    from gongkai.proactive.services.common import record
    from gongkai.proactive.services.items import ItemFields, item_create

    cleaned = clean_text(read_document(name, content), simplify=simplify)
    key = "import:" + hashlib.sha256(content).hexdigest()[:48]
    existing = Item.objects.filter(idempotency_key=key).first()
    fields = ItemFields(
        title=title or title_of(cleaned.text, Path(name).stem),
        section=section,
        body=text_to_body(cleaned.text),
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
    earlier = published_at or cleaned.page_published_at
    if earlier is not None and existing is None:
        if earlier > timezone.now():
            raise ServiceError("date_in_future", _("The publication date is in the future."))
        with transaction.atomic():
            Item.objects.filter(pk=item.pk, status=Status.DRAFT).update(published_at=earlier)
            item.published_at = earlier
            record(
                item,
                actor=actor,
                action="import",
                summary={"file": name, "published_at": earlier, "furniture": cleaned.furniture},
            )
    return ImportResult(
        name=name,
        item=item,
        created=existing is None,
        glosses_removed=cleaned.glosses_removed,
        quarantined=cleaned.quarantined,
        furniture=cleaned.furniture,
        page_published_at=cleaned.page_published_at,
    )
