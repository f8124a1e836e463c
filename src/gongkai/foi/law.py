"""Rules of disclosure on request declared once as data, each with its source.

Time limits live in ``gongkai.core.law.CLOCK_RULES`` (foi_reply, foi_supplement_notice,
foi_third_party, foi_other_agency, foi_fee_payment); this module holds what core does
not: the processing-fee tiers of 国办函〔2020〕109号 《政府信息公开信息处理费管理办法》
and the pausing rule for fee notices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

FEE_SOURCE = "国办函〔2020〕109号第四条"


@dataclass(frozen=True)
class Tier:
    """Units ``first``..``last`` (inclusive; ``last`` None = no upper end) cost ``rate`` 元 each."""

    first: int
    last: int | None
    rate: int


# 按量收费 (art. 4(1)): "30页以下（含30页）的，不收费；31—100页（含100页）的部分：10元/页；
# 101—200页（含200页）的部分：20元/页；200页以上的部分：40元/页". Each page costs its band's rate.
PAGE_TIERS: tuple[Tier, ...] = (
    Tier(1, 30, 0),
    Tier(31, 100, 10),
    Tier(101, 200, 20),
    Tier(201, None, 40),
)

# 按件收费 (art. 4(2)), same applicant, one calendar month: "10件以下（含10件）的，不收费；
# 11—30件（含30件）的部分：100元/件；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件".
APPLICATION_TIERS: tuple[Tier, ...] = (
    Tier(1, 10, 0),
    Tier(11, 30, 100),
)
# From the 31st application on: bands of 10, each 100 元 per application more than the last.
APPLICATION_BAND_START = 31
APPLICATION_BAND_WIDTH = 10
APPLICATION_BAND_STEP = 100


def _fee(tiers: tuple[Tier, ...], units: int) -> int:
    total = 0
    for tier in tiers:
        if units < tier.first:
            break
        upper = units if tier.last is None else min(units, tier.last)
        total += (upper - tier.first + 1) * tier.rate
    return total


def fee_per_pages(pages: int) -> int:
    """The fee in 元 for ``pages`` pages (progressive: each page at its band's rate)."""
    if pages < 0:
        raise ValueError("pages must be zero or positive")
    return _fee(PAGE_TIERS, pages)


def application_rate(ordinal: int) -> int:
    """What the ``ordinal``-th application of a calendar month costs, in 元."""
    if ordinal < 1:
        raise ValueError("ordinal starts at 1")
    if ordinal < APPLICATION_BAND_START:
        return _fee(APPLICATION_TIERS, ordinal) - _fee(APPLICATION_TIERS, ordinal - 1)
    band = (ordinal - APPLICATION_BAND_START) // APPLICATION_BAND_WIDTH + 1
    return APPLICATION_TIERS[-1].rate + band * APPLICATION_BAND_STEP


def fee_per_applications(count_in_month: int) -> int:
    """The total fee in 元 for ``count_in_month`` applications by one applicant in one month."""
    if count_in_month < 0:
        raise ValueError("count must be zero or positive")
    return sum(application_rate(n) for n in range(1, count_in_month + 1))


def fee_notice_pauses_clock() -> bool:
    # RULES.md "Processing fees": whether the notice pauses the reply period is not settled
    # nationally; configurable, paused by default.
    return getattr(settings, "GONGKAI_FOI_FEE_PAUSES_CLOCK", True)


# 条例 art. 39: 信访、投诉、举报 disguised as applications are not handled as applications.
# Words that flag a request for the handler's attention; the handler decides.
PETITION_KEYWORDS: tuple[str, ...] = ("信访", "举报", "投诉", "检举", "控告", "上访")

# Two descriptions at least this similar (difflib ratio) flag a possible repeated request
# (条例 art. 36(6)); the handler decides.
REPEAT_SIMILARITY = 0.8


# 条例 art. 30 asks for "合理的补正期限" without a number. The office sets a minimum (default
# 10 working days, issue 11 point 8 and common local practice); a shorter period needs a
# recorded reason. The maximum only catches typing errors.
SUPPLEMENT_MINIMUM_DAYS = 10
SUPPLEMENT_MINIMUM_DAYS_MAX = 60

# 条例 art. 31(3): an online application is received the day both sides confirm it. The
# Regulations set no time for staff to confirm; an unconfirmed application must not sit
# unseen, so the office confirms within this many working days of submission (office
# practice, configurable: GONGKAI_FOI_CONFIRM_WORKING_DAYS) and late ones are overdue.
CONFIRMATION_SOURCE = "条例 art. 31(3) (no national limit: office practice, configurable)"


def confirmation_working_days() -> int:
    return getattr(settings, "GONGKAI_FOI_CONFIRM_WORKING_DAYS", 3)


# Remedies every reply states, per outcome (RULES.md "Disclosure on request", last line).
# 《中华人民共和国行政复议法》 as revised on 2023-09-01, in force 2024-01-01:
#   art. 20 para. 1: review within 60 days of knowing of the act;
#   art. 23 para. 1 item (4): "申请政府信息公开，行政机关不予公开" must go to review first
#     ("应当先向行政复议机关申请行政复议，对行政复议决定不服的，可以再依法向人民法院提起行政诉讼");
#   art. 23 para. 2: the body tells the applicant so when it acts.
# 《中华人民共和国行政诉讼法》 art. 46 para. 1: a lawsuit within 6 months of knowing of the act;
#   art. 45: after a review decision, within 15 days of receiving it.
REVIEW_DAYS = 60
LITIGATION_MONTHS = 6
AFTER_REVIEW_DAYS = 15
REVIEW_FIRST_IN_FORCE = dt.date(2024, 1, 1)


@dataclass(frozen=True)
class RemedyRule:
    """Which remedies a reply offers for the outcomes it covers (codes or group prefixes)."""

    outcomes: tuple[str, ...]
    review_first: bool
    source: str

    def covers(self, outcome: str) -> bool:
        return any(
            outcome == o or (o.endswith(".") and outcome.startswith(o)) for o in self.outcomes
        )


REMEDY_RULES: tuple[RemedyRule, ...] = (
    # 不予公开 (report row 三（三）): review first.
    RemedyRule(("withheld.",), True, "《行政复议法》 (2023) art. 23 para. 1 item (4)"),
    # 部分公开 withholds the rest: for that part, review first too.
    RemedyRule(("partial",), True, "《行政复议法》 (2023) art. 23 para. 1 item (4)"),
)
# Every other outcome: review or lawsuit, as the applicant chooses.
REMEDY_CHOICE_SOURCE = "《行政复议法》 (2023) art. 20; 《行政诉讼法》 arts. 44, 46"

REMEDY_CHOICE = _(
    "If you disagree with this reply, you may apply to %(authority)s for administrative "
    "review within %(review_days)d days of the day you knew of it (Article 20 of the "
    "Administrative Review Law of the People's Republic of China), or bring an "
    "administrative lawsuit before %(court)s within %(litigation_months)d months of the day "
    "you knew of it (Article 46 of the Administrative Procedure Law of the People's Republic "
    "of China)."
)
REMEDY_REVIEW_FIRST = _(
    "If you disagree with the decision not to disclose, you must first apply to "
    "%(authority)s for administrative review within %(review_days)d days of the day you knew "
    "of it (Article 23 paragraph 1 item (4) and Article 20 of the Administrative Review Law "
    "of the People's Republic of China); if you disagree with the review decision, you may "
    "bring an administrative lawsuit before %(court)s within %(after_review_days)d days of "
    "receiving it (Article 45 of the Administrative Procedure Law of the People's Republic "
    "of China)."
)


def review_first(outcome: str, decided_on: dt.date | None = None) -> bool:
    """Whether the reply must send the applicant to review before any lawsuit."""
    if decided_on is not None and decided_on < REVIEW_FIRST_IN_FORCE:
        return False
    return any(rule.review_first and rule.covers(outcome) for rule in REMEDY_RULES)


def remedy_statement(
    outcome: str, *, authority: str, court: str, decided_on: dt.date | None = None
) -> str:
    """The remedy sentence of a reply with ``outcome``, naming the body's 复议机关 and court."""
    template = REMEDY_REVIEW_FIRST if review_first(outcome, decided_on) else REMEDY_CHOICE
    return str(template) % {
        "authority": authority,
        "court": court,
        "review_days": REVIEW_DAYS,
        "litigation_months": LITIGATION_MONTHS,
        "after_review_days": AFTER_REVIEW_DAYS,
    }
