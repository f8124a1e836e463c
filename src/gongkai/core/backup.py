"""Backups of one installation: the database and the uploaded files, in one archive.

``gongkai backup DIR`` writes ``gongkai-YYYYmmdd-HHMMSS.tar`` holding

- ``manifest.json``: when, which engine, the ledger head (sequence and hash), file count;
- ``database.sqlite3`` (SQLite, through the online backup API: consistent while the site
  runs) or ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``);
- ``media/``: every uploaded file (attachments, letters).

``gongkai restore FILE`` puts both back and then proves the restored ledger: the chain
holds, and it ends at the head recorded in the manifest (a truncated or edited copy fails).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"


_AFTER_RESTORE: list[Callable[[], None]] = []


def register_after_restore(rebuild: Callable[[], None]) -> None:
    """Derived data another app rebuilds after a restore (the embedded search index)."""
    if rebuild not in _AFTER_RESTORE:
        _AFTER_RESTORE.append(rebuild)


def rebuild_derived_data() -> None:
    for rebuild in _AFTER_RESTORE:
        rebuild()


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Restored:
    manifest: dict[str, Any]
    ledger_ok: bool
    ledger_entries: int
    problem: str
    media_files: int


def _ledger_head() -> dict[str, Any]:
    from gongkai.core.models import LedgerEntry

    head = LedgerEntry.objects.order_by("-seq").values("seq", "entry_hash").first()
    return {"seq": head["seq"], "hash": head["entry_hash"]} if head else {"seq": 0, "hash": ""}


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    params = connection.settings_dict
    args = ["--host", params["HOST"] or "localhost", "--port", str(params["PORT"] or 5432)]
    if params["USER"]:
        args += ["--username", params["USER"]]
    env = {**os.environ}
    if params["PASSWORD"]:
        env["PGPASSWORD"] = params["PASSWORD"]
    return args, env


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _media_is_local() -> bool:
    backend = settings.STORAGES["default"]["BACKEND"]
    return backend == "django.core.files.storage.FileSystemStorage" and _media_root().exists()


def backup_create(*, directory: Path, keep: int | None = None) -> Path:
    """One archive in ``directory``; with ``keep``, older archives beyond it are removed."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    target = directory / f"gongkai-{stamp}.tar"
    with tempfile.TemporaryDirectory(dir=directory) as work:
        work_path = Path(work)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "engine": connection.vendor,
            "ledger_head": _ledger_head(),
        }
        if connection.vendor == "sqlite":
            database = work_path / "database.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(database) as copy:
                connection.connection.backup(copy)
            copy.close()
        elif connection.vendor == "postgresql":
            database = work_path / "database.dump"
            args, env = _pg_environment()
            subprocess.run(
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *args,
                 "--file", str(database), connection.settings_dict["NAME"]],
                env=env, check=True, capture_output=True, timeout=3600,
            )  # fmt: skip
        else:
            raise BackupError(f"no backup for the {connection.vendor} engine")
        media = _media_root()
        files = [p for p in media.rglob("*") if p.is_file()] if _media_is_local() else []
        # Files on an S3-compatible store are kept by the store (versioning, replication).
        manifest["media_files"] = len(files) if _media_is_local() else "external"
        (work_path / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        partial = target.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as archive:
            archive.add(work_path / MANIFEST, arcname=MANIFEST)
            archive.add(database, arcname=database.name)
            for path in files:
                archive.add(path, arcname=f"media/{path.relative_to(media)}")
        partial.rename(target)  # a half-written archive never looks like a backup
    if keep:
        for old in sorted(directory.glob("gongkai-*.tar"))[:-keep]:
            old.unlink()
    return target


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    member = archive.extractfile(MANIFEST)
    if member is None:
        raise BackupError("the archive has no manifest")
    manifest: dict[str, Any] = json.loads(member.read().decode("utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    return manifest


def backup_restore(*, path: Path) -> Restored:
    """Replace the database and the uploaded files with the archive's, then verify."""
    with tarfile.open(path, "r") as archive, tempfile.TemporaryDirectory() as work:
        manifest = _read_manifest(archive)
        if manifest["engine"] != connection.vendor:
            raise BackupError(
                f"the backup is of a {manifest['engine']} database, this is {connection.vendor}"
            )
        archive.extractall(work, filter="data")
        work_path = Path(work)
        if connection.vendor == "sqlite":
            _restore_sqlite(work_path / "database.sqlite3")
        else:
            _restore_postgres(work_path / "database.dump")
        media_files = (
            _restore_media(work_path / "media") if manifest["media_files"] != "external" else 0
        )
    return _verify(manifest, media_files)


def _restore_sqlite(source: Path) -> None:
    connection.ensure_connection()
    with sqlite3.connect(source) as copy:
        copy.backup(connection.connection)
    copy.close()
    connection.close()


def _restore_postgres(dump: Path) -> None:
    connection.close()
    args, env = _pg_environment()
    subprocess.run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
         "--single-transaction", *args, "--dbname", connection.settings_dict["NAME"], str(dump)],
        env=env, check=True, capture_output=True, timeout=3600,
    )  # fmt: skip


def _restore_media(source: Path) -> int:
    media = _media_root()
    if media.exists():
        shutil.rmtree(media)
    if source.exists():
        shutil.copytree(source, media)
    else:
        media.mkdir(parents=True)
    return sum(1 for p in media.rglob("*") if p.is_file())


def _verify(manifest: dict[str, Any], media_files: int) -> Restored:
    from gongkai.core.models import LedgerAnchor
    from gongkai.core.selectors import ledger_verify
    from gongkai.core.selectors.ledger import LEDGER_PROBLEMS

    head = manifest["ledger_head"]
    anchors = list(LedgerAnchor.objects.values_list("seq", "head_hash"))
    if head["seq"]:
        anchors.append((head["seq"], head["hash"]))
    check = ledger_verify(anchors)
    # Entries written while a live site was copied may follow the manifest's head.
    ok = check.ok and check.entries >= head["seq"]
    problem = ""
    if not check.ok:
        problem = str(LEDGER_PROBLEMS[check.problem])
    elif not ok:
        problem = f"{check.entries} < {head['seq']}"
    return Restored(manifest, ok, check.entries, problem, media_files)
