"""The 政府网站工作年度报表 drafted from the platform's data (RULES.md: on the home page by
31 January). The table's fields follow the national form's sections; a field the platform
has no data for is left for the office to type by hand and marked so (``by_hand``).

Counts are of the calendar year: items published in it, letters received in it, and so
on. Rendered as a page, an .xlsx and a .docx from the same rows.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, F
from django.utils import timezone
from django.utils.translation import gettext as _

DUE = (1, 31)  # month, day of the following year


@dataclass(frozen=True)
class Row:
    section: str
    field: str
    value: str = ""
    by_hand: bool = False  # the platform has no data: the office types it


def due_on(year: int) -> dt.date:
    return dt.date(year + 1, *DUE)


def _span(year: int) -> tuple[dt.datetime, dt.datetime]:
    zone = timezone.get_current_timezone()
    return dt.datetime(year, 1, 1, tzinfo=zone), dt.datetime(year + 1, 1, 1, tzinfo=zone)


def _hand(section: str, field: str) -> Row:
    return Row(section, field, "", by_hand=True)


def rows(year: int) -> list[Row]:
    from gongkai.core.models import Organisation
    from gongkai.monitor.models import Alert, Finding, Run
    from gongkai.participation.models import Comment, Consultation, Letter
    from gongkai.portal.models import Column
    from gongkai.proactive.law import Section
    from gongkai.proactive.models import PUBLIC, Item

    since, until = _span(year)
    owner = Organisation.objects.filter(parent__isnull=True).order_by("id").first()
    items = Item.objects.filter(PUBLIC, published_at__gte=since, published_at__lt=until)
    letters = Letter.objects.filter(received_at__gte=since, received_at__lt=until)
    answered = letters.filter(answered_at__isnull=False)
    average = answered.aggregate(days=Avg(F("answered_at") - F("received_at")))["days"]
    consultations = Consultation.objects.filter(opens_on__year=year)
    runs = Run.objects.filter(status=Run.Status.DONE, finished_at__gte=since, finished_at__lt=until)
    base = [
        Row("基本信息", "网站名称", settings.GONGKAI_SITE_NAME, not settings.GONGKAI_SITE_NAME),
        Row(
            "基本信息",
            "首页网址",
            settings.GONGKAI_MONITOR_BASE_URL,
            not settings.GONGKAI_MONITOR_BASE_URL,
        ),
        Row("基本信息", "主办单位", owner.name if owner else "", owner is None),
        _hand("基本信息", "网站标识码"),
        _hand("基本信息", "ICP备案编号"),
        _hand("基本信息", "公安机关备案号"),
        _hand("访问情况", "独立用户访问总量（个）"),
        _hand("访问情况", "网站总访问量（次）"),
    ]
    count = items.count
    published = [
        Row("信息发布", "总数（条）", str(count())),
        Row(
            "信息发布",
            "其中：概况类信息（条）",
            str(items.filter(section=Section.FUNCTIONS).count()),
        ),
        _hand("信息发布", "其中：政务动态信息（条）"),
        Row("信息发布", "其中：信息公开目录信息（条）", str(count())),
        Row("专栏专题", "维护数量（个）", str(Column.objects.filter(is_active=True).count())),
        _hand("专栏专题", "新开设数量（个）"),
        Row(
            "解读回应",
            "解读信息发布总数（条）",
            str(items.filter(section=Section.INTERPRETATION).count()),
        ),
        Row(
            "解读回应",
            "回应公众关注热点或重大舆情数量（次）",
            str(items.filter(section=Section.OPINION_RESPONSE).count()),
        ),
        _hand("办事服务", "是否发布服务事项目录"),
        _hand("办事服务", "注册用户数（个）"),
        _hand("办事服务", "政务服务事项数量（项）"),
        _hand("办事服务", "可全程在线办理政务服务事项数量（项）"),
        _hand("办事服务", "办件量（件）"),
    ]
    interaction = [
        _hand("互动交流", "是否使用统一平台"),
        Row("互动交流", "留言办理：收到留言数量（条）", str(letters.count())),
        Row("互动交流", "留言办理：办结留言数量（条）", str(answered.count())),
        Row(
            "互动交流",
            "留言办理：平均办理时间（天）",
            f"{average.total_seconds() / 86400:.1f}" if average else "",
            average is None,
        ),
        Row(
            "互动交流", "留言办理：公开答复数量（条）", str(letters.filter(is_public=True).count())
        ),
        Row("互动交流", "征集调查：征集调查期数（期）", str(consultations.count())),
        Row(
            "互动交流",
            "征集调查：收到意见数量（条）",
            str(Comment.objects.filter(consultation__in=consultations).count()),
        ),
        Row(
            "互动交流",
            "征集调查：公布调查结果期数（期）",
            str(consultations.filter(report_published_at__isnull=False).count()),
        ),
        _hand("互动交流", "在线访谈：访谈期数（期）"),
        _hand("互动交流", "在线访谈：网民留言数量（条）"),
        _hand("互动交流", "在线访谈：答复网民提问数量（条）"),
    ]
    security = [
        Row("安全防护", "安全检测评估次数（次）", str(runs.count())),
        Row(
            "安全防护",
            "发现问题数量（个）",
            str(
                Finding.objects.filter(run__in=runs, is_veto=True)
                .values("kind", "url")
                .distinct()
                .count()
            ),
        ),
        Row(
            "安全防护",
            "问题整改数量（个）",
            str(Alert.objects.filter(closed_at__gte=since, closed_at__lt=until).count()),
        ),
        Row("安全防护", "是否建立安全监测预警机制", "是"),
        _hand("安全防护", "是否开展应急演练"),
        _hand("安全防护", "是否明确网站安全负责人"),
        _hand("移动新媒体", "是否有移动新媒体"),
        _hand("移动新媒体", "微博：名称、信息发布量、关注量"),
        _hand("移动新媒体", "微信：名称、信息发布量、订阅数"),
        _hand("移动新媒体", "其他"),
        _hand("创新发展", "搜索即服务"),
        _hand("创新发展", "多语言版本"),
        Row("创新发展", "无障碍浏览", "是（长者模式）"),
        _hand("创新发展", "千人千网"),
        _hand("创新发展", "其他"),
    ]
    return base + published + interaction + security


def title(year: int) -> str:
    return _("Government website yearly report %(year)d") % {"year": year}


def xlsx_bytes(year: int, table: list[Row]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = str(year)
    sheet.append([title(year)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([_("Section"), _("Field"), _("Value"), _("Source")])
    for row in table:
        sheet.append([row.section, row.field, row.value, _by(row)])
    for column, width in zip("ABCD", (14, 40, 24, 16), strict=True):
        sheet.column_dimensions[column].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx_bytes(year: int, table: list[Row]) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    document = Document()
    heading = document.add_paragraph()
    run = heading.add_run(title(year))
    run.bold = True
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "SimSun")
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    grid = document.add_table(rows=1, cols=4)
    grid.style = "Table Grid"
    for cell, text in zip(
        grid.rows[0].cells, [_("Section"), _("Field"), _("Value"), _("Source")], strict=True
    ):
        cell.text = text
    for row in table:
        cells = grid.add_row().cells
        for cell, text in zip(cells, [row.section, row.field, row.value, _by(row)], strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _by(row: Row) -> str:
    return _("typed by hand") if row.by_hand else _("from the platform")
