"""Reference lists for the 初审: import from CSV or XLSX, show, and read for the rules.

An official loads the lists the rules consult (supplier registries, the 揭榜 list, the credit
blacklist, Wuhan's banned entities, devices declared unsafe; ``LIST_KINDS``), each dated and with
its source, into the workspace database (``models/lists.py``). Importing a kind again adds a
newer list; the rules read the newest (``load_lists``); older ones stay, for the record.

A file is hostile input: any encoding problem, an unknown column set, an empty list or an
unreadable date is a ``BadInput`` naming the file and row, never a crash. Columns are recognised
by their Chinese or English header: 名称/name, 统一社会信用代码/uscc, 设备型号/item, 日期/since,
备注/note; a row needs a name, a USCC or an item.
"""

from __future__ import annotations

import csv
import hashlib
import io
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.policy.rules.registers import LIST_KINDS, Entry, ListView

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000

HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("名称", "单位名称", "企业名称", "机构名称", "主体名称", "name"),
    "uscc": ("统一社会信用代码", "信用代码", "社会信用代码", "uscc"),
    "item": ("设备型号", "设备", "型号", "卡型", "产品", "item", "device", "model"),
    "since": ("日期", "注册日期", "登记日期", "列入日期", "查处日期", "成立日期", "since", "date"),
    "note": ("备注", "说明", "note"),
}


@dataclass(frozen=True)
class ImportedList:
    id: int
    kind: str
    as_of: date
    source: str
    entries: int
    sha256: str


def _header_map(header: list[str], file: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, raw in enumerate(header):
        label = unicodedata.normalize("NFKC", str(raw or "")).strip().lower()
        for column, names in HEADERS.items():
            if column not in found and label in {n.lower() for n in names}:
                found[column] = i
    if not {"name", "uscc", "item"} & set(found):
        raise BadInput(f"{file}: no column named 名称/name, 统一社会信用代码/uscc or 设备型号/item "
                       f"in the header row ({', '.join(str(h) for h in header)})")
    return found


def _cell_date(value: Any, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    for sep in ("/", ".", "年", "月"):
        text = text.replace(sep, "-")
    text = text.rstrip("日").strip("-")
    try:
        parts = [int(x) for x in text.split("-")]
        return date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        raise BadInput(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _rows(path: Path, data: bytes) -> list[list[Any]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            sheet = book.worksheets[0]
            rows = []
            for row in sheet.iter_rows(values_only=True):
                rows.append(list(row)[:50])  # a list has a handful of columns
                if len(rows) > MAX_ROWS + 1:  # a bomb of rows: stop reading, refused below
                    break
            book.close()
        except Exception as err:  # openpyxl raises many kinds on a damaged workbook
            raise BadInput(f"{path.name}: not a readable XLSX workbook ({err})") from None
        return rows
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BadInput(f"{path.name}: neither UTF-8 nor GB18030 text")
    try:
        rows = []
        for row in csv.reader(io.StringIO(text)):
            rows.append(row[:50])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    except csv.Error as err:
        raise BadInput(f"{path.name}: not a CSV file ({err})") from None


def parse_list(path: Path) -> tuple[list[Entry], str]:
    """The entries of a CSV/XLSX list and the SHA-256 of the file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BadInput(f"{path.name}: {size} bytes is too large for a list")
        data = path.read_bytes()
    except OSError as err:
        raise BadInput(f"{path}: cannot read ({err.strerror or err})") from None
    rows = [r for r in _rows(path, data) if any(str(c or "").strip() for c in r)]
    if not rows:
        raise BadInput(f"{path.name}: the file is empty")
    if len(rows) > MAX_ROWS:
        raise BadInput(f"{path.name}: more than {MAX_ROWS} rows")
    columns = _header_map([str(c or "") for c in rows[0]], path.name)
    entries: list[Entry] = []
    for n, row in enumerate(rows[1:], 2):
        def cell(column: str, row: list[Any] = row) -> Any:
            i = columns.get(column)
            return row[i] if i is not None and i < len(row) else None

        def text(column: str) -> str:
            value = cell(column)
            return unicodedata.normalize("NFKC", str(value)).strip() if value is not None else ""

        entry = Entry(text("name"), text("uscc").upper(), text("item"),
                      _cell_date(cell("since"), f"{path.name} row {n}"), text("note"))
        if entry.name or entry.uscc or entry.item:
            entries.append(entry)
    if not entries:
        raise BadInput(f"{path.name}: no row names an entity or a device")
    return entries, hashlib.sha256(data).hexdigest()


def import_list(ws: Any, kind: str, path: Path, source: str = "",
                as_of: date | None = None) -> ImportedList:
    """Load one list into the workspace as the newest of its kind, with an audit event."""
    from slq_desk import audit
    from slq_desk.models.lists import ReferenceList, ReferenceListEntry

    if kind not in LIST_KINDS:
        raise BadInput(f"unknown list kind {kind!r}; known kinds: {', '.join(LIST_KINDS)}")
    entries, sha = parse_list(path)
    dated = as_of or date.today()
    with ws.session() as s:
        row = ReferenceList(kind=kind, source=source, as_of=dated.isoformat(),
                            file_name=path.name, sha256=sha, imported_by=ws.actor)
        row.entries = [ReferenceListEntry(name=e.name, uscc=e.uscc, item=e.item,
                                          since=e.since.isoformat() if e.since else "",
                                          note=e.note) for e in entries]
        s.add(row)
        s.flush()
        audit.record(s, ws.actor, "list.import", "reference_list", str(row.id), None,
                     {"kind": kind, "as_of": dated.isoformat(), "source": source,
                      "file": path.name, "sha256": sha, "entries": len(entries)})
        return ImportedList(row.id, kind, dated, source, len(entries), sha)


def load_lists(session: Any) -> dict[str, ListView]:
    """The newest list of each kind (by date, then by import), for the rules."""
    from sqlalchemy import select

    from slq_desk.models.lists import ReferenceList

    newest: dict[str, ReferenceList] = {}
    for row in session.scalars(select(ReferenceList).order_by(ReferenceList.as_of,
                                                              ReferenceList.id)):
        newest[row.kind] = row
    out: dict[str, ListView] = {}
    for kind, row in newest.items():
        entries = tuple(Entry(e.name, e.uscc, e.item,
                              date.fromisoformat(e.since) if e.since else None, e.note)
                        for e in row.entries)
        out[kind] = ListView(kind, date.fromisoformat(row.as_of), row.source, entries)
    return out


def list_summaries(ws: Any) -> list[dict[str, Any]]:
    """Every imported list, newest first, for `slq-desk lists show`."""
    from sqlalchemy import select

    from slq_desk.models.lists import ReferenceList

    with ws.session() as s:
        rows = s.scalars(select(ReferenceList).order_by(ReferenceList.kind,
                                                        ReferenceList.as_of.desc(),
                                                        ReferenceList.id.desc())).all()
        seen: set[str] = set()
        out = []
        for row in rows:
            out.append({"id": row.id, "kind": row.kind, "label": LIST_KINDS.get(row.kind, row.kind),
                        "as_of": row.as_of, "source": row.source, "file": row.file_name,
                        "sha256": row.sha256, "entries": len(row.entries),
                        "imported_by": row.imported_by,
                        "imported_at": row.imported_at.isoformat(),
                        "in_use": row.kind not in seen})
            seen.add(row.kind)
        return out
