"""The rules of 政务服务事项 / 办事指南, 便民地图 and 政府公报, declared once with their sources.

Sources (quoted beside each rule below):
- 办事指南 elements: 国务院办公厅《“互联网+政务服务”技术体系建设指南》(国办函〔2016〕108号),
  二、(一) 政务服务事项清单标准化 and 办事指南规范化 (名称, 编码, 设定依据, 受理条件, 申请材料,
  办理流程, 时限, 收费, 地点时间, 咨询监督方式); seed 001 (西市区2018年政务公开工作要点): "编制公开
  政务服务事项办事指南，制作流程图，提供格式文本、示范文本…下载服务"; seed 002: 公共服务目录
  with 项目名称、设立依据、收费标准、服务时限.
- A changed guide is public within 1 working day of the change's approval: seed 001, "办事条件
  发生变化时，要在完成审批程序后1个工作日内公开变更后的相关信息和具体实施时间". No national
  text setting this day was found in the project's material: it is the office's own rule taken
  from that local plan (clock rule ``service_guide_change`` in ``core/law.py``, 地方实践).
- 一次办 / 最多跑一次: seed 001, "制定公布‘一次办’事项清单" and "力争‘只进一扇门’‘最多跑一次’":
  the guides whose 到现场次数 is at most one.
- 网办深度: the four levels of 网上办理深度 named in 国办函〔2016〕108号 and used by the
  provincial 政务服务事项实施清单 (一级 … 四级, 四级 = 全程网办, no visit). The exact national
  wording was not found in the project's stored material; the labels below follow the usual
  实施清单 wording and the office may rename them in the catalogue.
- 便民网上地图: seed 004 (宁夏基层政务公开标准化试点, 7 innovations: …网上地图…).
  Coordinates are GCJ-02 (国测局坐标, the datum every map published in China must use under
  《测绘法》 and 《地图管理条例》第二十三条 on encrypted positions; Gaode, Tencent and the
  national 天地图 web tiles display GCJ-02 or CGCS2000 close to it).
- 政府公报: 《政府信息公开条例》第二十四条 (政府公报 is a channel of proactive disclosure) and
  第二十二条; seed 004 names the 公报 as a carrier. An issue (期) collects the normative
  documents (规章, 行政规范性文件) issued in its period.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# core/law.py holds the clock rule itself (1 working day, local practice per seed 001).
GUIDE_CHANGE_CLOCK_RULE = "service_guide_change"
GUIDE_CHANGE_SOURCE = "西市区2018年政务公开工作要点（种子文件001）：完成审批程序后1个工作日内公开"

# 一次办 / 最多跑一次 (seed 001): at most this many visits in person.
AT_MOST_ONE_VISIT = 1


class OnlineDepth(models.IntegerChoices):
    """网上办理深度 (国办函〔2016〕108号; provincial 实施清单 wording)."""

    ONE = 1, _("Level 1: guidance and enquiry online")
    TWO = 2, _("Level 2: forms and appointment online")
    THREE = 3, _("Level 3: application accepted online, at most one visit")
    FOUR = 4, _("Level 4: handled entirely online")


class MaterialForm(models.TextChoices):
    ORIGINAL = "original", _("Original")
    COPY = "copy", _("Copy")
    ORIGINAL_AND_COPY = "both", _("Original and copy")
    ELECTRONIC = "electronic", _("Electronic")


# The stored history and the files name a material's form in Chinese whatever the interface
# language (like the 权责清单's file columns).
MATERIAL_FORM_NAMES: dict[str, str] = {
    MaterialForm.ORIGINAL: "原件",
    MaterialForm.COPY: "复印件",
    MaterialForm.ORIGINAL_AND_COPY: "原件和复印件",
    MaterialForm.ELECTRONIC: "电子",
}


class FileKind(models.TextChoices):
    SAMPLE = "sample", _("Filled-in sample")
    BLANK = "blank", _("Blank form")


class PointKind(models.TextChoices):
    """The service points a public security bureau's map shows (seed 004, 便民网上地图)."""

    WINDOW = "window", _("Service window")
    POLICE_STATION = "station", _("Police station")
    SERVICE_CENTRE = "centre", _("Service centre")
    EXIT_ENTRY = "exit_entry", _("Exit-entry hall")
    VEHICLES = "vehicles", _("Vehicle administration hall")


# The datum of every coordinate we store and show.
DATUM = "GCJ-02"
# China's extent in degrees: a point outside is a typo (or WGS-84 swapped lat/lon).
LATITUDE_RANGE = (3.0, 54.0)
LONGITUDE_RANGE = (73.0, 136.0)
