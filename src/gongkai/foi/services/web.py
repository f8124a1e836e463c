"""Writes the web and API layers need beyond the domain services, composed from them.

- ``request_submit_online``: ``request_submit`` plus the applicant's own tracking secret and
  the attachments, in one transaction with their ledger entries.

The domain has no attachment model yet: a file is kept in the default storage under
``foi/<code>/`` and described (name, size, SHA-256, storage path) in a ledger entry of action
``foi.attachment_stored``, which ``request_attachments`` reads back for the staff page.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.db import transaction

from gongkai.core.models import LedgerEntry, Organisation
from gongkai.core.services import ledger_append
from gongkai.foi.models import Channel, Request
from gongkai.foi.services.intake import Applicant, Submission, hash_secret, request_submit

ATTACHMENT_ACTION = "foi.attachment_stored"
CHOSEN_CREDENTIAL_ACTION = "foi.secret_chosen"


@dataclass(frozen=True)
class Attachment:
    entry_seq: int
    name: str
    size: int
    sha256: str
    path: str


def _store_file(request: Request, upload) -> dict:
    extension = upload.name.rsplit(".", 1)[-1].lower()
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    path = default_storage.save(f"foi/{request.code}/{uuid.uuid4().hex}.{extension}", upload)
    return {
        "code": request.code,
        "name": upload.name[-100:],
        "size": upload.size,
        "sha256": digest.hexdigest(),
        "path": path,
    }


def request_submit_online(
    *,
    organisation: Organisation,
    applicant: Applicant,
    idempotency_key: str,
    secret: str = "",
    attachments: tuple = (),
    channel: str = Channel.ONLINE,
) -> Submission:
    """One submission per key (``request_submit``), with the applicant's chosen secret and
    files. A repeated key changes nothing and returns the first request without a secret."""
    stored: list[str] = []
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
            for upload in attachments:
                summary = _store_file(request, upload)
                stored.append(summary["path"])
                ledger_append(
                    actor=None,
                    action=ATTACHMENT_ACTION,
                    obj=request,
                    organisation=organisation,
                    summary=summary,
                )
    except BaseException:
        for path in stored:
            default_storage.delete(path)
        raise
    return Submission(request, secret or submission.secret, True)


def request_attachments(request: Request) -> list[Attachment]:
    """The files stored with a request, read from their ledger entries."""
    entries = LedgerEntry.objects.filter(
        action=ATTACHMENT_ACTION,
        object_type=Request._meta.label_lower,
        object_id=str(request.pk),
    ).order_by("seq")
    return [
        Attachment(
            entry_seq=entry.seq,
            name=entry.summary.get("name", ""),
            size=int(entry.summary.get("size", 0)),
            sha256=entry.summary.get("sha256", ""),
            path=entry.summary.get("path", ""),
        )
        for entry in entries
    ]
