"""The panel's files: the signed 评审结果汇总表 PDF, the 名单 (CSV and XLSX), and the raw
per-criterion scores (CSV and JSON).

No float anywhere: amounts and scores are written as decimal *text* — in the XLSX too,
because openpyxl writes a Decimal cell through ``float`` (1.234567890123457e+16 for
12345678901234567.89), which is exactly the silent loss the house rules forbid. Amount cells
are right-aligned text ("318000.00"); a column of integer fen beside them would be the way to
let Excel sum exactly, should the office ask for it. CSV files are UTF-8 with a BOM, so Excel
on a Chinese Windows opens them without mojibake.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from slq_desk.money import fmt
from slq_desk.opinion.export import write_atomically
from slq_desk.panel.aggregate import PanelAggregate
from slq_desk.panel.collect import opinions
from slq_desk.panel.rank_allocate import LIST_LABELS, PanelList
from slq_desk.review.aggregate import quantum, round_for_display

SUMMARY_ATTACHMENT = "panel-summary.json"
SUMMARY_NAME = "评审结果汇总表.pdf"
LIST_CSV, LIST_XLSX = "名单.csv", "名单.xlsx"
SCORES_CSV, SCORES_JSON = "评分明细.csv", "评分明细.json"

LIST_HEADER = ("排名", "申报编号", "申报单位", "统一社会信用代码", "综合得分", "专家数", "分歧提示数",
               "申报时间", "测算金额（元）", "建议金额（元）", "拨付金额（元）", "名单", "说明", "汇总方法")
LIST_HEADER_EN = ("rank", "application_id", "applicant", "uscc", "score", "reviewers", "alerts",
                  "claimed_at", "computed", "proposed", "granted", "list", "note", "method")
SCORE_HEADER = ("application_id", "reviewer", "criterion", "criterion_name", "score",
                "max_score", "weight", "total", "recommendation", "recommended_amount",
                "opinion_sha256", "status")
MONEY_COLUMNS = {8, 9, 10}  # 0-based columns of LIST_HEADER holding yuan


@dataclass(frozen=True)
class Written:
    path: Path
    sha256: str
    signed: bool = False


def list_rows(plist: PanelList, places: int = 2, method: str = "") -> list[list[str]]:
    """The 名单 rows; ``method`` (the panel's method as printed) ends every row, so the
    method travels with any row copied out of the file."""
    q = quantum(places)
    rows = []
    for e in plist.entries:
        c = e.candidate
        rows.append([str(e.rank), c.application_id, c.applicant_name, c.applicant_uscc,
                     str(round_for_display(c.score, q)), str(c.reviewers), str(c.alerts),
                     c.claimed_at.isoformat(), fmt(c.requested), fmt(c.amount), fmt(e.granted),
                     LIST_LABELS[e.status], e.reason, method])
    return rows


def list_csv_bytes(plist: PanelList, places: int = 2, method: str = "") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(LIST_HEADER)
    w.writerows(list_rows(plist, places, method))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def list_xlsx_bytes(plist: PanelList, places: int = 2, method: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(list(LIST_HEADER))
    ws.append(list(LIST_HEADER_EN))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    right = Alignment(horizontal="right")
    # (The row number is counted here: ``ws.max_row`` scans every cell, 2,000 rows took 0.75 s.)
    for number, row in enumerate(list_rows(plist, places, method), start=3):
        ws.append(row)  # every value a str: written as text, never through float
        for col in MONEY_COLUMNS | {4}:
            ws.cell(number, col + 1).alignment = right
    for letter, chars in zip("ABCDEFGHIJKLMN", (6, 22, 32, 22, 10, 7, 9, 26, 16, 16, 16, 8, 40, 30),
                             strict=True):
        ws.column_dimensions[letter].width = chars
    ws.freeze_panes = "A3"
    info = wb.create_sheet("说明")
    pool = "不限" if plist.pool is None else fmt(plist.pool)
    for pair in (("政策", plist.policy_id), ("汇总方法", method or "—"),
                 ("分配方式", plist.mode), ("资金池（元）", pool),
                ("拨付合计（元）", fmt(plist.granted)),
                ("分数线", "无" if plist.cut_off is None else str(plist.cut_off)),
                ("排序规则", ", ".join(plist.order)),
                ("金额格式", ("金额与分数以文本保存（精确到分，不经浮点）/ amounts and scores are "
                              "text, exact, never floats"))):
        info.append(list(pair))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def score_rows(s: Session, agg: PanelAggregate) -> list[dict[str, Any]]:
    """One row per (application, reviewer, criterion), superseded opinions included and
    marked, so the raw file shows everything the chair received."""
    out: list[dict[str, Any]] = []
    if agg.source == "opinions":
        for o in opinions(s):
            for c in (o.data or {}).get("criteria", []):
                out.append({"application_id": o.application_id, "reviewer": o.reviewer,
                            "criterion": c["key"], "criterion_name": c.get("name", ""),
                            "score": c.get("score"), "max_score": c.get("max_score"),
                            "weight": c.get("weight"), "total": o.total,
                            "recommendation": o.recommendation,
                            "recommended_amount": None if o.recommended_amount is None
                            else fmt(o.recommended_amount),
                            "opinion_sha256": o.sha256, "status": o.status})
        return out
    for r in agg.records:
        for key, score in r.criteria.items():
            info = agg.criteria.get(key)
            out.append({"application_id": r.application_id, "reviewer": r.reviewer,
                        "criterion": key, "criterion_name": info.name if info else key,
                        "score": format(score, "f"),
                        "max_score": None if info is None or info.max_score is None
                        else str(info.max_score), "weight": None,
                        "total": format(r.total, "f"), "recommendation": None,
                        "recommended_amount": None, "opinion_sha256": "", "status": "submitted"})
    return out


def scores_csv_bytes(rows: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=SCORE_HEADER, lineterminator="\r\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: ("" if row.get(k) is None else row[k]) for k in SCORE_HEADER})
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def scores_json_bytes(rows: list[dict[str, Any]], agg: PanelAggregate) -> bytes:
    doc = {"schema": "slq-desk/panel-scores", "schema_version": 1, "source": agg.source,
           "scores": rows, "aggregate": agg.to_json()}
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def summary_pdf_bytes(agg: PanelAggregate, plist: PanelList, identity: Any | None,
                      chair: str, audit_anchor: dict[str, Any] | None = None) -> bytes:
    from slq_desk.opinion.sign import Attachment, SignRequest, finalise
    from slq_desk.panel.summary_pdf import render_summary

    org = identity.info.organisation if identity is not None else ""
    rendered = render_summary(agg, plist, chair, org, draft=identity is None,
                              cert_sha256=identity.info.cert_sha256 if identity else "")
    summary: dict[str, Any] = {"schema": "slq-desk/panel-summary", "schema_version": 1,
                               "list": plist.to_json(agg.settings.places),
                               "aggregate": agg.to_json()}
    if audit_anchor is not None:  # the audit chain head, signed with the summary
        summary["audit_anchor"] = dict(audit_anchor)
    data = json.dumps(summary, ensure_ascii=False, indent=2).encode("utf-8")
    return finalise(rendered.pdf, SignRequest(
        box=rendered.signature_box,
        attachments=(Attachment(SUMMARY_ATTACHMENT, data,
                                description="评审结果汇总数据 (panel results, machine-readable)"),),
        identity=identity, reason="评审结果汇总表签署", signer_label=chair))


def _anchor(s: Session) -> dict[str, Any]:
    from slq_desk import audit

    return audit.anchor(s)


def export_all(s: Session, agg: PanelAggregate, plist: PanelList, out_dir: Path,
               identity: Any | None, chair: str, replace: bool = False,
               actor: str = "") -> list[Written]:
    """Write the five files; each atomically, and none if one of them already exists.
    The audit log records what was exported, with each file's SHA-256."""
    from slq_desk.errors import BadInput

    names = (SUMMARY_NAME, LIST_CSV, LIST_XLSX, SCORES_CSV, SCORES_JSON)
    if not replace:
        existing = [n for n in names if (out_dir / n).exists()]
        if existing:
            raise BadInput(f"{out_dir} 中已有 {', '.join(existing)}，未覆盖 / already exists; "
                           "nothing was overwritten (use --force to replace)")
    rows = score_rows(s, agg)
    contents = {
        SUMMARY_NAME: summary_pdf_bytes(agg, plist, identity, chair, _anchor(s)),
        LIST_CSV: list_csv_bytes(plist, agg.settings.places, agg.settings.method_label),
        LIST_XLSX: list_xlsx_bytes(plist, agg.settings.places, agg.settings.method_label),
        SCORES_CSV: scores_csv_bytes(rows),
        SCORES_JSON: scores_json_bytes(rows, agg),
    }
    written = []
    for name in names:
        data = contents[name]
        write_atomically(out_dir / name, data, replace=True)
        written.append(Written(out_dir / name, hashlib.sha256(data).hexdigest(),
                               signed=name == SUMMARY_NAME and identity is not None))
    from slq_desk import audit

    audit.record(s, actor or chair, "panel.export", "panel", plist.policy_id, None,
                 {"chair": chair, "signed": identity is not None, "mode": plist.mode,
                  "pool": None if plist.pool is None else fmt(plist.pool),
                  "cut_off": None if plist.cut_off is None else str(plist.cut_off),
                  "granted": fmt(plist.granted),
                  "main": [e.candidate.application_id for e in plist.of("main")],
                  "reserve": [e.candidate.application_id for e in plist.of("reserve")],
                  "files": {w.path.name: w.sha256 for w in written}})
    return written


def verify_summary(data: bytes, label: str = "<summary>") -> tuple[bool, list[str], dict[str, Any] | None]:
    """Verify a signed 评审结果汇总表: the opinion verifier's strict structure, signature and
    certificate checks, with the summary's own attachment instead of an opinion's."""
    import io as _io

    from pyhanko.pdf_utils.reader import PdfFileReader

    from slq_desk.opinion.reasons import Refusal
    from slq_desk.opinion.verify import embedded_file, verify_bytes

    result = verify_bytes(data, label, attachment=None)
    reasons = list(result.reasons)
    payload: dict[str, Any] | None = None
    if not reasons:
        try:
            raw = embedded_file(PdfFileReader(_io.BytesIO(data), strict=False), SUMMARY_ATTACHMENT)
            payload = None if raw is None else json.loads(raw.decode("utf-8"))
        except Exception as err:  # noqa: BLE001 — any damage in the attachment: invalid, no crash
            reasons.append(Refusal("DATA_UNREADABLE", f"{SUMMARY_ATTACHMENT}: {err}").text())
        if payload is None and not reasons:
            reasons.append(Refusal("DATA_MISSING", f"no embedded {SUMMARY_ATTACHMENT}").text())
    return not reasons, reasons, payload
