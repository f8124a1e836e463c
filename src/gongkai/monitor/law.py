"""The government-website check thresholds the monitor applies, declared once with their
sources (RULES.md "Government website checks").

国办秘函〔2019〕19号 (《政府网站与政务新媒体检查指标》) keeps the single-veto (单项否决)
thresholds of the first national census of government websites (2015 普查); a site that
fails any one of them fails the check as a whole, so the workbench lists them first.
"""

from __future__ import annotations

from dataclasses import dataclass

CHECK_2019 = "国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》"
CENSUS_2015 = "《国务院办公厅关于开展第一次全国政府网站普查的通知》（国办发〔2015〕15号）"


@dataclass(frozen=True)
class Threshold:
    value: int
    unit: str  # "seconds", "days", "months", "columns", "percent"
    source: str
    note: str = ""


# 站点无法访问: opened 20+ times a day for a week, failing within 15 s in ≥ 5 % of checks.
PAGE_OPEN_SECONDS = Threshold(15, "seconds", CHECK_2019)
UNREACHABLE_SHARE_PERCENT = Threshold(5, "percent", CHECK_2019)
# 首页不更新: the home page not updated for 2 weeks.
HOME_STALE_DAYS = Threshold(14, "days", CHECK_2019)
# 栏目不更新: dynamic/news columns within 2 weeks, notice/policy columns within 6 months.
DYNAMIC_COLUMN_DAYS = Threshold(14, "days", CHECK_2019)
NOTICE_COLUMN_MONTHS = Threshold(6, "months", CHECK_2019)
# ... together ≥ 5 such columns fails.
STALE_COLUMNS_VETO = Threshold(5, "columns", CHECK_2019)
# ... or ≥ 10 columns "long" not updated. The indicator does not define "long": one year
# here, a local reading the office may change (not from the text).
LONG_STALE_DAYS = Threshold(365, "days", CHECK_2019, note="local reading of 长期未更新")
LONG_STALE_COLUMNS_VETO = Threshold(10, "columns", CHECK_2019)
# ... or ≥ 5 empty columns (栏目无内容).
EMPTY_COLUMNS_VETO = Threshold(5, "columns", CHECK_2019)
# 互动回应差: a valid message unanswered for over 3 months, within the past year: declared
# once in participation/law.py (SITE_CHECK_*), read by participation's site_check selector.
# 严重表述错误 / 安全问题: reactionary, violent or pornographic content or links, hacking
# (挂马, 篡改: injected links) left unhandled — a veto whatever their number.
SERIOUS_CONTENT_VETO = Threshold(1, "findings", CHECK_2019)

# Items without a publication date count as not updated (both documents).
UNDATED_COUNTS_AS_STALE = True

SOURCES = (CHECK_2019, CENSUS_2015)

# 严重表述错误 (a single veto of the same indicators): 严重错别字 such as a leader's name or
# post written wrong, or a wrong form of the country's or an organ's name.
SERIOUS_WORDING_VETO = Threshold(1, "findings", CHECK_2019, note="严重表述错误")
# Availability samples a day the check takes (it opens the site 20+ times a day).
SAMPLES_PER_DAY_MIN = Threshold(20, "samples", CHECK_2019)

# The single-veto indicators of the check, and the finding kinds (models.Kind values)
# that fail each: what the assessment reads (selectors.assessment_figures).
VETO_INDICATORS: dict[str, tuple[str, tuple[str, ...]]] = {
    "unreachable": ("站点无法访问", ("unreachable", "unavailable")),
    "home_stale": ("首页不更新", ("home_stale",)),
    "columns_stale": ("栏目不更新", ("columns_stale_total", "columns_empty_total")),
    "interaction": ("互动回应差", ("letter_unanswered",)),
    "wording": ("严重表述错误", ("wrong_title", "wrong_name", "wrong_term")),
    "security": (
        "安全问题",
        ("hidden_link", "foreign_link", "sensitive_word", "injected_text", "injected_link"),
    ),
}
