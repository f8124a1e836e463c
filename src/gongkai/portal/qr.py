"""QR codes (二维码) that open a portal page: PNG for screens, SVG for printing."""

from __future__ import annotations

import io
from functools import lru_cache

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_M

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


@lru_cache(maxsize=128)
def _made(data: str) -> qrcode.QRCode:
    """The code of ``data`` made (error correction M: ~15 % damage). Making it — the
    choice among the eight masks — is most of the cost of an image; a page's PNG, its
    SVG and their downloads share it. Only read once made, so threads may share it."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_bytes(data: str, fmt: str) -> bytes:
    """The QR code of ``data`` as PNG or SVG bytes."""
    code = _made(data)
    buffer = io.BytesIO()
    if fmt == "svg":
        code.make_image(image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    else:
        code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()
