"""The first text of sections 一, 五 and 六, written from the figures; staff edit it after.

Each figure comes from the platform (applications, replies, fees) or from a provider; a figure
whose provider is not connected is named with the note "数据来源尚未接入", never invented.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from gongkai.foi.models import Channel
from gongkai.reports.providers import ENQUIRY_CHANNEL_FIGURES, FIGURE_LABELS, FIGURE_SOURCES


def not_connected() -> str:
    return _("data source not connected yet")


def _overview(organisation, year: int, tables: dict) -> str:
    s3 = tables["section3"]
    channels = "、".join(
        _("%(channel)s %(count)d") % {"channel": label, "count": tables["channels"][code]}
        for code, label in Channel.choices
    )
    lines = [
        _(
            "This report is compiled under the Regulations on the Disclosure of Government "
            "Information. It covers %(year)d-01-01 to %(year)d-12-31 for %(body)s."
        )
        % {"year": year, "body": organisation.name},
        _(
            "In %(year)d we received %(received)d applications for disclosure (by channel: "
            "%(channels)s), carried over %(carried_in)d from the previous year, decided "
            "%(decided)d and carry %(carried_out)d into the next year."
        )
        % {
            "year": year,
            "received": s3["received"]["total"],
            "channels": channels,
            "carried_in": s3["carried_in"]["total"],
            "decided": s3["total"]["total"],
            "carried_out": s3["carried_out"]["total"],
        },
    ]
    lines += _figure_lines(tables)
    return "\n".join(lines)


def _figure_lines(tables: dict) -> list[str]:
    """A line per figure that is not zero; the zeros, and the figures whose source is not
    connected, each gathered in one sentence instead of a column of "0" lines."""
    lines, zeros, unknown = [], [], []
    absent = set(tables.get("absent_providers", []))
    for code, label in FIGURE_LABELS.items():
        if code in ENQUIRY_CHANNEL_FIGURES:
            continue  # said within the enquiries' sentence
        if code in tables["figures"]:
            if code == "enquiries" and tables["figures"][code]:
                lines.append(_enquiry_sentence(tables))
            elif tables["figures"][code]:
                lines.append(
                    _("%(figure)s: %(count)s.")
                    % {"figure": label, "count": tables["figures"][code]}
                )
            else:
                zeros.append(str(label))
        elif FIGURE_SOURCES[code] in absent:
            unknown.append(str(label))
    if zeros:
        lines.append(_("None this year: %(figures)s.") % {"figures": "、".join(zeros)})
    if unknown:
        lines.append(
            _("To be completed by the openness office (%(note)s): %(figures)s.")
            % {"note": not_connected(), "figures": "、".join(unknown)}
        )
    return lines


# How many of the enquiries' most frequent topics the sentence names (seed 003 八 names a few).
ENQUIRY_TOPICS_NAMED = 4


def _enquiry_sentence(tables: dict) -> str:
    """Seed 003 八: “共接受群众咨询N次（其中，96128政府信息查询专线3次，窗口现场咨询1次），咨询
    内容主要涉及户口迁移、身份证补领等方面。”, naming only the channels that had any and the
    register's most frequent topics (a report computed before topics were kept has none)."""
    figures = tables["figures"]
    channels = "，".join(
        _("%(channel)s: %(count)d enquiries") % {"channel": FIGURE_LABELS[c], "count": figures[c]}
        for c in ENQUIRY_CHANNEL_FIGURES
        if figures.get(c)
    )
    named = [row[0] for row in tables.get("topics", {}).get("enquiries", [])]
    values = {"year": tables["year"], "total": figures["enquiries"], "channels": channels}
    if named:
        values["topics"] = "、".join(named[:ENQUIRY_TOPICS_NAMED])
        return (
            _(
                "In %(year)d we answered %(total)d enquiries (%(channels)s), mostly about "
                "%(topics)s."
            )
            % values
        )
    return _("In %(year)d we answered %(total)d enquiries (%(channels)s).") % values


def _problems(tables: dict) -> str:
    replies = tables["replies"]
    return (
        _(
            "Of the replies sent this year, %(on_time)d were within the statutory period and "
            "%(late)d were late. Problems and the improvements planned: (to be completed by the "
            "openness office)."
        )
        % replies
    )


def _other_matters(tables: dict) -> str:
    fees = tables["fees_collected"]
    if fees:
        return _("Processing fees collected this year: %(amount)d yuan.") % {"amount": fees}
    return _("No processing fees were collected this year.")


def prefill(organisation, year: int, tables: dict) -> dict[str, str]:
    return {
        "overview": _overview(organisation, year, tables),
        "problems": _problems(tables),
        "other_matters": _other_matters(tables),
    }
