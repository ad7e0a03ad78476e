"""`slq-desk panel flags|review-request|resolve|draw|substitute|report|publicity|objection`:
the panel process of issue 16 (复核, the expert draw, the 评审报告 every member signs, 公示 and
异议), as extra actions of `slq-desk panel`.

``panel_cmd`` calls ``register_panel`` with its subparsers; this module's own ``register`` (the
CLI discovers every ``*_cmd`` module) adds nothing at the top level. Exit codes: 0 done, 1
something is invalid or still open, 2 bad input. Times print in Beijing time.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

BEIJING = timezone(timedelta(hours=8), "北京时间")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Nothing at the top level: the actions hang under `slq-desk panel` (``register_panel``)."""


def _ws(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workspace", required=True)
    p.add_argument("--json", action="store_true", help="print JSON")


def register_panel(ps: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    f = ps.add_parser("flags", help="复核 flags: 畸高畸低, ±30%% deviation, arithmetic, range")
    _ws(f)
    f.add_argument("--settings", type=Path, help="panel settings TOML ([recheck] thresholds); "
                                                 "default: the workspace's stored settings")
    f.add_argument("--application", help="only this application")
    f.set_defaults(func=_flags)

    r = ps.add_parser("review-request", help="send a flag for 复核: writes the request file")
    r.add_argument("flag", type=int)
    _ws(r)
    r.add_argument("--note", default="", help="the chair's note to the expert")
    r.add_argument("--out", type=Path, help="write the request (JSON) here for the expert")
    r.add_argument("--force", action="store_true", help="replace an existing file")
    r.set_defaults(func=_review_request)

    v = ps.add_parser("resolve", help="close a flag: the expert's explanation or revised opinion")
    v.add_argument("flag", type=int)
    _ws(v)
    v.add_argument("--explanation", help="the expert's written explanation")
    v.add_argument("--revised", type=Path, metavar="PDF", help="the revised, newly signed opinion")
    v.add_argument("--settings", type=Path, help="panel settings TOML ([recheck] thresholds)")
    v.set_defaults(func=_resolve)


# --- helpers ----------------------------------------------------------------------------------

def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def beijing(value: datetime | None) -> str:
    return "—" if value is None else value.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M 北京时间")


def _flag_json(row: Any) -> dict[str, Any]:
    from slq_desk.panel.flags import KINDS, RESOLUTIONS, STATUS_LABELS

    return {"id": row.id, "application_id": row.application_id, "reviewer": row.reviewer,
            "kind": row.kind, "kind_label": KINDS.get(row.kind, row.kind),
            "criterion": row.criterion, "value": row.value, "reference": row.reference,
            "threshold": row.threshold, "message": row.message,
            "opinion_sha256": row.opinion_sha256, "status": row.status,
            "status_label": STATUS_LABELS.get(row.status, row.status),
            "requested_at": row.requested_at.isoformat() if row.requested_at else None,
            "resolution": row.resolution,
            "resolution_label": RESOLUTIONS.get(row.resolution, ""),
            "explanation": row.explanation, "revised_sha256": row.revised_sha256,
            "resolved_at": row.resolved_at.isoformat() if row.resolved_at else None,
            "resolved_by": row.resolved_by}


def _flag_settings(args: argparse.Namespace, s: Any) -> Any:
    from slq_desk.panel.flags import file_flag_settings, stored_flag_settings

    return file_flag_settings(args.settings) if args.settings else stored_flag_settings(s)


# --- 复核 -------------------------------------------------------------------------------------

def _flags(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.models.panel_process import FLAG_RESOLVED
    from slq_desk.panel.flags import all_flags, refresh

    ws = open_workspace(args)
    try:
        with ws.session() as s:
            new = {r.id for r in refresh(s, ws.actor, _flag_settings(args, s))}
            rows = [_flag_json(r) | {"new": r.id in new} | {
                "requested_at_beijing": beijing(r.requested_at),
                "resolved_at_beijing": beijing(r.resolved_at)}
                for r in all_flags(s, args.application)]
    finally:
        ws.close()
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            crit = f" {r['criterion']}" if r["criterion"] else ""
            state = r["status_label"]
            if r["status"] == FLAG_RESOLVED:
                state += f"（{r['resolution_label']}，{r['resolved_at_beijing']}）"
            print(f"#{r['id']:<4} {r['application_id']:24} {r['reviewer']:6} "
                  f"{r['kind_label']}{crit}  {state}{'  [新]' if r['new'] else ''}")
            print(f"      {r['message']}")
            if r["explanation"]:
                print(f"      说明 / explanation: {r['explanation']}")
        still = sum(1 for r in rows if r["status"] != FLAG_RESOLVED)
        print(f"复核标记 {len(rows)} 个，未处理 {still} 个 / {len(rows)} flags, {still} open")
    return 0


def _review_request(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.flags import request_recheck, write_request

    ws = open_workspace(args)
    try:
        with ws.session() as s:
            doc = request_recheck(s, ws.actor, args.flag, args.note)
    finally:
        ws.close()
    if args.out:
        write_request(args.out, doc, args.force)
    if args.json:
        _print_json(doc)
    else:
        print(doc["text"])
        if args.out:
            print(f"复核通知已写入 / request written: {args.out}")
    return 0


def _resolve(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.flags import RESOLUTIONS, file_flag_settings, resolve

    ws = open_workspace(args)
    try:
        settings = file_flag_settings(args.settings) if args.settings else None
        done = resolve(ws, args.flag, explanation=args.explanation, revised=args.revised,
                       settings=settings)
    finally:
        ws.close()
    if args.json:
        _print_json({"flag": done.flag_id, "resolution": done.resolution,
                     "revised_sha256": done.revised_sha256,
                     "still_flagged": list(done.still_flagged)})
    else:
        print(f"复核标记 #{done.flag_id} 已处理：{RESOLUTIONS[done.resolution]}"
              + (f"  新意见 SHA-256 {done.revised_sha256}" if done.revised_sha256 else ""))
        for m in done.still_flagged:
            print(f"  注意：修改后的意见仍触发同一规则 / the revision still triggers it: {m}")
    return 0
