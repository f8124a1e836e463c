"""Splitting a draft into its headings, articles (第一条…) and paragraphs.

As CONSUL and Decidim do for legislation, every article (or, in a text without
articles, every paragraph) becomes an anchor a comment can point to. Lines that
start an article (第X条) open a new article; 第X章 / 第X节 lines are headings; other
lines continue the current article. A text with no 第X条 line is split into paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMERAL = "[一二三四五六七八九十百千零〇两0-9０-９]+"
ARTICLE = re.compile(rf"^\s*(第{_NUMERAL}条)[\s　]*(.*)$")
HEADING = re.compile(rf"^\s*(第{_NUMERAL}[章节编])[\s　]*(.*)$")


@dataclass(frozen=True)
class Part:
    kind: str  # "heading", "article" or "paragraph" (Provision.Kind values)
    label: str
    text: str


def split_draft(text: str) -> list[Part]:
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not any(ARTICLE.match(line) for line in lines):
        return [Part("paragraph", f"¶{n}", line) for n, line in enumerate(lines, start=1)]
    parts: list[Part] = []
    preamble: list[str] = []
    for line in lines:
        if heading := HEADING.match(line):
            parts.append(Part("heading", heading.group(1), line))
        elif article := ARTICLE.match(line):
            parts.append(Part("article", article.group(1), line))
        elif parts and parts[-1].kind == "article":
            last = parts[-1]
            parts[-1] = Part("article", last.label, f"{last.text}\n{line}")
        else:
            preamble.append(line)
    prefix = [Part("heading", "", line) for line in preamble]
    return prefix + parts
