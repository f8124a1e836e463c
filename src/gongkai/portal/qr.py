"""QR codes (二维码) that open a portal page: PNG for screens, SVG for printing."""

from __future__ import annotations

import io

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_M

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


def qr_bytes(data: str, fmt: str) -> bytes:
    """The QR code of ``data`` as PNG or SVG bytes (error correction M: ~15 % damage)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    if fmt == "svg":
        code.make_image(image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    else:
        code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    return buffer.getvalue()
