"""`slq-desk panel draw|substitute|kit|pledges|flags|review-request|revise|resolve|report|
publicity|objection`: the panel process of issue 16 (the expert draw with recusal, offline
review kits and the pledge, 复核, the 评审报告 every member signs, 公示 and 异议), as extra
actions of `slq-desk panel`.

``panel_cmd`` calls ``register_panel`` with its subparsers; this module's own ``register`` (the
CLI discovers every ``*_cmd`` module) adds nothing at the top level. Exit codes: 0 done, 1
something is invalid or still open, 2 bad input. Times print in Beijing time.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

BEIJING = timezone(timedelta(hours=8), "北京时间")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Nothing at the top level: the actions hang under `slq-desk panel` (``register_panel``)."""


def _ws(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workspace", required=True)
    p.add_argument("--json", action="store_true", help="print JSON")


def register_panel(ps: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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

    rr = ps.add_parser("revise", help="the expert's 复核: change scores in a signed opinion, sign "
                                      "it anew (total recomputed)")
    rr.add_argument("opinion", type=Path, help="the expert's signed opinion PDF")
    rr.add_argument("--out", type=Path, required=True)
    rr.add_argument("--score", action="append", default=[], metavar="KEY=VALUE")
    rr.add_argument("--comment", action="append", default=[], metavar="KEY=TEXT")
    rr.add_argument("--note", default="", help="复核说明 added to the opinion's comment")
    rr.add_argument("--identity", type=Path, metavar="P12",
                    help="key file (default: the installed identity)")
    rr.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    rr.add_argument("--force", action="store_true", help="replace an existing file")
    rr.set_defaults(func=_revise)

    dr = ps.add_parser("draw", help="draw N experts at random from a pool, with recusal")
    _ws(dr)
    dr.add_argument("--pool", type=Path, required=True, help="expert pool (.toml or .csv)")
    dr.add_argument("--size", type=int, required=True, help="how many experts to draw")
    dr.add_argument("--batch", default="", help="the batch's name (default: the date)")
    dr.add_argument("--seed", type=int, help="the seed (default: a fresh random one, recorded)")
    dr.add_argument("--application", action="append", help="an application of the batch "
                                                           "(repeat; default: every one held)")
    dr.add_argument("--policy", help="the batch is this policy's applications")
    dr.set_defaults(func=_draw)

    sb = ps.add_parser("substitute", help="replace a drawn expert by another, with the reason")
    sb.add_argument("out_expert")
    sb.add_argument("in_expert")
    _ws(sb)
    sb.add_argument("--reason", required=True)
    sb.add_argument("--draw", type=int, help="which draw (default: the latest)")
    sb.set_defaults(func=_substitute)

    kt = ps.add_parser("kit", help="offline review kits: export (chair), import and pledge "
                                   "(expert)")
    ks = kt.add_subparsers(dest="panel_kit_command", metavar="STEP", required=True)
    ke = ks.add_parser("export", help="the expert's signed kit: packages, rubric, settings, "
                                      "pledge text, 复核 requests, the chair's certificate")
    ke.add_argument("--workspace", required=True)
    ke.add_argument("--expert", required=True)
    ke.add_argument("--out", type=Path, required=True, help="the kit (.zip)")
    ke.add_argument("--application", action="append",
                    help="an assigned application (repeat; default: the latest draw's batch)")
    ke.add_argument("--packages", type=Path, metavar="DIR",
                    help="where originals not in the workspace are (DIR/APP_ID/FILE)")
    ke.add_argument("--pledge-text", type=Path, help="the panel's own pledge text")
    ke.add_argument("--identity", type=Path, metavar="P12", help="the chair's key file")
    ke.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    ke.add_argument("--force", action="store_true", help="replace an existing file")
    ke.set_defaults(func=_kit_export)
    ki = ks.add_parser("import", help="verify a kit and store it, locked until the pledge")
    ki.add_argument("kit", type=Path)
    ki.add_argument("--workspace", required=True)
    ki.add_argument("--chair-fingerprint", metavar="SHA256",
                    help="the chair certificate's SHA-256 as given to you in person")
    ki.set_defaults(func=_kit_import)
    kp = ks.add_parser("pledge", help="sign the 评审纪律与保密承诺书; then the documents open")
    kp.add_argument("kit_id")
    kp.add_argument("--workspace", required=True)
    kp.add_argument("--out", type=Path, required=True, help="the signed pledge PDF")
    kp.add_argument("--identity", type=Path, metavar="P12", help="your key file")
    kp.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    kp.add_argument("--force", action="store_true", help="replace an existing file")
    kp.set_defaults(func=_kit_pledge)

    pl = ps.add_parser("pledges", help="the chair: import signed pledges, list who pledged when")
    pls = pl.add_subparsers(dest="panel_pledges_command", metavar="STEP", required=True)
    pi = pls.add_parser("import", help="signed pledges from a folder, .zip or PDF")
    pi.add_argument("source", type=Path)
    _ws(pi)
    pi.set_defaults(func=_pledges_import)
    pll = pls.add_parser("list", help="who pledged when")
    _ws(pll)
    pll.set_defaults(func=_pledges_list)

    from slq_desk.cli.panel_cmd import _agg_opts, _rank_opts

    rp = ps.add_parser("report", help="the 评审报告 every member signs: build, sign, verify")
    rs = rp.add_subparsers(dest="panel_report_command", metavar="STEP", required=True)
    b = rs.add_parser("build", help="lay out the report with one empty signature field per member")
    b.add_argument("--workspace", required=True)
    b.add_argument("--out", type=Path, required=True)
    b.add_argument("--member", action="append", metavar="NAME[:ORGANISATION]",
                   help="a member, in signing order (repeat); default: the latest draw's "
                        "experts, else the reviewers of the imported opinions")
    b.add_argument("--force", action="store_true", help="replace an existing file")
    _agg_opts(b)
    _rank_opts(b)
    b.set_defaults(func=_report_build)
    sg = rs.add_parser("sign", help="sign the report as one member (first signature certifies)")
    sg.add_argument("pdf", type=Path)
    sg.add_argument("--out", type=Path, help="write here (default: replace the file in place)")
    sg.add_argument("--identity", type=Path, metavar="P12",
                    help="key file (default: the installed identity)")
    sg.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    sg.add_argument("--dissent", help="the member's dissent and its reasons (持不同意见)")
    sg.set_defaults(func=_report_sign)
    rv = rs.add_parser("verify", help="check every signature; list who signed and who dissented")
    rv.add_argument("pdf", type=Path)
    rv.add_argument("--json", action="store_true", help="print JSON")
    rv.add_argument("--workspace", help="also check each member's certificate against the one "
                                        "the expert pool of the latest draw registered")
    rv.set_defaults(func=_report_verify)

    pu = ps.add_parser("publicity", help="公示: the list (applicant, amount) and the experts, "
                                         "as XLSX and PDF")
    pu.add_argument("--workspace", required=True)
    pu.add_argument("--out-dir", type=Path, required=True)
    pu.add_argument("--start", type=date.fromisoformat, help="first day of the period "
                                                             "(YYYY-MM-DD; default: today)")
    pu.add_argument("--days", type=int, default=5, help="length of the period in days")
    pu.add_argument("--member", action="append", metavar="NAME[:ORGANISATION]",
                    help="an expert to list (default: the latest draw's panel)")
    pu.add_argument("--force", action="store_true", help="replace existing files")
    _agg_opts(pu)
    _rank_opts(pu)
    pu.set_defaults(func=_publicity)

    ob = ps.add_parser("objection", help="异议 log: add, answer (may reopen the review), list")
    obs = ob.add_subparsers(dest="panel_objection_command", metavar="STEP", required=True)
    oa = obs.add_parser("add", help="record an objection received")
    oa.add_argument("application_id")
    _ws(oa)
    oa.add_argument("--by", required=True, help="who objected")
    oa.add_argument("--about", required=True, help="what the objection says")
    oa.add_argument("--received", type=datetime.fromisoformat,
                    help="when it was received, with zone (e.g. 2026-12-08T10:00+08:00); "
                         "default: now")
    oa.set_defaults(func=_objection_add)
    on = obs.add_parser("answer", help="the answer and the outcome")
    on.add_argument("objection", type=int)
    _ws(on)
    on.add_argument("--answer", required=True)
    on.add_argument("--outcome", required=True, choices=("upheld", "partly", "rejected"))
    on.add_argument("--reopen", action="store_true", help="reopen the application's review")
    on.set_defaults(func=_objection_answer)
    ol = obs.add_parser("list", help="the objections log")
    _ws(ol)
    ol.add_argument("--application")
    ol.set_defaults(func=_objection_list)


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

    with open_workspace(args) as ws:
        with ws.session() as s:
            new = {r.id for r in refresh(s, ws.actor, _flag_settings(args, s))}
            rows = [_flag_json(r) | {"new": r.id in new} | {
                "requested_at_beijing": beijing(r.requested_at),
                "resolved_at_beijing": beijing(r.resolved_at)}
                for r in all_flags(s, args.application)]
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

    with open_workspace(args) as ws:
        with ws.session() as s:
            doc = request_recheck(s, ws.actor, args.flag, args.note)
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

    with open_workspace(args) as ws:
        settings = file_flag_settings(args.settings) if args.settings else None
        done = resolve(ws, args.flag, explanation=args.explanation, revised=args.revised,
                       settings=settings)
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


# --- 评审报告 ----------------------------------------------------------------------------------

def _members(args: argparse.Namespace, s: Any) -> list[Any] | None:
    from slq_desk.panel.report import Member

    if args.member:
        out = []
        for text in args.member:
            name, _, org = text.partition(":")
            if not name.strip():
                from slq_desk.errors import BadInput

                raise BadInput(f"--member {text!r}: 缺少姓名 / no name")
            out.append(Member(name.strip(), org.strip()))
        return out
    from slq_desk.panel.draw import latest_panel

    return latest_panel(s)


def _report_build(args: argparse.Namespace) -> int:
    from slq_desk import audit
    from slq_desk.cli.common import open_workspace
    from slq_desk.cli.panel_cmd import _rank_list
    from slq_desk.desk.service import Desk
    from slq_desk.opinion.export import write_atomically
    from slq_desk.panel.report import build_report, content_from_workspace

    with open_workspace(args) as ws:
        # The ranking goes through the desk service, as `panel rank` does; the report's own
        # records are written in this session.
        agg, _c, plist = _rank_list(Desk(ws), args)
        with ws.session() as s:
            content = content_from_workspace(s, agg, plist, _members(args, s))
            pdf = build_report(content)
            import hashlib

            digest = hashlib.sha256(pdf).hexdigest()
            write_atomically(args.out, pdf, args.force)
            audit.record(s, ws.actor, "panel.report", "panel", plist.policy_id, None,
                         {"sha256": digest, "members": [m.name for m in content.members],
                          "method": content.method_label})
    print(f"{args.out}  待签署 / to be signed by: "
          f"{'、'.join(m.name for m in content.members)}  SHA-256 {digest}")
    print(f"汇总方法 / method: {content.method_label}")
    return 0


def _report_sign(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import load_signing_identity
    from slq_desk.opinion.export import write_atomically
    from slq_desk.opinion.verify import read_pdf_bytes
    from slq_desk.panel.report import sign_report, verify_report

    data = read_pdf_bytes(args.pdf)
    before = verify_report(data, str(args.pdf))
    if before.signatures and not before.valid:
        print(f"无效 / INVALID: {args.pdf} — 已有签名未通过验证，拒绝在其上签署 / an earlier "
              "signature does not verify; not signing on top of it")
        for problem in before.problems + [p for sc in before.signatures for p in sc.problems]:
            print(f"  原因 / reason: {problem}")
        return 1
    ident = load_signing_identity(args.identity, args.passphrase_env)
    signed = sign_report(data, ident, dissent=args.dissent)
    out = args.out or args.pdf
    write_atomically(out, signed, replace=True)
    check = verify_report(signed, str(out))
    kind = "认证签名 / certification" if len(check.signatures) == 1 else "签名 / approval"
    print(f"{out}  {ident.info.name} 已签署（{kind}）"
          + (f"  持不同意见 / dissent: {args.dissent}" if args.dissent else ""))
    if check.unsigned:
        print(f"  尚未签署 / still to sign: {'、'.join(check.unsigned)}")
    return 0 if check.valid else 1


def _report_verify(args: argparse.Namespace) -> int:
    from slq_desk.opinion.verify import read_pdf_bytes
    from slq_desk.panel.report import verify_report

    registered: dict[str, str] | None = None
    if args.workspace:
        from slq_desk.cli.common import open_workspace
        from slq_desk.panel.draw import pool_fingerprints

        with open_workspace(args) as ws:
            with ws.session() as s:
                registered = pool_fingerprints(s)
    check = verify_report(read_pdf_bytes(args.pdf), str(args.pdf), registered)
    if args.json:
        _print_json(check.to_json())
        return 0 if check.valid else 1
    print(f"{'有效 / VALID' if check.valid else '无效 / INVALID'}: {args.pdf}")
    for sc in check.signatures:
        j = sc.to_json()
        kind = "认证签名" if sc.certification else "签名"
        verdict = f"持不同意见：{sc.dissent}" if sc.dissent else "同意"
        print(f"  {'✓' if sc.ok else '✗'} {sc.member or '?'}（证书 {sc.signer}，{kind}，"
              f"{j['signed_at_beijing'] or '时间不明'}）{verdict}")
        trust = ("专家库登记的证书 / registered in the pool" if sc.registered
                 else "" if sc.trusted else "证书未经信任链验证，请核对指纹 / untrusted: compare "
                                            "the fingerprint")
        print(f"      签名范围 / byte range {list(sc.byte_range)}  证书指纹 {sc.cert_sha256[:16]}…"
              + (f"  （{trust}）" if trust else ""))
        for n in sc.notes:
            print(f"      注意 / note: {n}")
        for p in sc.problems:
            print(f"      原因 / reason: {p}")
    for p in check.problems:
        print(f"  原因 / reason: {p}")
    print(f"已签署 / signed: {'、'.join(s.member for s in check.signatures) or '无'}；"
          f"持不同意见 / dissent: {'、'.join(check.dissenters) or '无'}；"
          f"尚未签署 / unsigned: {'、'.join(check.unsigned) or '无'}")
    return 0 if check.valid else 1


# --- draw ---------------------------------------------------------------------------------------

def _draw(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from slq_desk.cli.common import open_workspace
    from slq_desk.models.schema import Application
    from slq_desk.panel.draw import draw, load_pool

    experts = load_pool(args.pool)
    with open_workspace(args) as ws:
        with ws.session() as s:
            if args.application:
                app_ids = list(args.application)
            else:
                q = select(Application.id).order_by(Application.id)
                if args.policy:
                    q = q.where(Application.policy_id == args.policy)
                app_ids = list(s.scalars(q))
            batch = args.batch or datetime.now(BEIJING).strftime("%Y-%m-%d")
            result = draw(s, ws.actor, experts, batch, args.size, app_ids, args.seed)
        # The drawn members' certificates become the roster: opinions signed by anyone else
        # are refused at import (the roster is the trust anchor, issue 14).
        from slq_desk.panel.roster import enrol

        by_name = {e.name: e for e in experts}
        enrolled = enrol(ws, [(n, args.pool.parent / by_name[n].certificate, by_name[n].organisation)
                              for n in result.drawn if by_name[n].certificate])
    if args.json:
        _print_json({"draw": result.id, "batch": result.batch, "seed": str(result.seed),
                     "drawn": list(result.drawn), "eligible": result.eligible,
                     "excluded": [{"name": n, "reasons": r} for n, r in result.excluded.items()],
                     "applications": app_ids, "enrolled": [m.name for m in enrolled]})
        return 0
    print(f"抽取 #{result.id}  批次 {result.batch}  种子 / seed {result.seed}  "
          f"申报 {len(app_ids)} 项  可抽 {result.eligible} 人 / eligible")
    print(f"抽中 / drawn: {'、'.join(result.drawn)}")
    if enrolled:
        print(f"登记证书 / on the roster now: {'、'.join(m.name for m in enrolled)}")
    for name, reasons in result.excluded.items():
        print(f"回避 / excluded: {name}")
        for r in reasons:
            print(f"    {r}")
    return 0


def _substitute(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.draw import current_members, substitute

    with open_workspace(args) as ws:
        with ws.session() as s:
            row = substitute(s, ws.actor, args.out_expert, args.in_expert, args.reason, args.draw)
            members = current_members(row)
            draw_id = row.id
    if args.json:
        _print_json({"draw": draw_id, "members": members})
    else:
        print(f"抽取 #{draw_id}：{args.out_expert} → {args.in_expert}（{args.reason}）")
        print(f"评审组 / panel: {'、'.join(members)}")
    return 0


# --- 公示 and 异议 ------------------------------------------------------------------------------

def _publicity(args: argparse.Namespace) -> int:
    import hashlib

    from slq_desk import audit
    from slq_desk.cli.common import open_workspace
    from slq_desk.cli.panel_cmd import _rank_list
    from slq_desk.errors import BadInput
    from slq_desk.opinion.export import write_atomically
    from slq_desk.panel.publicity import build_publicity, publicity_pdf, publicity_xlsx

    names = ("公示名单.xlsx", "公示名单.pdf")
    if not args.force:
        existing = [n for n in names if (args.out_dir / n).exists()]
        if existing:
            raise BadInput(f"{args.out_dir} 中已有 {', '.join(existing)}，未覆盖 / already exists "
                           "(use --force)")
    from slq_desk.desk.service import Desk

    with open_workspace(args) as ws:
        # The ranking goes through the desk service, as `panel rank` does; the report's own
        # records are written in this session.
        agg, _c, plist = _rank_list(Desk(ws), args)
        with ws.session() as s:
            members = _members(args, s) or []
            pub = build_publicity(plist, agg.settings.method_label,
                                  [(m.name, m.organisation) for m in members],
                                  args.start or datetime.now(BEIJING).date(), args.days)
            files = {names[0]: publicity_xlsx(pub), names[1]: publicity_pdf(pub)}
            for name, data in files.items():
                write_atomically(args.out_dir / name, data, replace=True)
            audit.record(s, ws.actor, "panel.publicity", "panel", plist.policy_id, None,
                         {"period": pub.period, "applications": [r.application_id
                                                                  for r in pub.rows],
                          "experts": [n for n, _o in pub.experts],
                          "files": {n: hashlib.sha256(d).hexdigest() for n, d in files.items()}})
    print(f"公示期 {pub.period}：拟支持 {len(pub.rows)} 项，合计 {pub.total} 元；评审专家 "
          f"{'、'.join(n for n, _o in pub.experts)}")
    for name in names:
        print(f"  {args.out_dir / name}")
    return 0


def _objection_json(row: Any) -> dict[str, Any]:
    from slq_desk.panel.publicity import OUTCOMES

    return {"id": row.id, "application_id": row.application_id, "objector": row.objector,
            "about": row.about, "received_at": row.received_at.isoformat(),
            "received_at_beijing": beijing(row.received_at), "recorded_by": row.recorded_by,
            "answer": row.answer, "outcome": row.outcome,
            "outcome_label": OUTCOMES.get(row.outcome, "待答复"),
            "answered_at": row.answered_at.isoformat() if row.answered_at else None,
            "answered_by": row.answered_by, "reopened": row.reopened}


def _print_objection(o: dict[str, Any]) -> None:
    print(f"异议 #{o['id']}  {o['application_id']}  {o['received_at_beijing']}  提出人 {o['objector']}"
          f"  {o['outcome_label']}{'  已重新评审 / reopened' if o['reopened'] else ''}")
    print(f"    内容 / about: {o['about']}")
    if o["answer"]:
        print(f"    答复 / answer: {o['answer']}")


def _objection_add(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.publicity import record_objection

    with open_workspace(args) as ws:
        with ws.session() as s:
            out = _objection_json(record_objection(s, ws.actor, args.application_id, args.by,
                                                   args.about, args.received))
    if args.json:
        _print_json(out)
    else:
        _print_objection(out)
    return 0


def _objection_answer(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.publicity import answer_objection

    with open_workspace(args) as ws:
        with ws.session() as s:
            out = _objection_json(answer_objection(s, ws.actor, args.objection, args.answer,
                                                   args.outcome, args.reopen))
    if args.json:
        _print_json(out)
    else:
        _print_objection(out)
    return 0


def _objection_list(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.publicity import objections

    with open_workspace(args) as ws:
        with ws.session() as s:
            rows = [_objection_json(r) for r in objections(s, args.application)]
    if args.json:
        _print_json(rows)
    else:
        for o in rows:
            _print_objection(o)
        print(f"共 {len(rows)} 件异议 / {len(rows)} objections")
    return 0


def _pairs(items: list[str], flag: str) -> dict[str, str]:
    from slq_desk.errors import BadInput

    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise BadInput(f"{flag} {item!r}: 应写成 KEY=VALUE / expected KEY=VALUE")
        out[key.strip()] = value.strip()
    return out


def _revise(args: argparse.Namespace) -> int:
    import hashlib

    from slq_desk.cli.common import load_signing_identity
    from slq_desk.opinion.export import write_atomically
    from slq_desk.opinion.verify import read_pdf_bytes
    from slq_desk.panel.flags import revise_opinion

    data = read_pdf_bytes(args.opinion)
    scores, comments = _pairs(args.score, "--score"), _pairs(args.comment, "--comment")
    ident = load_signing_identity(args.identity, args.passphrase_env)
    revised = revise_opinion(data, ident, scores, comments, args.note)
    write_atomically(args.out, revised, args.force)
    print(f"{args.out}  已修改并重新签署 / revised and signed by {ident.info.name}  SHA-256 "
          f"{hashlib.sha256(revised).hexdigest()}")
    return 0


# --- review kits and pledges --------------------------------------------------------------------

def _kit_export(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import load_signing_identity, open_workspace
    from slq_desk.panel.draw import get_draw
    from slq_desk.panel.kit import export_kit

    with open_workspace(args) as ws:
        chair = load_signing_identity(args.identity, args.passphrase_env)
        with ws.session() as s:
            app_ids = list(args.application or get_draw(s).applications)
            done = export_kit(ws, s, args.expert, app_ids, chair, args.out,
                              packages=args.packages, pledge=args.pledge_text,
                              replace=args.force)
    print(f"{done.path}  评审包 / kit {done.kit_id}  专家 {args.expert}  申报 {len(done.applications)} "
          f"项  文件 {done.files} 个  SHA-256 {done.sha256}")
    print(f"组长证书指纹（请告知专家）/ chair fingerprint: {chair.info.cert_sha256}")
    return 0


def _kit_import(args: argparse.Namespace) -> int:
    import sys

    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.kit import import_kit

    with open_workspace(args, create=True) as ws:
        kit = import_kit(ws, args.kit, args.chair_fingerprint)
    for w in kit.warnings:
        print(f"注意 / note: {w}", file=sys.stderr)
    apps = kit.data["applications"]
    print(f"评审包 {kit.kit_id} 已验证并导入（未打开）/ verified and stored, locked: 专家 "
          f"{kit.expert}，组长 {kit.data['chair']['name']}，申报 {len(apps)} 项")
    requests = json.loads(kit.files.get("recheck-requests.json", b"[]").decode("utf-8"))
    for r in requests:
        print(f"复核通知 / 复核 request #{r['flag']}  {r['application_id']}: {r['message']}"
              + (f"（{r['note']}）" if r.get("note") else ""))
    for note in kit.data.get("notes", []):
        print(f"注意 / note: {note}")
    print(f"请先签署评审纪律与保密承诺书 / sign the pledge first: slq-desk panel kit pledge "
          f"{kit.kit_id} --workspace {args.workspace} --out 承诺书.pdf")
    return 0


def _kit_pledge(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import load_signing_identity, open_workspace
    from slq_desk.panel.kit import sign_pledge

    with open_workspace(args) as ws:
        ident = load_signing_identity(args.identity, args.passphrase_env)
        opened = sign_pledge(ws, args.kit_id, ident, args.out, args.force)
    print(f"{args.out}  承诺书已签署 / pledge signed by {ident.info.name}；评审材料已打开 / "
          f"documents open: {'、'.join(opened)}")
    return 0


def _pledges_import(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.kit import import_pledges

    with open_workspace(args) as ws:
        done = import_pledges(ws, args.source)
    if args.json:
        _print_json({"imported": [{"name": n, "expert": e} for n, e in done.imported],
                     "refused": [{"name": n, "reason": r} for n, r in done.refused],
                     "already_imported": done.already})
    else:
        for n, e in done.imported:
            print(f"导入 / imported  {e}  {n}")
        for n, r in done.refused:
            print(f"拒绝 / refused  {n}: {r}")
        for n in done.already:
            print(f"已导入过 / already imported  {n}")
    return 1 if done.refused else 0


def _pledges_list(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.collect import opinions
    from slq_desk.panel.kit import pledges

    with open_workspace(args) as ws:
        with ws.session() as s:
            rows: list[dict[str, Any]] = [
                    {"expert": p.expert, "kit_id": p.kit_id, "signer": p.signer,
                     "cert_sha256": p.cert_sha256,
                     "signed_at": p.signed_at.isoformat() if p.signed_at else None,
                     "signed_at_beijing": beijing(p.signed_at), "sha256": p.sha256}
                    for p in pledges(s)]
            reviewers = sorted({o.reviewer for o in opinions(s, include_superseded=False)})
    pledged = {r["expert"] for r in rows}
    missing = [r for r in reviewers if r not in pledged]
    if args.json:
        _print_json({"pledges": rows, "opinions_without_pledge": missing})
        return 0
    for r in rows:
        print(f"{r['expert']:8} 承诺于 / pledged {r['signed_at_beijing']}  评审包 {r['kit_id'][:12]}  "
              f"证书 {r['cert_sha256'][:16]}…")
    for name in missing:
        print(f"⚠ {name} 有评审意见但没有已签署的承诺书 / opinions but no signed pledge")
    return 0
