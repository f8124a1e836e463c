"""PDF copies of letters, where LibreOffice is installed (``soffice --headless``).

Without it there is no PDF and ``converter_available()`` says so, for the page to tell the
user; nothing else depends on it.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

CONVERT_TIMEOUT_SECONDS = 120


def converter() -> str | None:
    return shutil.which("soffice")


def converter_available() -> bool:
    return converter() is not None


def to_pdf(docx_bytes: bytes) -> bytes | None:
    """The PDF of a .docx, or None without a converter or when the conversion fails."""
    executable = converter()
    if executable is None:
        return None
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        source = folder / "letter.docx"
        source.write_bytes(docx_bytes)
        command = [
            executable,
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            # The executable is the absolute path shutil.which found; arguments are ours.
            subprocess.run(  # noqa: S603
                command, capture_output=True, timeout=CONVERT_TIMEOUT_SECONDS, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            logger.warning("PDF conversion failed", exc_info=True)
            return None
        target = folder / "letter.pdf"
        if not target.exists():
            logger.warning("PDF conversion produced no file")
            return None
        return target.read_bytes()
