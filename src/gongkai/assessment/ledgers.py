"""The 台账 an inspector asks for, per body and year, declared once: title, columns and the
rows, read from each app's records. Each is offered as xlsx and as a print view, and all
of them as one zip with an index sheet (``bundle_zip``, built in the background).

Seed 003 九、(三) lists the ledgers a body keeps (规章制度、依申请公开办理、在线咨询、96128
专线、新闻发布、网站管理 …); seed 000 adds 保密审查 (先审查、后公开、一事一审) and 舆情回应;
seed 001 意见征集 and 建议提案 replies.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from gongkai.core.access import body_and_descendants
from gongkai.core.clockmath import CHINA
from gongkai.core.models import Organisation

Rows = Iterable[list]


@dataclass(frozen=True)
class Ledger:
    code: str
    title: object  # a lazy translation
    columns: Callable[[], list[str]]
    rows: Callable[[Organisation, int], Rows]


def _day(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _name(user) -> str:
    if user is None:
        return ""
    profile = getattr(user, "staff_profile", None)
    return profile.full_name if profile else user.get_username()


def _bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime(year, 1, 1, tzinfo=CHINA), dt.datetime(year + 1, 1, 1, tzinfo=CHINA)


def _tree(body: Organisation) -> list[int]:
    return body_and_descendants(body)


# --- the ledgers -----------------------------------------------------------------------


def proactive_rows(body: Organisation, year: int) -> Rows:
    from gongkai.proactive.models import Item

    start, end = _bounds(year)
    items = (
        Item.objects.filter(
            organisation_id__in=_tree(body), published_at__gte=start, published_at__lt=end
        )
        .select_related("unit")
        .order_by("published_at", "id")
    )
    for n, item in enumerate(items.iterator(chunk_size=500), start=1):
        yield [
            n,
            item.index_number,
            item.public_title or item.title,
            item.document_number,
            item.unit.name if item.unit else "",
            item.get_section_display(),
            item.carriers,
            _day(item.published_at),
            item.get_status_display(),
        ]


def foi_rows(body: Organisation, year: int) -> Rows:
    from gongkai.foi.models import Request
    from gongkai.foi.models.letters import Letter, LetterKind

    requests = list(
        Request.objects.filter(organisation_id__in=_tree(body), received_on__year=year)
        .select_related("unit")
        .order_by("received_on", "id")
    )
    replies = {
        letter.request_id: letter
        for letter in Letter.objects.filter(request__in=requests, kind=LetterKind.REPLY).order_by(
            "issued_on", "id"
        )
    }
    for n, request in enumerate(requests, start=1):
        reply = replies.get(request.pk)
        yield [
            n,
            request.code,
            request.applicant_name,
            request.get_channel_display(),
            request.description,
            _day(request.received_on),
            request.get_status_display(),
            request.get_outcome_display() if request.outcome else "",
            reply.number if reply else "",
            _day(request.replied_on),
            reply.get_delivery_method_display() if reply and reply.delivery_method else "",
            _day(reply.delivered_on) if reply else "",
            request.unit.name if request.unit else "",
        ]


def secrecy_rows(body: Organisation, year: int) -> Rows:
    from gongkai.proactive.law import ReviewKind
    from gongkai.proactive.models import ReviewDecision

    start, end = _bounds(year)
    decisions = (
        ReviewDecision.objects.filter(
            item__organisation_id__in=_tree(body),
            kind=ReviewKind.SECRECY,
            at__gte=start,
            at__lt=end,
        )
        .select_related("item", "actor__staff_profile")
        .order_by("at", "id")
    )
    for n, decision in enumerate(decisions, start=1):
        yield [
            n,
            decision.item.index_number,
            decision.item.title,
            decision.round,
            decision.get_decision_display(),
            decision.comment,
            _name(decision.actor),
            _day(decision.at),
        ]


def interpretation_rows(body: Organisation, year: int) -> Rows:
    from gongkai.proactive.models import Item

    start, end = _bounds(year)
    items = (
        Item.objects.filter(
            organisation_id__in=_tree(body),
            interprets__isnull=False,
            published_at__gte=start,
            published_at__lt=end,
        )
        .select_related("interprets", "interpretation_clock", "interprets__interpretation_clock")
        .order_by("published_at", "id")
    )
    for n, item in enumerate(items, start=1):
        source = item.interprets
        assert source is not None  # the filter above: interprets__isnull=False
        clock = source.interpretation_clock or item.interpretation_clock
        due = clock.due_on if clock else None
        published = timezone.localdate(item.published_at) if item.published_at else None
        yield [
            n,
            source.title,
            _day(source.published_at),
            item.public_title or item.title,
            item.get_interpretation_form_display() if item.interpretation_form else "",
            _day(item.published_at),
            _day(due),
            _("late") if due and published and published > due else _("on time") if due else "",
        ]


def consultation_rows(body: Organisation, year: int) -> Rows:
    from gongkai.participation.models import Consultation

    items = (
        Consultation.objects.filter(organisation_id__in=_tree(body), opens_on__year=year)
        .select_related("unit")
        .order_by("opens_on", "id")
    )
    for n, c in enumerate(items, start=1):
        yield [
            n,
            c.title,
            c.get_kind_display(),
            c.unit.name if c.unit else "",
            _day(c.opens_on),
            _day(c.closes_on),
            c.comments.count(),
            c.get_status_display(),
            _day(c.report_published_at),
        ]


def incident_rows(body: Organisation, year: int) -> Rows:
    from gongkai.participation.models import Incident

    start, end = _bounds(year)
    incidents = (
        Incident.objects.filter(
            organisation_id__in=_tree(body), first_seen_at__gte=start, first_seen_at__lt=end
        )
        .prefetch_related("responses")
        .order_by("first_seen_at", "id")
    )
    for n, incident in enumerate(incidents, start=1):
        responses = sorted(incident.responses.all(), key=lambda r: r.at)
        first = responses[0] if responses else None
        yield [
            n,
            incident.title,
            incident.get_source_display(),
            incident.get_severity_display(),
            _day(incident.first_seen_at),
            _day(first.at) if first else "",
            first.summary if first else "",
            len(responses),
            incident.get_status_display(),
        ]


def mailbox_rows(body: Organisation, year: int) -> Rows:
    from gongkai.participation.models import Letter

    start, end = _bounds(year)
    letters = (
        Letter.objects.filter(
            organisation_id__in=_tree(body), received_at__gte=start, received_at__lt=end
        )
        .select_related("category", "unit")
        .order_by("received_at", "id")
    )
    for n, letter in enumerate(letters, start=1):
        yield [
            n,
            letter.code,
            letter.category.name,
            letter.subject,
            letter.writer_name,
            _day(letter.received_at),
            _day(letter.due_on),
            _day(letter.answered_at),
            letter.unit.name if letter.unit else "",
            letter.get_status_display(),
        ]


def proposal_rows(body: Organisation, year: int) -> Rows:
    from gongkai.participation.models import Proposal

    proposals = (
        Proposal.objects.filter(organisation_id__in=_tree(body), received_on__year=year)
        .select_related("unit")
        .order_by("received_on", "id")
    )
    for n, p in enumerate(proposals, start=1):
        yield [
            n,
            p.get_kind_display(),
            p.session,
            p.number,
            p.title,
            p.proposers,
            p.unit.name if p.unit else "",
            _day(p.due_on),
            _day(p.replied_on),
            _day(p.published_at) or p.withheld_reason,
        ]


def training_rows(body: Organisation, year: int) -> Rows:
    from gongkai.assessment.models import Training

    for n, t in enumerate(
        Training.objects.filter(organisation_id__in=_tree(body), held_on__year=year).order_by(
            "held_on", "id"
        ),
        start=1,
    ):
        yield [n, t.get_kind_display(), t.title, _day(t.held_on), t.attendees, t.note]


def enquiry_rows(body: Organisation, year: int) -> Rows:
    from gongkai.assessment.models import Enquiry

    enquiries = Enquiry.objects.filter(
        organisation_id__in=_tree(body), received_on__year=year
    ).order_by("received_on", "id")
    for n, e in enumerate(enquiries.iterator(chunk_size=2000), start=1):
        yield [n, _day(e.received_on), e.get_channel_display(), e.topic]


def task_rows(body: Organisation, year: int) -> Rows:
    from gongkai.assessment.models import Task, TaskUnit

    tasks = (
        Task.objects.filter(plan__organisation=body, plan__year__lte=year)
        .select_related("plan")
        .prefetch_related("assignments__organisation", "progress")
        .order_by("plan_id", "number")
    )
    for n, task in enumerate(tasks, start=1):
        latest = next(iter(task.progress.all()), None)
        yield [
            n,
            task.plan.title,
            task.number,
            " ".join(filter(None, [task.reference, task.section])),
            task.text,
            "、".join(
                a.organisation.name for a in task.assignments.all() if a.role == TaskUnit.Role.LEAD
            ),
            task.deadline_text,
            _day(task.due_on),
            task.get_status_display(),
            latest.text if latest else "",
        ]


N = gettext_lazy("No.")
LEDGERS: tuple[Ledger, ...] = (
    Ledger("zdgk", gettext_lazy("Proactive disclosure"), lambda: [
        _("No."), _("Index number"), _("Title"), pgettext("information item", "Document number"), _("Unit"),
        _("Catalogue section"), _("Carriers"), _("Published at"), _("Status")], proactive_rows),
    Ledger("ysqgk", gettext_lazy("Disclosure on request"), lambda: [
        _("No."), _("Tracking code"), _("Applicant"), _("Channel"), _("Information sought"),
        _("Received on"), _("Status"), _("Outcome"), _("Reply letter number"), _("Replied on"),
        _("Delivery method"), _("Delivered on"), _("Unit")], foi_rows),
    Ledger("bmsc", gettext_lazy("Secrecy review"), lambda: [
        _("No."), _("Index number"), _("Title"), _("Review round"), _("Decision"),
        _("Explanation"), _("Reviewer"), _("Reviewed at")], secrecy_rows),
    Ledger("zcjd", gettext_lazy("Policy interpretation"), lambda: [
        _("No."), _("Policy document"), _("Document published at"), _("Interpretation"),
        _("Form"), _("Interpretation published at"), _("Due on"), _("On time")],
        interpretation_rows),
    Ledger("yjzj", gettext_lazy("Public consultation"), lambda: [
        _("No."), _("Title"), _("Kind"), _("Unit"), _("Opens on"), _("Closes on"),
        _("Comments"), _("Status"), _("Adoption report published at")], consultation_rows),
    Ledger("yqhy", gettext_lazy("Public opinion responses"), lambda: [
        _("No."), _("Title"), _("Origin"), _("Severity"), _("First seen at"),
        _("First response at"), _("First response"), _("Responses"), _("Status")],
        incident_rows),
    Ledger("xx", gettext_lazy("Mailbox"), lambda: [
        _("No."), _("Tracking code"), _("Category"), _("Subject"), _("Writer"),
        _("Received at"), _("Reply due on"), _("Answered at"), _("Unit"), _("Status")],
        mailbox_rows),
    Ledger("jyta", gettext_lazy("Deputies' proposals"), lambda: [
        _("No."), _("Kind"), _("Session"), _("Proposal number"), _("Title"), _("Proposers"),
        _("Unit"), _("Reply due on"), _("Replied on"), _("Published or why not")],
        proposal_rows),
    Ledger("pxhy", gettext_lazy("Training and meetings"), lambda: [
        _("No."), _("Kind"), _("Title"), _("Date"), _("Attendees"), _("Note")], training_rows),
    Ledger("zx", gettext_lazy("Enquiries by phone and at the counter"), lambda: [
        _("No."), _("Date"), _("Enquiry channel"), _("What it was about")], enquiry_rows),
    Ledger("rw", gettext_lazy("Plan tasks"), lambda: [
        _("No."), _("Plan"), _("Task number"), _("Place in the plan"), _("Task"), _("Lead units"), _("Deadline"),
        _("Due on"), _("Status"), _("Latest progress")], task_rows),
)  # fmt: skip
LEDGERS_BY_CODE = {ledger.code: ledger for ledger in LEDGERS}


def _safe(value):
    """A cell that a spreadsheet would run as a formula is written as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _sheet_title(ledger: Ledger) -> str:
    return str(ledger.title)[:31]


