"""Writes the web and API layers need beyond the domain services, composed from them.

- ``request_submit_online``: ``request_submit`` plus the applicant's own tracking secret and
  the attachments (``RequestAttachment`` rows, each with its ledger entry), in one
  transaction: a refused file leaves no request, no row and no stored file behind.
"""

from __future__ import annotations

import hashlib
import uuid

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.filebounds import check_upload
from gongkai.core.models import Organisation
from gongkai.core.services import ledger_append
from gongkai.foi.models import Channel, Request, RequestAttachment
from gongkai.foi.services.intake import Applicant, Submission, hash_secret, request_submit

ATTACHMENT_ACTION = "foi.attachment_stored"
CHOSEN_CREDENTIAL_ACTION = "foi.secret_chosen"

# Attachments (e.g. an ID scan): PDF, JPEG or PNG, at most 10 MB, recognised by their first
# bytes (the name's extension must agree with the content).
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_SIGNATURES = {
    "pdf": (b"%PDF-", "application/pdf"),
    "jpg": (b"\xff\xd8\xff", "image/jpeg"),
    "jpeg": (b"\xff\xd8\xff", "image/jpeg"),
    "png": (b"\x89PNG\r\n\x1a\n", "image/png"),
}


def attachment_content_type(upload: UploadedFile) -> str:
    """The content type of an acceptable upload; a ServiceError for any other file."""
    name = _name(upload)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ATTACHMENT_SIGNATURES:
        raise ServiceError("attachment_type", _("Attach a PDF, JPG or PNG file."))
    if _size(upload) > ATTACHMENT_MAX_BYTES:
        raise ServiceError("attachment_too_large", _("The attachment is larger than 10 MB."))
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    signature, content_type = ATTACHMENT_SIGNATURES[extension]
    if not head.startswith(signature):
        raise ServiceError("attachment_mismatch", _("The file's content does not match its type."))
    # Stored, never read here, but staff open it: no decompression bomb (pixels, PDF pages).
    check_upload(name, upload.read())
    upload.seek(0)
    return content_type


def _name(upload: UploadedFile) -> str:
    # An uploaded file always has its name and size; the stubs allow None for other files.
    return upload.name or ""


def _size(upload: UploadedFile) -> int:
    return upload.size or 0


def _store_file(request: Request, upload: UploadedFile, content_type: str) -> RequestAttachment:
    extension = _name(upload).rsplit(".", 1)[-1].lower()
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    attachment = RequestAttachment(
        request=request,
        original_name=_name(upload)[-100:],
        size=_size(upload),
        sha256=digest.hexdigest(),
        content_type=content_type,
    )
    attachment.file.save(f"{request.code}/{uuid.uuid4().hex}.{extension}", upload, save=False)
    return attachment


def _save_attachment(request: Request, attachment: RequestAttachment) -> None:
    attachment.save()
    ledger_append(
        actor=None,
        action=ATTACHMENT_ACTION,
        obj=request,
        organisation=request.organisation,
        summary={
            "code": request.code,
            "attachment": attachment.pk,
            "name": attachment.original_name,
            "size": attachment.size,
            "sha256": attachment.sha256,
            "content_type": attachment.content_type,
            "path": attachment.file.name,
        },
    )


def request_submit_online(
    *,
    organisation: Organisation,
    applicant: Applicant,
    idempotency_key: str,
    secret: str = "",
    attachments: tuple[UploadedFile, ...] = (),
    channel: str = Channel.ONLINE,
) -> Submission:
    """One submission per key (``request_submit``), with the applicant's chosen secret and
    files. A repeated key changes nothing and returns the first request without a secret."""
    content_types = [attachment_content_type(upload) for upload in attachments]
    stored: list[RequestAttachment] = []
    try:
        with transaction.atomic():
            submission = request_submit(
                organisation=organisation,
                channel=channel,
                applicant=applicant,
                idempotency_key=idempotency_key,
            )
            if not submission.created:
                return submission
            request = submission.request
            if secret:
                request.secret_hash = hash_secret(secret)
                request.save(update_fields=["secret_hash"])
                ledger_append(
                    actor=None,
                    action=CHOSEN_CREDENTIAL_ACTION,
                    obj=request,
                    organisation=organisation,
                    summary={"code": request.code},
                )
            for upload, content_type in zip(attachments, content_types, strict=True):
                attachment = _store_file(request, upload, content_type)
                stored.append(attachment)
                _save_attachment(request, attachment)
    except BaseException:
        for attachment in stored:
            attachment.file.delete(save=False)
        raise
    return Submission(request, secret or submission.secret, True)


def request_attachments(request: Request) -> QuerySet[RequestAttachment]:
    """The files stored with a request, oldest first."""
    return request.attachments.all()
