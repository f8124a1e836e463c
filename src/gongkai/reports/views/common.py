from __future__ import annotations

from django.http import HttpResponse
from django.utils.text import slugify

from gongkai.reports.models import YearlyReport
from gongkai.reports.render.document import build
from gongkai.reports.render.docx import docx_bytes
from gongkai.reports.render.pdf import pdf_bytes

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FILE_FORMATS = {"docx": (DOCX, docx_bytes), "pdf": ("application/pdf", pdf_bytes)}


def file_response(report: YearlyReport, file_format: str, *, staff: bool) -> HttpResponse:
    """The .docx or PDF as it is filed and published: the staff's notes on where figures come
    from stay on the workbench page, never in the file (``staff`` only names the file's
    reader)."""
    content_type, render = FILE_FORMATS[file_format]
    response = HttpResponse(render(build(report)), content_type=content_type)
    name = f"{slugify(report.organisation.code)}-{report.year}-ndbg.{file_format}"
    disposition = "attachment" if file_format == "docx" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response