def ledger_sheet(workbook: Workbook, ledger: Ledger, body: Organisation, year: int) -> int:
    sheet = workbook.create_sheet(_sheet_title(ledger))
    title = _("%(body)s %(year)d %(ledger)s ledger") % {
        "body": body.name, "year": year, "ledger": ledger.title
    }  # fmt: skip
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(ledger.columns())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
    count = 0
    for row in ledger.rows(body, year):
        sheet.append([_safe(v) for v in row])
        count += 1
    sheet.freeze_panes = "A3"
    return count


def ledger_xlsx(ledger: Ledger, body: Organisation, year: int) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    ledger_sheet(workbook, ledger, body, year)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def file_name(ledger: Ledger, year: int) -> str:
    return f"{year}-{ledger.code}-{ledger.title}.xlsx"


def bundle_zip(
    body: Organisation, year: int, *, progress: Callable[[int], None] | None = None
) -> bytes:
    """Every ledger as its own xlsx, and 00-index.xlsx listing them with their row counts."""
    buffer = io.BytesIO()
    counts: list[tuple[Ledger, int]] = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, ledger in enumerate(LEDGERS, start=1):
            workbook = Workbook()
            workbook.remove(workbook.active)
            counts.append((ledger, ledger_sheet(workbook, ledger, body, year)))
            content = io.BytesIO()
            workbook.save(content)
            archive.writestr(file_name(ledger, year), content.getvalue())
            if progress:
                progress(done)
        index = Workbook()
        sheet = index.active
        sheet.title = _("Index")
        sheet.append(
            [_("%(body)s %(year)d inspection ledgers") % {"body": body.name, "year": year}]
        )
        sheet.append([_("No."), _("Ledger"), _("File"), _("Rows")])
        for n, (ledger, count) in enumerate(counts, start=1):
            sheet.append([n, str(ledger.title), file_name(ledger, year), count])
        sheet.append([_("Built at"), _day(timezone.now())])
        content = io.BytesIO()
        index.save(content)
        archive.writestr(f"00-{_('Index')}.xlsx", content.getvalue())
    return buffer.getvalue()
