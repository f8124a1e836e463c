"""The restore drill: back up, change and lose things, restore, and prove the ledger.

Runs on whichever engine the suite runs on (SQLite's backup API, or pg_dump/pg_restore)."""

import tarfile

import pytest
from django.core.management import CommandError, call_command

from gongkai.core.backup import backup_create, backup_restore
from gongkai.core.models import LedgerEntry
from gongkai.core.selectors import ledger_verify
from gongkai.core.services import ledger_anchor, ledger_append

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GONGKAI_SEARCH_DIR = tmp_path / "search"
    (settings.MEDIA_ROOT / "foi" / "2026").mkdir(parents=True)
    letter = settings.MEDIA_ROOT / "foi" / "2026" / "答复书.pdf"
    letter.write_bytes(b"%PDF-1.7 reply letter")
    return settings.MEDIA_ROOT


def test_restore_drill_brings_back_data_files_and_a_verified_ledger(media, tmp_path):
    for step in range(5):
        ledger_append(actor=None, action="test.step", summary={"n": step})
    ledger_anchor()
    archive = backup_create(directory=tmp_path / "backups")
    with tarfile.open(archive) as opened:
        names = set(opened.getnames())
    assert {"manifest.json", "media/foi/2026/答复书.pdf"} <= names
    head = LedgerEntry.objects.order_by("-seq").first()

    # After the backup: more entries, a lost file, a new file.
    ledger_append(actor=None, action="test.step", summary={"n": 99})
    (media / "foi" / "2026" / "答复书.pdf").unlink()
    (media / "stray.txt").write_text("after the backup")

    restored = backup_restore(path=archive)
    assert restored.ledger_ok, restored.problem
    assert restored.ledger_entries == 5
    assert restored.media_files == 1
    assert LedgerEntry.objects.order_by("-seq").first().entry_hash == head.entry_hash
    assert ledger_verify().ok
    assert (media / "foi" / "2026" / "答复书.pdf").read_bytes() == b"%PDF-1.7 reply letter"
    assert not (media / "stray.txt").exists()


def test_a_backup_whose_ledger_was_cut_short_fails_the_drill(media, tmp_path):
    for step in range(3):
        ledger_append(actor=None, action="test.step", summary={"n": step})
    archive = backup_create(directory=tmp_path / "backups")
    # Forge the copy: its manifest promises more entries than the database holds.
    forged = tmp_path / "forged.tar"
    with tarfile.open(archive) as source, tarfile.open(forged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name == "manifest.json":
                import io
                import json

                manifest = json.loads(data.read())
                manifest["ledger_head"]["seq"] = 4
                body = json.dumps(manifest).encode()
                member.size = len(body)
                data = io.BytesIO(body)
            target.addfile(member, data)
    with pytest.raises(CommandError, match="台账"):
        call_command("restore", str(forged), "--yes", "--no-reindex", verbosity=0)


def test_the_commands_keep_the_newest_archives_and_ask_before_restoring(media, tmp_path):
    backups = tmp_path / "backups"
    for name in ("gongkai-20260101-000000.tar", "gongkai-20260102-000000.tar"):
        backups.mkdir(exist_ok=True)
        (backups / name).write_bytes(b"old")
    call_command("backup", str(backups), "--keep", "2", verbosity=0)
    kept = sorted(p.name for p in backups.glob("gongkai-*.tar"))
    assert len(kept) == 2
    assert kept[0] == "gongkai-20260102-000000.tar"
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(backups / kept[1]), verbosity=0)
    call_command("restore", str(backups / kept[1]), "--yes", verbosity=0)
