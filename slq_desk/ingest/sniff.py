"""What a file really is, from its first bytes, whatever its name claims."""

from __future__ import annotations

from pathlib import PurePosixPath

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
ZIP = "application/zip"
JSON = "application/json"
UNKNOWN = "application/octet-stream"

DOCUMENT_TYPES = (PDF, JPEG, PNG)
_EXTENSIONS = {".pdf": PDF, ".jpg": JPEG, ".jpeg": JPEG, ".png": PNG, ".zip": ZIP, ".json": JSON}
_LABELS = {PDF: "PDF", JPEG: "JPEG 图片", PNG: "PNG 图片", ZIP: "ZIP 压缩包",
           "application/x-ole-storage": "Office 97 文档", "application/x-rar": "RAR 压缩包",
           "application/x-7z-compressed": "7z 压缩包", UNKNOWN: "未知格式"}


def sniff(data: bytes) -> str:
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return ZIP
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "application/x-ole-storage"
    if data.startswith(b"Rar!"):
        return "application/x-rar"
    if data.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "application/x-7z-compressed"
    return UNKNOWN


def claimed(name: str) -> str | None:
    """The type the file name claims, if it claims one we know."""
    return _EXTENSIONS.get(PurePosixPath(name).suffix.lower())


def label(media_type: str) -> str:
    return _LABELS.get(media_type, media_type)
