"""Reading a plan written as prose (工作要点 such as seed 001) into task rows.

No table: the 工作任务 part holds sections ``（一）履职行权公开`` and inside them numbered
items, each ending with its responsible units in brackets: ``(区发展改革委牵头;区财政局、
区城建局等配合)``. The numbers come out of OCR noisy (``l .``, ``2,``, ``3 ·``, ``4.``), an item
may run over several lines, and a paragraph without a number that ends with its own units is
a further task of the same item. Each bracket of units closes one task.

The units become the table's 负责单位 form (leads, a comma, co-responsible units) so the
same matcher reads them; the times named in the text become the 完成时间 phrase.
"""

from __future__ import annotations

import re

from gongkai.assessment.deadlines import Recurrence, deadline_parse, target_find
from gongkai.assessment.tables import MAX_ROWS, TableRow

# 一、工作任务 / 二 、保障措施: the parts of the plan; tasks are read in the 任务 part only.
PART = re.compile(r"^(?P<n>[一二三四五六七八九十]+)\s*、\s*(?P<title>\S.*)$")
SECTION = re.compile(r"^[(（]\s*(?P<n>[一二三四五六七八九十]+)\s*[)）]\s*(?P<title>.+)$")
# 1. 2, 3 · l . 4． 5、 — OCR reads 1 as l, I or |, and the dot as a comma or a middle dot.
ITEM = re.compile(r"^(?P<n>[0-9０-９lI|]{1,2})\s*[.,，、·．。](?!\d)\s*(?P<rest>.*)$")
# The units bracket at the end of a task: names of units, not a document number 〔2018〕.
UNITS = re.compile(r"[(（](?P<units>[^()（）〔〕]{2,80})[)）]\s*[。.]?\s*$")
UNIT_WORDS = re.compile(r"牵头|配合|参与|负责|部门|单位|[局办委室府]")
LEAD_WORDS = re.compile(r"(按照?(各自)?(职能|职责)(分工)?)?(分别)?(牵头|负责)$")
CO_WORDS = re.compile(r"(配合|参与)$")
OCR_DIGITS = str.maketrans("lI|０１２３４５６７８９", "1110123456789")
SENTENCE = re.compile(r"[。；;，,]")


def item_number(line: str) -> tuple[int, str] | None:
    """(number, the rest of the line) when a line starts a numbered item, else None."""
    match = ITEM.match(line.strip())
    if not match:
        return None
    return int(match["n"].translate(OCR_DIGITS)), match["rest"].strip()


def _names(clause: str) -> list[str]:
    """区卫计局、区环保局等相关部门 → [区卫计局, 区环保局, 相关部门]."""
    return [n.strip() for n in re.split(r"[、]|等", clause) if n.strip()]


def units_cell(bracket: str) -> str:
    """``区发展改革委牵头;区财政局、区国资委等配合`` → ``区发展改革委,区财政局、区国资委``: the
    table's form, leads before the comma. A clause naming no role (``区政府各部门``) leads."""
    leads: list[str] = []
    cos: list[str] = []
    for clause in re.split(r"[;；,，]", re.sub(r"\s+", "", bracket)):
        if not clause:
            continue
        if CO_WORDS.search(clause):
            cos += _names(CO_WORDS.sub("", clause))
        else:
            leads += _names(LEAD_WORDS.sub("", clause))
    cell = "、".join(leads)
    return f"{cell},{'、'.join(cos)}" if cos else cell


def deadline_phrase(text: str, plan_year: int) -> str:
    """The clauses of the task that name a time (年底前, 每月), each with the clauses right
    after it that state a measurable target (…,网上办结率达40%以上), joined; "" when none."""
    found = []
    after_time = False
    for clause in SENTENCE.split(re.sub(r"\s+", "", text)):
        deadline = deadline_parse(clause, plan_year=plan_year)
        if deadline.due_on or deadline.recurrence not in ("", Recurrence.ONGOING):
            found.append(clause)
            after_time = True
        elif after_time and target_find(clause):
            found.append(clause)
        else:
            after_time = False
    return "，".join(found)


def targets_in(text: str) -> str:
    """The measurable targets a task names without a time (…率不低于90%), joined with ；."""
    clauses = SENTENCE.split(re.sub(r"\s+", "", text))
    return "；".join(filter(None, (target_find(clause) for clause in clauses)))


def rows_from_prose(lines: list[str], *, plan_year: int) -> list[TableRow]:
    """One row per task of the 工作任务 part; [] when the text has no such items."""
    rows: list[TableRow] = []
    in_tasks = True  # a plan without parts (一、…) is all tasks
    part = ""
    section = ""
    item = 0
    pending: list[str] = []
    for raw in lines:
        line = re.sub(r"\s+", " ", raw.replace("\u3000", " ")).strip()
        if not line:
            continue
        heading_part = PART.match(line)
        if heading_part and not SECTION.match(line):
            in_tasks = "任务" in heading_part["title"]
            pending, section, item = [], "", 0
            part = f"{heading_part['n']}、{heading_part['title'].strip()}"
            continue
        if not in_tasks:
            continue
        heading = SECTION.match(line)
        if heading and not UNITS.search(line) and len(heading["title"]) <= 30:
            pending, section, item = [], f"（{heading['n']}）{heading['title'].strip()}", 0
            continue
        numbered = item_number(line)
        if numbered and section:
            item, line = numbered[0], numbered[1]
            pending = []
        if not section:
            continue
        pending.append(line)
        text = "".join(pending)
        units = UNITS.search(text)
        if units and UNIT_WORDS.search(units["units"]):
            task = text[: units.start()].strip()
            rows.append(
                TableRow(
                    line=len(rows) + 1,
                    task=task,
                    units=units_cell(units["units"]),
                    deadline=deadline_phrase(task, plan_year),
                    part=part,
                    section=section,
                    item=item,
                )
            )
            pending = []
            if len(rows) >= MAX_ROWS:
                break
    return rows
