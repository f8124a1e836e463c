"""严重错别字 on rendered pages: leaders' names next to a post they do not hold, a
misspelt leader's name after their post, and wrong forms of official terms.

Leaders come from two lists: the national leaders the office keeps (``NationalLeader``) and the body's own leaders (``listings.Leader``, in office).
A page's text is read without white space, so 国务院总理 李强 and 国务院总理李强 are one.

The lists themselves are tables the office keeps in the admin: national leaders
(``NationalLeader``: name, posts, in office, source, date checked) and wrong forms of
official terms (``TermForm``). Migration 0003 loads the starting lists: the posts elected
or decided at the 二十届一中全会 (23 October 2022) and the 十四届全国人大一次会议 (10–12 March
2023) as published by 新华社 and the 中国政府网 (www.gov.cn, 国务院 > 组织机构); the office
re-checks after each change of leadership. Only full posts are listed, plus 总书记, 总理,
副总理 and 委员长 (short forms that name one post): a bare 主席 or 书记 names many posts.
Former leaders are kept (not in office) so that older pages naming them with their post
of the time are not reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


@dataclass(frozen=True)
class Wrong:
    kind: str  # Kind.WRONG_TITLE, WRONG_NAME or WRONG_TERM
    text: str  # as the page has it
    correct: str


class Naming:
    """The known names, their posts and the wrong forms, compiled once per run."""

    def __init__(
        self,
        people: list[tuple[str, str]],
        terms: list[tuple[str, str]],
        *,
        exact_only: frozenset[str] = frozenset(),
    ) -> None:
        # Names only checked as written (the body's own leaders): their posts (局长, 主任)
        # are held by many people elsewhere, so a near miss is likely someone else.
        self.exact_only = exact_only
        # Posts in the order the lists give them: the first is the one a correction shows.
        self.titles_by_name: dict[str, dict[str, None]] = defaultdict(dict)
        for name, titles in people:
            if name:
                self.titles_by_name[name].update(dict.fromkeys(titles_of(titles)))
        self.holders: dict[str, list[str]] = defaultdict(list)
        for name, held in self.titles_by_name.items():
            for title in held:
                self.holders[title].append(name)
        # Longest first: 国务院副总理 is read before 副总理, 副总理 before 总理.
        ordered_titles = sorted(self.holders, key=len, reverse=True)
        ordered_names = sorted(self.titles_by_name, key=len, reverse=True)
        self.title_pattern = _alternation(ordered_titles)
        self.name_pattern = _alternation(ordered_names)
        self.names = ordered_names
        self.terms = [(wrong, right) for wrong, right in terms if wrong and wrong != right]

    def first_title(self, name: str) -> str:
        return next(iter(self.titles_by_name[name]))

    def check(self, text: str) -> list[Wrong]:
        text = _SPACE.sub("", text)
        found: dict[tuple[str, str], Wrong] = {}
        if self.title_pattern is not None:
            for match in self.title_pattern.finditer(text):
                for wrong in self._after_title(match.group(), text[match.end() : match.end() + 8]):
                    found.setdefault((wrong.kind, wrong.text), wrong)
        if self.name_pattern is not None and self.title_pattern is not None:
            for match in self.name_pattern.finditer(text):
                name = match.group()
                after = self.title_pattern.match(text, match.end())
                if after and after.group() not in self.titles_by_name[name]:
                    wrong = Wrong(
                        "wrong_title", name + after.group(), name + self.first_title(name)
                    )
                    found.setdefault((wrong.kind, wrong.text), wrong)
        for wrong_form, right in self.terms:
            if wrong_form in text:
                found.setdefault(("wrong_term", wrong_form), Wrong("wrong_term", wrong_form, right))
        return list(found.values())

    def _after_title(self, title: str, after: str) -> list[Wrong]:
        name = next((n for n in self.names if after.startswith(n)), None)
        if name is not None:
            if title in self.titles_by_name[name]:
                return []
            return [Wrong("wrong_title", title + name, self.first_title(name) + name)]
        wrongs = []
        # A near miss of a holder's name: same length, same surname, one character off.
        # Two-character names are left to the term table (one character off is often
        # another person).
        for holder in self.holders[title]:
            candidate = after[: len(holder)]
            if (
                len(holder) >= 3
                and holder not in self.exact_only
                and len(candidate) == len(holder)
                and candidate[0] == holder[0]
                and _CJK.match(candidate)
            ):
                if sum(a != b for a, b in zip(candidate, holder, strict=True)) == 1:
                    wrongs.append(Wrong("wrong_name", title + candidate, title + holder))
        return wrongs


def titles_of(text: str) -> list[str]:
    """The posts in a 、/，/, separated field, stripped, without empty ones."""
    for separator in ("，", ",", "；", ";", " "):
        text = text.replace(separator, "、")
    return [part.strip() for part in text.split("、") if part.strip()]


def _alternation(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(word) for word in words))


def naming_from_tables() -> Naming:
    from gongkai.listings.models import Leader
    from gongkai.monitor.models import NationalLeader, TermForm

    people = list(NationalLeader.objects.values_list("name", "titles"))
    national = frozenset(name for name, _titles in people)
    local = list(Leader.objects.filter(is_active=True).values_list("name", "title"))
    terms = list(TermForm.objects.filter(is_active=True).values_list("wrong", "correct"))
    return Naming(people + local, terms, exact_only=frozenset(n for n, _t in local) - national)


def describe(wrong: Wrong) -> str:
    return _("“%(text)s” should read “%(correct)s”") % {
        "text": wrong.text,
        "correct": wrong.correct,
    }
