"""Imports asked for on a page run in the background: the request stores the files and
queues ``proactive.tasks.import_run``; the page follows the job's progress.

Each file is read once: its outcome is stored with it in the same transaction as the
draft it made, so a retried task (a worker lost, the database restarting) resumes at the
first file not done, and a second run of a finished job changes nothing."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.errors import NotFoundError, ServiceError
from gongkai.core.models import Organisation
from gongkai.core.types import Actor
from gongkai.proactive import transitions
from gongkai.proactive.models import ImportFile, ImportJob
from gongkai.proactive.services.common import DRAFTING_ROLES, PUBLISHING_ROLES, require_role


def import_queue(
    *,
    actor: Actor,
    organisation: Organisation,
    kind: str,
    files: list[tuple[str, bytes]],
    options: dict[str, Any] | None = None,
) -> ImportJob:
    """Store the uploaded files and queue their import; the job's page shows the progress."""
    from gongkai.core.queue import enqueue
    from gongkai.proactive.tasks import import_run

    actor = require_role(
        actor, PUBLISHING_ROLES if kind == ImportJob.Kind.CATALOG else DRAFTING_ROLES
    )
    if kind not in ImportJob.Kind.values:
        raise ServiceError("invalid_import", _("Unknown kind of import."))
    if not files or (kind == ImportJob.Kind.CATALOG and len(files) != 1):
        raise ServiceError("invalid_import", _("Choose the file to import."))
    with transaction.atomic():
        job = ImportJob.objects.create(
            organisation=organisation, kind=kind, options=options or {}, created_by=actor
        )
        ImportFile.objects.bulk_create(
            ImportFile(job=job, position=number, name=name[:255], content=content)
            for number, (name, content) in enumerate(files, start=1)
        )
        enqueue(import_run, job_id=job.pk)
    job.refresh_from_db()
    return job


def import_run(*, job_id: int) -> str:
    """The worker's half: import what is not done yet; nothing once the job is finished."""
    job = ImportJob.objects.select_related("organisation", "created_by").filter(pk=job_id).first()
    if job is None:
        raise NotFoundError("import_not_found", _("No such import."))
    if not transitions.import_pending(job):
        return "done before"
    if job.kind == ImportJob.Kind.CATALOG:
        return _catalog(job)
    for file_id in job.files.filter(done=False).values_list("pk", flat=True):
        _document(job, file_id)
    ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.QUEUED).update(
        status=ImportJob.Status.DONE, finished_at=timezone.now()
    )
    return "imported"


def _document(job: ImportJob, file_id: int) -> None:
    from gongkai.proactive.services.importing import document_import

    with transaction.atomic():
        upload = ImportFile.objects.select_for_update().get(pk=file_id)
        if upload.done:
            return
        try:
            with transaction.atomic():
                result = document_import(
                    actor=job.created_by,
                    organisation=job.organisation,
                    name=upload.name,
                    content=bytes(upload.content),
                    section=job.options.get("section", ""),
                    simplify=bool(job.options.get("simplify")),
                )
            upload.result = {
                "item_id": result.item.pk,
                "created": result.created,
                "glosses_removed": result.glosses_removed,
                "quarantined": result.quarantined,
            }
        except ServiceError as error:  # this file is refused; the others go on
            upload.result = {"error": error.message}
        upload.done, upload.content = True, b""
        upload.save(update_fields=["done", "content", "result"])


def _catalog(job: ImportJob) -> str:
    """The catalog is imported whole or not at all (``catalog_import``)."""
    from gongkai.proactive.exports import standard_catalog_rows
    from gongkai.proactive.services.registers import catalog_import

    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if not transitions.import_pending(job):
            return "done before"
        upload = job.files.get()
        try:
            with transaction.atomic():
                rows = standard_catalog_rows(bytes(upload.content))
                job.rows = catalog_import(
                    actor=job.created_by, organisation=job.organisation, rows=rows
                )
            job.status = ImportJob.Status.DONE
        except ServiceError as error:
            job.status, job.error = ImportJob.Status.REFUSED, error.message[:2000]
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "rows", "finished_at"])
        upload.done, upload.content = True, b""
        upload.save(update_fields=["done", "content"])
    return job.status
