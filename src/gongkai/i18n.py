"""Compile and check the translation catalogs without GNU gettext.

    python -m gongkai.i18n compile   write every locale/*/LC_MESSAGES/django.mo
    python -m gongkai.i18n check     fail when an entry is untranslated or fuzzy
    python -m gongkai.i18n words     fail when a label a person reads is not Chinese
                                     (msgids without a translation, ledger codes without a
                                     label, English admin labels and rule sources)

Msgids are English (the code's language); the Chinese UI lives in zh_Hans.
Extraction uses Django's ``makemessages`` (needs GNU gettext, a developer tool).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent


def catalogs() -> list[Path]:
    return sorted(ROOT.glob("**/locale/*/LC_MESSAGES/django.po"))


def read_catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def compile_catalogues(root: Path) -> list[Path]:
    """Write a django.mo beside every django.po under ``root``; the .mo paths written.

    Also the build hook of ``setup.py``: a built wheel carries the compiled catalogues,
    so ``pip install .`` gives the Chinese UI without a compile step.
    """
    written = []
    for path in sorted(root.glob("**/locale/*/LC_MESSAGES/django.po")):
        catalog = read_catalog(path)
        target = path.with_suffix(".mo")
        with target.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(target)
    return written


def compile_all() -> int:
    compile_catalogues(ROOT)
    return 0


def check_all() -> int:
    """Every entry translated, and no msgid translated two ways in two catalogs.

    Django merges all catalogs and the first app wins, so the same English msgid
    with different Chinese in two apps silently shows the wrong one in one of them
    (e.g. a status "Replied" shown as a column header "答复日期"): give such
    strings a context (pgettext) or the same translation.
    """
    problems = []
    seen: dict[tuple, tuple[str, Path]] = {}
    for path in catalogs():
        for message in read_catalog(path):
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            where = path.relative_to(ROOT)
            if message.fuzzy or not all(strings):
                problems.append(f"untranslated or fuzzy: {where}: {message.id!r}")
                continue
            key = (message.context, message.id if isinstance(message.id, str) else message.id[0])
            first = seen.setdefault(key, (strings[0], where))
            if first[0] != strings[0]:
                problems.append(
                    f"translated two ways: {key[1]!r} is {first[0]!r} in {first[1]} "
                    f"but {strings[0]!r} in {where}"
                )
    for line in problems:
        print(line)
    return 1 if problems else 0


def words_all() -> int:
    from gongkai.wordcheck import main as words

    return words()


def main(argv: list[str]) -> int:
    actions = {"compile": compile_all, "check": check_all, "words": words_all}
    if len(argv) != 1 or argv[0] not in actions:
        print(__doc__)
        return 2
    return actions[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
