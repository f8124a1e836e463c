"""No code words on pages: the lint step behind ``python -m gongkai.i18n words``.

Every label a person reads is Chinese (CONVENTIONS; issue 16 point 3). Tests check the pages
the demo shows; this check reads the source, so a label no test visits fails ``make lint`` too:

* every msgid in the templates and the Python code has a Chinese translation in the merged
  zh_Hans catalogs (Django merges them; a msgid missing from all shows English on the page);
* every ledger action code and summary key written in the code has a label in
  ``core/vocabulary`` (the ledger page and its CSV/Excel exports show the labels);
* every model, field and choice the admin shows, every app and every role reads in Chinese;
* every rule's source, shown on clock and review pages, cites the law in Chinese
  (《政府信息公开条例》第三十三条第二款, not "art. 33 para. 2").
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent
HAN = re.compile(r"[\u3400-\u9fff]")
# An English citation of law: "art. 33", "para. 2", "Article 36(2)".
ENGLISH_CITATION = re.compile(r"\b(art|para|item)\.\s*\d|\bArticle\s+\d", re.IGNORECASE)
# Django's own gettext names plus the house's pgettext_lazy/ngettext.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
SKIP_PARTS = {"tests", "migrations", "locale", "static", "__pycache__"}


def _sources(suffix: str) -> Iterator[Path]:
    for path in sorted(ROOT.rglob(f"*{suffix}")):
        if not SKIP_PARTS.intersection(path.relative_to(ROOT).parts):
            yield path


def _extract(code: str) -> Iterator[tuple[str | None, str, int]]:
    """(context, msgid, line) of each gettext call in Python ``code``."""
    from babel.messages.extract import extract_python

    for line, _func, message, _comments in extract_python(
        io.BytesIO(code.encode("utf-8")), KEYWORDS, [], {"encoding": "utf-8"}
    ):
        # babel's stub says a message is str or tuple[list[str]]; it yields str or a
        # tuple of str (one per argument of ngettext/pgettext).
        parts = cast(tuple[str, ...], message if isinstance(message, tuple) else (message,))
        context: str | None = None
        if str(_func).startswith(("pgettext", "npgettext")):
            context, parts = parts[0], parts[1:]
        if parts and parts[0]:
            yield context, parts[0], line


def msgids() -> Iterator[tuple[Path, int, str | None, str]]:
    """Every msgid in the code and templates, where it is written."""
    from django.utils.translation.template import templatize

    for path in _sources(".py"):
        if path.name in ("wordcheck.py", "i18n.py"):
            continue
        for context, msgid, line in _extract(path.read_text(encoding="utf-8")):
            yield path, line, context, msgid
    for path in _sources(".html"):
        text = path.read_text(encoding="utf-8")
        if "{% load i18n" not in text and "{% trans" not in text:
            continue
        for context, msgid, line in _extract(templatize(text, origin=str(path))):
            yield path, line, context, msgid


def _translated() -> set[tuple[str | None, str]]:
    from gongkai.i18n import catalogs, read_catalog

    known = set()
    for path in catalogs():
        if "zh_Hans" not in path.parts:
            continue
        for message in read_catalog(path):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.id and all(strings) and not message.fuzzy:
                msgid = message.id if isinstance(message.id, str) else message.id[0]
                known.add((message.context, msgid))
    return known


def untranslated() -> list[str]:
    known = _translated()
    problems = []
    for path, line, context, msgid in msgids():
        # Templatize turns blocktranslate variables into %(name)s, as makemessages does.
        if (context, msgid) not in known and not HAN.search(msgid):
            where = path.relative_to(ROOT)
            problems.append(f"untranslated msgid: {where}:{line}: {msgid!r}")
    return problems


# --- ledger codes ---------------------------------------------------------------------------

ARGPARSE_ACTIONS = {"store", "store_true", "store_false", "append", "count", "version"}
ACTION_LITERAL = re.compile(r"\baction=\"([a-z][a-z0-9_.]*)\"")
ACTION_PREFIX = re.compile(r"\baction=f\"([a-z][a-z0-9_.]*)\{")
RECORD_CALL = re.compile(r"\b_?(?:record|log|ledger|_record_change)\w*\(")
SUMMARY_KEYS = re.compile(r"\bsummary=\{([^{}]*)\}", re.S)
KEY_LITERAL = re.compile(r"\"([a-z][a-z0-9_]*)\"\s*:")


def ledger_codes() -> tuple[set[str], set[str]]:
    """The action codes and summary keys the code writes to the ledger, as far as literals
    show them: ``action="foi.replied"``, or ``action="publish"`` in an app whose helper writes
    ``action=f"reports.{action}"`` (then any of that app's prefixes may be meant)."""
    actions: set[str] = set()
    keys: set[str] = set()
    for app in sorted(p for p in ROOT.iterdir() if p.is_dir() and (p / "apps.py").exists()):
        # Only modules that write the ledger: elsewhere action= is a privacy rule's or argparse's.
        texts = [
            text
            for path in _sources(".py")
            if app in path.parents
            and (
                "ledger_append" in (text := path.read_text(encoding="utf-8"))
                or "services" in path.parts
                or path.stem == "services"
            )
        ]
        prefixes = {m for text in texts for m in ACTION_PREFIX.findall(text)}
        for text in texts:
            for code in ACTION_LITERAL.findall(text):
                if code in ARGPARSE_ACTIONS:
                    continue
                # "comment.decide" in an app writing f"participation.{action}" is either.
                candidates = {p + code for p in prefixes}
                if "." in code or not prefixes:
                    candidates.add(code)
                actions.add("|".join(sorted(candidates)))
            for block in SUMMARY_KEYS.findall(text):
                keys.update(KEY_LITERAL.findall(block))
    return actions, keys


def unlabelled_codes() -> list[str]:
    from django.utils import translation

    from gongkai.core import vocabulary

    actions, keys = ledger_codes()
    problems = []
    with translation.override("zh-hans"):
        for alternatives in sorted(actions):
            codes = alternatives.split("|")
            if not any(vocabulary.action_label(code) != code for code in codes):
                problems.append(f"ledger action without a Chinese label: {' or '.join(codes)}")
        for key in sorted(keys):
            if key not in vocabulary._KEYS:
                problems.append(f"ledger summary key without a Chinese label: {key}")
    return problems


# --- admin labels and rule sources ----------------------------------------------------------


def _english(label) -> bool:
    text = str(label)
    return bool(text.strip()) and not HAN.search(text)


def _admin_fields(model_admin) -> set[str]:
    """The model fields an admin page shows: its columns, filters and form (all concrete
    fields unless ``fields`` names them, less ``exclude``)."""
    meta = model_admin.model._meta
    shown = {name for name in model_admin.list_display if isinstance(name, str)}
    shown |= {name for name in model_admin.list_filter if isinstance(name, str)}
    shown |= {name for name in model_admin.readonly_fields if isinstance(name, str)}
    if model_admin.fieldsets:
        for _title, options in model_admin.fieldsets:
            for name in options.get("fields", ()):
                shown |= set(name) if isinstance(name, (tuple, list)) else {name}
    elif model_admin.fields:
        shown |= set(model_admin.fields)
    else:
        shown |= {f.name for f in meta.concrete_fields if f.editable and not f.auto_created}
    shown -= set(model_admin.exclude or ())
    return {name for name in shown if name in {f.name for f in meta.get_fields()}}


def english_labels() -> list[str]:
    from django.apps import apps
    from django.contrib import admin
    from django.utils import translation

    from gongkai.core.models import Role

    problems = []
    with translation.override("zh-hans"):
        for config in apps.get_app_configs():
            if config.name.startswith("gongkai") and _english(config.verbose_name):
                problems.append(f"app label in English: {config.label}: {config.verbose_name}")
        for model, model_admin in admin.site._registry.items():
            meta = model._meta
            if not meta.app_config.name.startswith(("gongkai", "django.contrib.auth")):
                continue  # a library's own admin (the task queue's results)
            for label in (meta.verbose_name, meta.verbose_name_plural):
                if _english(label):
                    problems.append(f"admin model label in English: {meta.label}: {label}")
            for name in sorted(_admin_fields(model_admin)):
                field = meta.get_field(name)
                field_label = getattr(field, "verbose_name", "")
                if _english(field_label):
                    problems.append(
                        f"admin field label in English: {meta.label}.{name}: {field_label}"
                    )
                for _value, label in getattr(field, "flatchoices", None) or ():
                    if _english(label):
                        problems.append(f"admin choice in English: {meta.label}.{name}: {label}")
        for _value, label in Role.choices:
            if _english(label):
                problems.append(f"role label in English: {label}")
    return problems


def _english_citation(source: str) -> bool:
    return bool(source) and (not HAN.search(source) or bool(ENGLISH_CITATION.search(source)))


def english_rule_sources() -> list[str]:
    """The ``source`` of every rule declared in an app's ``law`` module."""
    import dataclasses
    import importlib

    from django.apps import apps

    problems = []
    for config in apps.get_app_configs():
        if not config.name.startswith("gongkai"):
            continue
        try:
            law = importlib.import_module(f"{config.name}.law")
        except ModuleNotFoundError:
            continue
        for name, value in vars(law).items():
            if name.endswith(("SOURCE", "SOURCES")):  # a citation or a table of them
                for source in value.values() if isinstance(value, dict) else [value]:
                    if isinstance(source, str) and _english_citation(source):
                        problems.append(
                            f"source not in Chinese: {config.name}.law.{name}: {source}"
                        )
                continue
            rules = value.values() if isinstance(value, dict) else value
            if not isinstance(rules, (tuple, list, dict, type({}.values()))):
                continue
            for rule in rules:
                if not dataclasses.is_dataclass(rule) or not type(rule).__name__.endswith("Rule"):
                    continue
                source = str(getattr(rule, "source", "") or "")
                if _english_citation(source):
                    problems.append(
                        f"rule source not in Chinese: {config.name}.law.{name}: {source}"
                    )
    return sorted(set(problems))


def check() -> list[str]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()
    return untranslated() + unlabelled_codes() + english_labels() + english_rule_sources()


def main() -> int:
    problems = check()
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} labels a person would read are not in Chinese.")
    return 1 if problems else 0
