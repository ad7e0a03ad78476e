"""`slq-desk status`, `slq-desk dedup` and `slq-desk office …`: the 初审 office from the command line.

- ``status APP --to 初审通过 --reason … --by NAME``: move an application (table of allowed moves
  in ``office.status``); ``status APP`` alone prints its status and history.
- ``dedup``: 查重 across the workspace (index lookups), findings on both applications.
- ``office notice draft|sign``: 补正材料通知书 / 受理通知书 / 不予受理通知书 — a JSON draft the
  official edits, then rendered and signed (PAdES).
- ``office verify-invoice`` / ``office credit``: record a manual 查验 / 信用中国 check.
- ``office summary``: the 初审汇总表 (XLSX + signed PDF) for the hand-off to the panel.
- ``office versions``: the application's package versions (补正) and what each changed.
- ``office demo-supplement``: write the 补正 package a flawed demo application needs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from slq_desk.errors import BadInput


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    st = sub.add_parser("status", help="move an application through the 初审 workflow, or show "
                                       "its status and history")
    st.add_argument("application", metavar="APP_ID")
    st.add_argument("--workspace", "-w", required=True)
    st.add_argument("--to", metavar="STATUS",
                    help="new status: 待初审 补正中 初审通过 初审不通过 评审中 已评审 公示中 已兑付 撤销 "
                         "(or the English codes: pending_check supplementing check_passed …)")
    st.add_argument("--reason", default="", help="why (required with --to)")
    st.add_argument("--by", default="", help="who makes the change (required with --to)")
    st.add_argument("--override", action="store_true",
                    help="pass over a guard that allows it (open blocking findings for 初审通过, "
                         "no signed 补正 notice for 补正中); the reason must say why")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=_status)

    dd = sub.add_parser("dedup", help="查重: the same invoice, contract, file or applicant in "
                                      "two applications, across policies")
    dd.add_argument("--workspace", "-w", required=True)
    dd.add_argument("--reindex", action="store_true",
                    help="rebuild the 查重 index first (after field corrections)")
    dd.add_argument("--json", action="store_true")
    dd.add_argument("--quiet", "-q", action="store_true",
                    help="no progress lines on stderr (Ctrl-C cancels, leaving everything as it was)")
    dd.set_defaults(func=_dedup)

    of = sub.add_parser("office", help="the 初审 office: notices, manual checks, summary, 补正")
    osub = of.add_subparsers(dest="office_command", metavar="ACTION", required=True)

    notice = osub.add_parser("notice", help="补正材料通知书 / 受理通知书 / 不予受理通知书")
    nsub = notice.add_subparsers(dest="notice_command", metavar="STEP", required=True)
    nd = nsub.add_parser("draft", help="write the notice's editable JSON draft (numbered)")
    nd.add_argument("application", metavar="APP_ID")
    nd.add_argument("--workspace", "-w", required=True)
    nd.add_argument("--kind", default="supplement",
                    choices=("supplement", "acceptance", "rejection"),
                    help="supplement 补正材料通知书 (default), acceptance 受理通知书, "
                         "rejection 不予受理通知书")
    nd.add_argument("--out", required=True, type=Path, help="JSON draft file to write")
    nd.add_argument("--office", help="the issuing office (default: the workspace setting "
                                     "office.name)")
    nd.add_argument("--official", default="", help="承办人 (default: the OS user)")
    nd.add_argument("--working-days", type=int, help="deadline in working days (default 15)")
    nd.add_argument("--days", type=int, help="deadline in calendar days instead")
    nd.add_argument("--reason", action="append", default=[],
                    help="不予受理 reason (repeatable; default: the blocking findings)")
    nd.set_defaults(func=_notice_draft)
    ns = nsub.add_parser("sign", help="render the (edited) draft as PDF and sign it")
    ns.add_argument("draft", type=Path, help="the JSON draft, as the official edited it")
    ns.add_argument("--workspace", "-w", required=True)
    ns.add_argument("--out", required=True, type=Path, help="PDF file to write")
    ns.add_argument("--unsigned", action="store_true", help="write a 草稿 PDF, do not sign")
    ns.add_argument("--identity", type=Path, metavar="P12", help="key file (default: installed)")
    ns.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    ns.set_defaults(func=_notice_sign)

    nl = nsub.add_parser("list", help="the application's notices: number, kind, status, file")
    nl.add_argument("application", metavar="APP_ID")
    nl.add_argument("--workspace", "-w", required=True)
    nl.add_argument("--json", action="store_true")
    nl.set_defaults(func=_notice_list)

    vi = osub.add_parser("verify-invoice", help="record the national 查验 result of an invoice")
    vi.add_argument("application", metavar="APP_ID")
    vi.add_argument("invoice", help="invoice number (or 代码-号码), or the document id")
    vi.add_argument("--workspace", "-w", required=True)
    vi.add_argument("--result", required=True, help="一致 / 不一致 / 查无此票 (match / mismatch / "
                                                   "not_found)")
    vi.add_argument("--date", required=True, help="the day it was checked (YYYY-MM-DD)")
    vi.add_argument("--by", required=True, help="who checked")
    vi.add_argument("--note", default="")
    vi.set_defaults(func=_verify_invoice)

    cr = osub.add_parser("credit", help="record the 信用中国 credit check of the applicant")
    cr.add_argument("application", metavar="APP_ID")
    cr.add_argument("--workspace", "-w", required=True)
    cr.add_argument("--result", required=True,
                    help="无失信记录 / 有失信记录 / 未查到 (clean / listed / not_found)")
    cr.add_argument("--date", required=True, help="the day the report was seen (YYYY-MM-DD)")
    cr.add_argument("--by", required=True)
    cr.add_argument("--report", default="", help="the 信用报告 number or file seen")
    cr.add_argument("--note", default="")
    cr.set_defaults(func=_credit)

    sm = osub.add_parser("summary", help="初审汇总表: XLSX and signed PDF for the panel")
    sm.add_argument("--workspace", "-w", required=True)
    sm.add_argument("--out", required=True, type=Path, help="folder to write into")
    sm.add_argument("--status", action="append", default=[],
                    help="only applications in this status (default 初审通过)")
    sm.add_argument("--application", action="append", default=[], metavar="APP_ID",
                    help="only these applications")
    sm.add_argument("--official", default="", help="初审人 (default: the signer / OS user)")
    sm.add_argument("--office", help="the office (default: workspace setting office.name)")
    sm.add_argument("--unsigned", action="store_true")
    sm.add_argument("--identity", type=Path, metavar="P12")
    sm.add_argument("--passphrase-env", metavar="VAR")
    sm.set_defaults(func=_summary)

    ve = osub.add_parser("versions", help="the application's package versions (补正)")
    ve.add_argument("application", metavar="APP_ID")
    ve.add_argument("--workspace", "-w", required=True)
    ve.add_argument("--json", action="store_true")
    ve.set_defaults(func=_versions)

    ds = osub.add_parser("demo-supplement", help="write the 补正 package of a flawed demo "
                                                 "application (its missing / corrected files)")
    ds.add_argument("package_id", help="demo package id, e.g. wuhan-flawed-1")
    ds.add_argument("--out", required=True, type=Path)
    ds.add_argument("--seed", type=int, default=1)
    ds.set_defaults(func=_demo_supplement)


def _identity(args: argparse.Namespace) -> Any:
    if getattr(args, "unsigned", False):
        return None
    from slq_desk.cli.common import load_signing_identity

    return load_signing_identity(args.identity, args.passphrase_env)


def _status(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.models.schema import Application
    from slq_desk.office import status as wf

    with open_workspace(args) as ws:
        if args.to:
            move = wf.move_status(ws, args.application, args.to, args.reason, args.by,
                                  override=args.override)
            if args.json:
                print(json.dumps(move.to_dict(), ensure_ascii=False, indent=2))
            else:
                extra = f"（越过 overridden: {'; '.join(move.overridden)}）" if move.overridden else ""
                print(f"{move.application_id}: {wf.label(move.before)} → {wf.label(move.after)}"
                      f"  by {move.by}: {move.reason}{extra}")
            return 0
        with ws.session() as s:
            app = s.get(Application, args.application)
            if app is None:
                raise BadInput(f"no application {args.application!r} in this workspace")
            code = wf.current(app.status)
        hist = wf.history(ws, args.application)
    if args.json:
        print(json.dumps({"application_id": args.application, "status": code,
                          "status_zh": wf.label(code),
                          "allowed": list(wf.TRANSITIONS.get(code, ())), "history": hist},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"{args.application}: {wf.label(code)}（{code}）; 可转为 allowed: "
          + ("、".join(wf.label(c) for c in wf.TRANSITIONS.get(code, ())) or "—"))
    for h in hist:
        print(f"  {h['at']}  {wf.label(h['from'] or '')} → {wf.label(h['to'] or '')}  "
              f"{h['by']}: {h['reason']}")
    return 0


def _dedup(args: argparse.Namespace) -> int:
    from slq_desk.checks import dedup
    from slq_desk.cli.common import open_workspace

    progress = None if args.quiet else _progress_printer()
    try:
        with open_workspace(args) as ws:
            if args.reindex:
                dedup.reindex(ws, progress=progress)
            dups = dedup.refresh_findings(ws, progress=progress)
    except KeyboardInterrupt:
        # Ctrl-C cancels: the step's transaction rolled back, the index and findings stand.
        print("\n已取消，查重索引与结果保持不变 / cancelled: the 查重 index and findings are "
              "unchanged", file=sys.stderr)
        return 130
    if args.json:
        print(json.dumps([d.to_dict() for d in dups], ensure_ascii=False, indent=2))
        return 1 if dups else 0
    if not dups:
        print("未发现重复 / no duplicates")
        return 0
    for d in dups:
        zh, _en = d.messages(d.first)
        print(f"{d.code}\t{d.first}\t{d.second}\t{d.key}\t{zh}")
    print(f"共 {len(dups)} 处重复 / {len(dups)} duplicate(s)", file=sys.stderr)
    return 1


def _progress_printer() -> Callable[[int, int, str], None]:
    """A progress callback for long steps: one line per step on stderr (rewritten in place on a
    terminal), so stdout stays the result (and ``--json`` stays parseable)."""
    tty = sys.stderr.isatty()

    def report(done: int, total: int, text: str) -> None:
        end = "\n" if done >= total or not tty else ""
        print(f"{chr(13) if tty else ''}{text}: {done}/{total}", end=end, file=sys.stderr,
              flush=True)

    return report


def _notice_draft(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.office.notices import draft_notice

    if args.working_days is not None and args.days is not None:
        raise BadInput("give --working-days or --days, not both")
    with open_workspace(args) as ws:
        draft = draft_notice(ws, args.application, args.kind, office=args.office,
                             official=args.official or ws.actor,
                             working_days=args.working_days, calendar_days=args.days,
                             reasons=args.reason)
    draft.write(args.out)
    print(f"{args.out}  文书编号 {draft.number}（{draft.title}，{len(draft.items)} 项）；"
          "编辑后用 `slq-desk office notice sign` 签发 / edit, then sign")
    return 0


def _notice_sign(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.office.notices import NoticeDraft, sign_notice

    draft = NoticeDraft.read(args.draft)
    ident = _identity(args)
    with open_workspace(args) as ws:
        written = sign_notice(ws, draft, args.out, identity=ident)
    state = "已签署 signed" if ident else "草稿 unsigned draft"
    print(f"{written.path}  文书编号 {written.number}  ({written.pages} 页, {state}, "
          f"sha256 {written.sha256[:16]}…)")
    return 0


def _notice_list(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.office.notices import notices

    with open_workspace(args) as ws:
        rows = notices(ws, args.application)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(f"{args.application}: 尚无文书 / no notices")
    for r in rows:
        state = {"draft": "草稿 draft", "signed": f"已签署 signed by {r['signer']}"}.get(
            r["status"], r["status"])
        print(f"{r['number']}\t{r['title']}\t{state}\t{r['deadline'] or ''}\t{r['file']}")
    return 0


def _verify_invoice(args: argparse.Namespace) -> int:
    from slq_desk.checks.verification import record_invoice_check
    from slq_desk.cli.common import open_workspace

    with open_workspace(args) as ws:
        row = record_invoice_check(ws, args.application, args.invoice, args.result, args.date,
                                   args.by, args.note)
    print(f"{args.application}: 发票 {row['subject']} 查验 {row['result']}（{row['checked_on']}，"
          f"{row['checked_by']}）")
    return 0


def _credit(args: argparse.Namespace) -> int:
    from slq_desk.checks.verification import record_credit_check
    from slq_desk.cli.common import open_workspace

    with open_workspace(args) as ws:
        row = record_credit_check(ws, args.application, args.result, args.date, args.by,
                                  report=args.report, note=args.note)
    print(f"{args.application}: 信用中国 {row['subject']} {row['result']}（{row['checked_on']}，"
          f"{row['checked_by']}）")
    return 0


def _summary(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.office.summary import write_summary

    if args.out.exists() and not args.out.is_dir():
        raise BadInput(f"{args.out} is a file; give a folder")
    ident = _identity(args)
    with open_workspace(args) as ws:
        written = write_summary(ws, args.out, statuses=args.status or None,
                                app_ids=args.application or None,
                                official=args.official or (ident.info.name if ident else ws.actor),
                                office=args.office, identity=ident)
    print(f"{written.xlsx}\n{written.pdf}  ({written.rows} 份申报, {written.pages} 页, "
          f"{'已签署 signed' if ident else '草稿 unsigned'})")
    return 0


def _versions(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.office.supplement import versions

    with open_workspace(args) as ws:
        rows = versions(ws, args.application)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(f"{args.application}: 仅原始申报包，无补正 / only the original package")
    for v in rows:
        ch = v["changes"]
        print(f"第 {v['version']} 版  {v['package']}  {v['imported_at']}  "
              f"{len(v['files'])} 个文件; 新增 {len(ch.get('added', []))}，替换 "
              f"{len(ch.get('replaced', []))}，已解决 {len(ch.get('closed', []))}，仍存在 "
              f"{len(ch.get('remaining', []))}")
    return 0


def _demo_supplement(args: argparse.Namespace) -> int:
    from slq_desk.demo.supplement import write_supplement

    names = write_supplement(args.out, args.package_id, seed=args.seed)
    for name in names:
        print(args.out / name)
    return 0
