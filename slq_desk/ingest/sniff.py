"""What a file really is, from its first bytes, whatever its name claims."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
ZIP = "application/zip"
OFD = "application/ofd"  # GB/T 33190: a zip of XML with OFD.xml at its root
XML = "application/xml"
JSON = "application/json"
UNKNOWN = "application/octet-stream"

DOCUMENT_TYPES = (PDF, JPEG, PNG, OFD, XML)
_EXTENSIONS = {".pdf": PDF, ".jpg": JPEG, ".jpeg": JPEG, ".png": PNG, ".zip": ZIP, ".json": JSON,
               ".ofd": OFD, ".xml": XML}
_LABELS = {PDF: "PDF", JPEG: "JPEG 图片", PNG: "PNG 图片", ZIP: "ZIP 压缩包", OFD: "OFD 版式文档",
           XML: "XML 文件",
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
        from slq_desk.extract.ofd import is_ofd

        return OFD if is_ofd(data) else ZIP
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "application/x-ole-storage"
    if data.startswith(b"Rar!"):
        return "application/x-rar"
    if data.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "application/x-7z-compressed"
    if _XML_HEAD.match(head):
        return XML
    return UNKNOWN


# An XML declaration or a first element, after an optional BOM, whitespace and comments.
_XML_HEAD = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml\s|(?:<!--.*?-->\s*)*<[A-Za-z_])", re.S)


def claimed(name: str) -> str | None:
    """The type the file name claims, if it claims one we know."""
    return _EXTENSIONS.get(PurePosixPath(name).suffix.lower())


def label(media_type: str) -> str:
    return _LABELS.get(media_type, media_type)
