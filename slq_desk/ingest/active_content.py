"""Active content in an applicant's PDF: JavaScript, actions that leave the document, attachments.

A subsidy package is read, not run: slq-desk never executes JavaScript nor follows an action.
But a reviewer who opens the same file in another reader (Acrobat, a browser) might, so a PDF
that carries code or reaches outside itself is worth a warning with the page it sits on:

* ``pdf_javascript`` — a ``/JavaScript`` action or ``/JS`` entry, or a document-level
  ``/Names /JavaScript`` tree;
* ``pdf_launch_action`` — ``/Launch`` (start a program or open a file);
* ``pdf_remote_action`` — ``/GoToR`` / ``/GoToE`` (jump into another, possibly remote, file);
* ``pdf_submit_form`` — ``/SubmitForm`` (send the form's data to a URL);
* ``pdf_import_data`` — ``/ImportData`` (pull field values from a file);
* ``pdf_embedded_file`` — ``/EmbeddedFiles`` names, ``/EmbeddedFile`` streams or file-attachment
  annotations (another file inside this one, never read by the importer).

The object tree is inspected with PyMuPDF (``xref_object``/``xref_get_key``) inside the
importer's worker process, like everything else read from applicants' files. Each kind is one
finding per file (severity ``warn``) with the first page it is attached to (an annotation's
``/A``/``/AA``, the page's ``/AA``) and the annotation's rectangle as evidence; content that
belongs to the document (``/OpenAction``, the catalog's ``/AA``, the names tree) has no page.
A damaged object is skipped, never fatal: this check only adds warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from slq_desk.extract.evidence import FindingData

# (code, pattern over an object's source, Chinese label, English label)
_KINDS: tuple[tuple[str, re.Pattern[str], str, str], ...] = (
    ("pdf_javascript", re.compile(r"/S\s*/JavaScript\b|/JS\s*[(<\d]|/JavaScript\s*[<\d\[]"),
     "JavaScript 脚本", "JavaScript"),
    ("pdf_launch_action", re.compile(r"/S\s*/Launch\b"), "启动外部程序（Launch）动作",
     "a Launch action (starts a program or opens a file)"),
    ("pdf_remote_action", re.compile(r"/S\s*/GoTo[RE]\b"), "跳转到其他文件（GoToR/GoToE）动作",
     "a GoToR/GoToE action (jumps into another file)"),
    ("pdf_submit_form", re.compile(r"/S\s*/SubmitForm\b"), "提交表单（SubmitForm）动作",
     "a SubmitForm action (sends form data to an address)"),
    ("pdf_import_data", re.compile(r"/S\s*/ImportData\b"), "导入数据（ImportData）动作",
     "an ImportData action (reads field values from a file)"),
    ("pdf_embedded_file", re.compile(
        r"/EmbeddedFiles\s*[<\d]|/Type\s*/EmbeddedFile\b|/Subtype\s*/FileAttachment\b"
        r"|/Type\s*/Filespec\b[^>]*/EF\s*<"),
     "内嵌文件（附件）", "an embedded file (attachment)"),
)
# Keys through which an annotation or page reaches its actions and attachments.
_FOLLOW = ("A", "AA", "FS", "EF", "JS", "Next", "OpenAction", "Names", "JavaScript",
           "EmbeddedFiles", "Kids", "F")
_REF = re.compile(r"(\d+)\s+0\s+R\b")
_MAX_DEPTH = 6
_MAX_OBJECTS = 200_000  # a pathological xref table is not walked in full


@dataclass
class _Hit:
    count: int = 0
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    where: set[str] = field(default_factory=set)


def _source(doc: Any, xref: int) -> str:
    try:
        return str(doc.xref_object(xref, compressed=True))
    except Exception:  # a damaged object: nothing to say about it
        return ""


def _children(doc: Any, xref: int) -> list[int]:
    """Objects reached from ``xref`` through the action/attachment keys (not /Parent, /P)."""
    out: list[int] = []
    for key in _FOLLOW:
        try:
            kind, value = doc.xref_get_key(xref, key)
        except Exception:
            continue
        if kind in ("xref", "dict", "array"):
            out.extend(int(m.group(1)) for m in _REF.finditer(str(value)))
    return out


def _reach(doc: Any, roots: list[int]) -> set[int]:
    seen: set[int] = set()
    todo = [(r, 0) for r in roots]
    while todo:
        xref, depth = todo.pop()
        if xref in seen or xref <= 0 or depth > _MAX_DEPTH:
            continue
        seen.add(xref)
        todo.extend((c, depth + 1) for c in _children(doc, xref))
    return seen


def _annot_rect(doc: Any, page: Any, xref: int) -> tuple[float, float, float, float] | None:
    import pymupdf

    try:
        kind, value = doc.xref_get_key(xref, "Rect")
        if kind != "array":
            return None
        nums = [float(v) for v in value.strip("[]").split()]
        r = pymupdf.Rect(*nums[:4]) * page.transformation_matrix
        r.normalize()
        return (round(r.x0, 2), round(r.y0, 2), round(r.x1, 2), round(r.y1, 2))
    except Exception:
        return None


def _matches(text: str) -> list[str]:
    return [code for code, pattern, _zh, _en in _KINDS if pattern.search(text)]


def scan(doc: Any) -> dict[str, _Hit]:
    """Kinds of active content in an open PyMuPDF document → where they were found."""
    hits: dict[str, _Hit] = {}
    placed: set[int] = set()

    def note(code: str, xref: int, page: int | None,
             bbox: tuple[float, float, float, float] | None, where: str) -> None:
        hit = hits.setdefault(code, _Hit())
        hit.count += 1
        hit.where.add(where)
        if hit.page is None and page is not None:
            hit.page, hit.bbox = page, bbox

    # Page-level first, so a finding can point at the page (and annotation) that carries it.
    try:
        pages = range(doc.page_count) if doc.is_pdf else range(0)
    except Exception:
        pages = range(0)
    for index in pages:
        try:
            page = doc[index]
            page_xref = page.xref
            annots = [a[0] for a in page.annot_xrefs()]
        except Exception:
            continue
        owners = [(page_xref, None)] + [(a, _annot_rect(doc, page, a)) for a in annots]
        for owner, bbox in owners:
            for xref in _reach(doc, [owner]):
                placed.add(xref)
                for code in _matches(_source(doc, xref)):
                    note(code, xref, index, bbox, "page")
    # Then every object, for what the document itself carries (catalog, names tree, orphans).
    try:
        total = min(doc.xref_length(), _MAX_OBJECTS)
    except Exception:
        total = 0
    for xref in range(1, total):
        if xref in placed:
            continue
        text = _source(doc, xref)
        for code in _matches(text):
            note(code, xref, None, None, "document")
    return hits


def findings(doc: Any, name: str) -> list[FindingData]:
    """One warning per kind of active content found in ``doc`` (an open PyMuPDF document)."""
    try:
        hits = scan(doc)
    except Exception:  # this check only ever adds warnings; a failure costs nothing else
        return []
    out: list[FindingData] = []
    for code, _pattern, zh, en in _KINDS:
        hit = hits.get(code)
        if hit is None:
            continue
        at_zh = f"第 {hit.page + 1} 页" if hit.page is not None else "文档级"
        at_en = f"on page {hit.page + 1}" if hit.page is not None else "at document level"
        out.append(FindingData(
            code, "warn",
            f"文件“{name}”含有{zh}（{at_zh}，共 {hit.count} 处）。本系统不会执行或打开它，"
            "但请勿在其他阅读器中启用；如非必要请申请人提交不含此类内容的版本",
            f"'{name}' contains {en} ({at_en}, {hit.count} in all). slq-desk never runs or "
            "opens it, but do not allow it in another reader; ask for a copy without it "
            "unless it is needed",
            hit.page, hit.bbox))
    return out
