"""The 权责清单's rules, declared once with their sources.

Sources:
- 中共中央办公厅 国务院办公厅《关于推行地方各级政府工作部门权力清单制度的指导意见》
  (中办发〔2015〕21号): every power with its 设定依据, 行使主体, 责任事项, 追责情形, 监督方式
  and 救济途径 is listed and published, and the list is adjusted dynamically (二、(四)(五)).
- The kinds of power: the ten categories the 指导意见 and the provincial 权责清单 templates use
  (行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他);
  seeds 000, 001 and 003 publish lists in these categories (seed 003: a list of 974 items).
"""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class PowerKind(models.TextChoices):
    LICENSING = "licensing", _("Administrative licensing")
    PENALTY = "penalty", _("Administrative penalty")
    COERCION = "coercion", _("Administrative coercion")
    LEVY = "levy", _("Administrative levy")
    BENEFIT = "benefit", _("Administrative benefit")
    INSPECTION = "inspection", _("Administrative inspection")
    CONFIRMATION = "confirmation", _("Administrative confirmation")
    REWARD = "reward", _("Administrative reward")
    ADJUDICATION = "adjudication", _("Administrative adjudication")
    OTHER = "other", _("Other administrative power")


# One 设定依据: the law's title in book-title marks, then the article(s): 《中华人民共和国居民
# 身份证法》第八条, 《出境入境管理法》第十二条第一款. Several are separated by line breaks or "；".
BASIS_PATTERN = re.compile(r"^《(?P<law>[^《》]{2,120})》\s*(?P<article>第.{1,60})$")
BASIS_SEPARATORS = re.compile(r"[\n；;]+")

# The 类型 column of an imported or exported list holds these names (the file format is
# Chinese whatever the interface language).
KIND_NAMES: dict[str, PowerKind] = {
    "行政许可": PowerKind.LICENSING,
    "行政处罚": PowerKind.PENALTY,
    "行政强制": PowerKind.COERCION,
    "行政征收": PowerKind.LEVY,
    "行政给付": PowerKind.BENEFIT,
    "行政检查": PowerKind.INSPECTION,
    "行政确认": PowerKind.CONFIRMATION,
    "行政奖励": PowerKind.REWARD,
    "行政裁决": PowerKind.ADJUDICATION,
    "其他": PowerKind.OTHER,
    "其他行政权力": PowerKind.OTHER,
}
