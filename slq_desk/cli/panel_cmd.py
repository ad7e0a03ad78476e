"""`slq-desk panel import|opinions|aggregate|rank|simulate|opinion|export|demo`: the chair's work.

Every command reads the workspace named by ``--workspace`` (or the shared ``--database-url``)
and prints a table, or JSON with ``--json``. Exit codes: 0 done, 1 something was refused
(e.g. an invalid opinion among the imported), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("panel", help="panel chair: import signed opinions, aggregate, rank, "
                                     "allocate, export")
    ps = p.add_subparsers(dest="panel_command", metavar="ACTION", required=True)

    i = ps.add_parser("import", help="import a folder or .zip of signed expert opinions")
    i.add_argument("source", type=Path, help="folder, .zip or one .pdf")
    _ws(i)
    i.set_defaults(func=_import)

    o = ps.add_parser("opinions", help="list imported opinions (superseded and not held too)")
    _ws(o)
    o.add_argument("--application", help="only this application")
    o.set_defaults(func=_opinions)

    a = ps.add_parser("aggregate", help="panel statistics, divergence alerts, calibration")
    _ws(a)
    _agg_opts(a)
    a.add_argument("--chart", type=Path, metavar="SVG", help="write the calibration chart")
    a.set_defaults(func=_aggregate)

    r = ps.add_parser("rank", help="ranking, main and reserve list within the budget")
    _ws(r)
    _agg_opts(r)
    _rank_opts(r)
    r.set_defaults(func=_rank)

    sm = ps.add_parser("simulate", help="change the budget or cut-off: who moves in or out")
    _ws(sm)
    _agg_opts(sm)
    _rank_opts(sm)
    sm.add_argument("--budgets", help="comma-separated budgets to try, e.g. 500000,800000")
    sm.add_argument("--sweep", metavar="START:STOP:STEP", help="budgets from START to STOP")
    sm.add_argument("--cut-offs", help="comma-separated cut-off scores to try")
    sm.add_argument("--chart", type=Path, metavar="SVG", help="write the simulation chart")
    sm.set_defaults(func=_simulate)

    op = ps.add_parser("opinion", help="the panel opinion (综合意见): draft, export and sign")
    osub = op.add_subparsers(dest="panel_opinion_command", metavar="STEP", required=True)
    d = osub.add_parser("draft", help="create or edit the chair's draft")
    d.add_argument("application_id")
    _ws(d)
    d.add_argument("--chair", help="the chair's name (default: the workspace user)")
    d.add_argument("--comment", help="综合意见 text (default: composed from the opinions)")
    d.add_argument("--recommendation", choices=("推荐", "不推荐", "修改后推荐"))
    d.add_argument("--amount", help="recommended amount in yuan, e.g. 300000.00")
    d.add_argument("--expected-version", type=int, help="refuse if someone changed it since")
    _agg_opts(d, source=False)
    d.set_defaults(func=_opinion_draft)
    e = osub.add_parser("export", help="export the panel opinion PDF, signed")
    e.add_argument("application_id")
    _ws(e, json_flag=False)
    e.add_argument("--out", type=Path, required=True)
    e.add_argument("--chair", help="name printed as chair (default: the certificate's name)")
    _sign_opts(e)
    _agg_opts(e, source=False)
    e.set_defaults(func=_opinion_export)

    x = ps.add_parser("export", help="评审结果汇总表 PDF (signed), 名单 CSV/XLSX, raw scores")
    _ws(x, json_flag=False)
    x.add_argument("--out-dir", type=Path, required=True)
    x.add_argument("--chair", help="name printed as chair (default: the certificate's name)")
    _agg_opts(x)
    _rank_opts(x)
    _sign_opts(x)
    x.set_defaults(func=_export)

    v = ps.add_parser("verify", help="verify a signed 评审结果汇总表 PDF (exit 0 valid, 1 invalid)")
    v.add_argument("pdf", type=Path)
    v.add_argument("--json", action="store_true", help="print JSON")
    v.set_defaults(func=_verify)

    ro = ps.add_parser("roster", help="the panel's members and their certificates (the trust "
                                      "anchor of import)")
    rsub = ro.add_subparsers(dest="roster_command", metavar="STEP", required=True)
    ra = rsub.add_parser("add", help="register a member's certificate (PEM or DER)")
    _ws(ra)
    ra.add_argument("--name", required=True, help="the member's name as the panel knows it")
    ra.add_argument("--cert", type=Path, required=True, help="the member's certificate file")
    ra.add_argument("--org", default="", help="organisation (default: from the certificate)")
    ra.set_defaults(func=_roster_add)
    rl = rsub.add_parser("list", help="list the roster")
    _ws(rl)
    rl.set_defaults(func=_roster_list)
    rr = rsub.add_parser("remove", help="remove a member (by name or fingerprint)")
    _ws(rr)
    rr.add_argument("member", help="name, or the certificate's SHA-256 (12+ hex digits)")
    rr.set_defaults(func=_roster_remove)

    st = ps.add_parser("settings", help="store the panel's settings in the workspace, or show them")
    _ws(st)
    st.add_argument("--file", type=Path, help="panel settings TOML to store (validated first)")
    st.set_defaults(func=_settings_cmd)

    dm = ps.add_parser("demo", help="build a demo panel of three reviewers in a workspace")
    dm.add_argument("workspace")
    dm.add_argument("--seed", type=int, default=1)
    dm.set_defaults(func=_demo)

    # The panel process of issue 16 (复核, draw, the report every member signs, 公示, 异议).
    from slq_desk.cli.panel_process_cmd import register_panel

    register_panel(ps)


def _ws(p: argparse.ArgumentParser, json_flag: bool = True) -> None:
    p.add_argument("--workspace", required=True)
    if json_flag:
        p.add_argument("--json", action="store_true", help="print JSON")


def _agg_opts(p: argparse.ArgumentParser, source: bool = True) -> None:
    p.add_argument("--settings", type=Path, help="panel settings TOML (method, alerts, z-scores)")
    p.add_argument("--method", choices=("mean", "median", "trimmed_mean", "drop_high_low"),
                   help="mean | median | trimmed_mean | drop_high_low (去掉一个最高分和一个最低分)")
    p.add_argument("--normalise", action="store_true", help="per-reviewer z-score normalisation")
    if source:
        p.add_argument("--source", choices=("opinions", "reviews"), default="opinions",
                       help="imported signed opinions (default) or this workspace's submitted "
                            "reviews (shared database)")


def _rank_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--budget", help="the year's pool in yuan (overrides the policy's)")
    p.add_argument("--mode", choices=("rank", "first_come", "scaled"),
                   help="allocation mode (default: the policy's)")
    p.add_argument("--cut-off", help="minimum panel score, or 'none' (default: the rubric's "
                                     "pass threshold)")
    p.add_argument("--order", default="score:desc,claimed_at:asc,requested:asc",
                   help="tie-break keys (default: %(default)s)")
    p.add_argument("--policy", help="rank only this policy's applications")


def _sign_opts(p: argparse.ArgumentParser) -> None:
    from slq_desk.cli.common import add_token_options

    p.add_argument("--identity", type=Path, metavar="P12",
                   help="key file (default: the installed identity)")
    p.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    add_token_options(p)
    p.add_argument("--draft", action="store_true", help="unsigned draft marked 草稿")
    p.add_argument("--force", action="store_true", help="replace existing files")


# --- helpers ----------------------------------------------------------------------------------

def _money(text: str | None, what: str) -> Decimal | None:
    from slq_desk.errors import BadInput
    from slq_desk.money import D, MoneyError

    if text is None:
        return None
    try:
        return D(text)
    except MoneyError:
        raise BadInput(f"{what} {text!r} 不是数字 / {what} is not a number: {text!r}") from None


def _settings(args: argparse.Namespace, desk: Any) -> Any:
    """--settings FILE, else the workspace's stored settings, else the defaults; then the
    --method / --normalise flags on top."""
    from dataclasses import replace

    settings = desk.stored_panel_settings(args.settings)
    if args.method:
        settings = replace(settings, method=args.method)
    if args.normalise:
        settings = replace(settings, normalise=True)
    return settings


def _run_aggregate(desk: Any, args: argparse.Namespace) -> Any:
    return desk.panel_aggregate(_settings(args, desk), getattr(args, "source", "opinions"))


def _cut_off(args: argparse.Namespace, agg: Any) -> Decimal | None:
    from slq_desk.panel.rank_allocate import default_cut_off

    if args.cut_off is None:
        return default_cut_off(agg)
    if args.cut_off.strip().lower() == "none":
        return None
    return _money(args.cut_off, "--cut-off")


def _order(args: argparse.Namespace) -> tuple[str, ...]:
    return tuple(k.strip() for k in args.order.split(",") if k.strip())


def _rank_list(desk: Any, args: argparse.Namespace) -> tuple[Any, Any, Any]:
    from slq_desk.panel.rank_allocate import rank_and_allocate

    agg, cands = desk.panel_candidates(_settings(args, desk), getattr(args, "source", "opinions"),
                                       args.policy)
    plist = rank_and_allocate(cands, budget=_money(args.budget, "--budget"), mode=args.mode,
                              cut_off=_cut_off(args, agg), order=_order(args),
                              policy_id=args.policy)
    return agg, cands, plist


def _identity(args: argparse.Namespace) -> Any | None:
    from slq_desk.cli.common import signing_identity

    return None if args.draft else signing_identity(args)


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


# --- handlers ---------------------------------------------------------------------------------

def _import(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.collect import import_opinions

    with open_workspace(args) as ws:
        report = import_opinions(ws, args.source)
    if args.json:
        _print_json(report.to_json())
    else:
        for o in report.imported:
            flags = [] if o.held else ["本工作区无此申报 / application not held"]
            if o.status != "active":
                flags.append("已被更新的意见取代 / superseded by a newer opinion")
            elif o.replaced:
                flags.append("取代了较早的意见 / supersedes an earlier opinion")
            print(f"导入 / imported  {o.application_id}  {o.reviewer}  总分 {o.total}  {o.name}"
                  + ("  [" + "; ".join(flags) + "]" if flags else ""))
            for w in o.warnings:
                print(f"    注意 / note: {w}")
        for name, digest in report.already:
            print(f"已导入过 / already imported  {name}  {digest[:12]}")
        for r in report.refused:
            print(f"拒绝 / refused  {r.name}  [{', '.join(r.codes)}]")
            for reason in r.reasons:
                print(f"    {reason}")
        print(f"导入 {len(report.imported)} 份，拒绝 {len(report.refused)} 份，重复 "
              f"{len(report.already)} 份，本工作区无对应申报 {len(report.not_held)} 份 / imported "
              f"{len(report.imported)}, refused {len(report.refused)}, already imported "
              f"{len(report.already)}, for applications not held {len(report.not_held)}")
    return 1 if report.refused else 0


def _opinions(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk

    desk = Desk(open_workspace(args))
    try:
        rows: list[dict[str, Any]] = [
            {"id": o.id, "application_id": o.application_id, "reviewer": o.reviewer,
             "total": o.total, "recommendation": o.recommendation, "status": o.status,
             "held": o.held, "signer": o.signer,
             "signed_at": o.signed_at.isoformat() if o.signed_at else None, "sha256": o.sha256,
             "source_name": o.source_name, "warnings": list(o.warnings),
             "version": o.version, "cert_sha256": o.cert_sha256}
            for o in desk.panel_opinions(args.application)]
    finally:
        desk.close()
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        state = "有效" if r["status"] == "active" else "已取代"
        print(f"{r['application_id']:24} {r['reviewer']:8} {r['total'] or '—':>7} "
              f"{r['recommendation'] or '—':6} {state}{'' if r['held'] else ' 无此申报/not held'}"
              f"  {r['signed_at'] or ''}  {r['sha256'][:12]}")
    print(f"共 {len(rows)} 份 / {len(rows)} opinions")
    return 0


def _aggregate(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk
    from slq_desk.panel.charts import calibration_svg
    from slq_desk.review.aggregate import quantum, round_for_display

    desk = Desk(open_workspace(args))
    try:
        agg = _run_aggregate(desk, args)
    finally:
        desk.close()
    if args.chart:
        from slq_desk.opinion.export import write_atomically

        write_atomically(args.chart, calibration_svg(agg.calibration).encode("utf-8"), True)
    if args.json:
        _print_json(agg.to_json())
        return 0
    q = quantum(agg.settings.places)
    print(f"方法 / method: {agg.settings.method_label} ({agg.settings.method})   来源 / source: "
          f"{agg.source}")
    for a in agg.results:
        t = a.total
        sd = "—" if t.stdev is None else round_for_display(t.stdev, q)
        print(f"{a.application_id:24} 得分 {round_for_display(a.score, q):>7}  n={t.n}  "
              f"均值 {round_for_display(t.mean, q)}  中位 {round_for_display(t.median, q)}  "
              f"截尾 {round_for_display(t.trimmed_mean, q)}{'' if t.trimmed else '*'}  "
              f"标准差 {sd}  极差 {t.range}")
        for al in a.alerts:
            scope = "总分/total" if al.scope == "total" else al.scope
            print(f"    ⚠ 分歧 / divergence {scope} {al.metric} "
                  f"{round_for_display(al.value, q)} ≥ {al.threshold}: {al.message}")
    print("校准 / calibration (reviewer mean vs panel mean):")
    for c in agg.calibration:
        bar = "█" * int(c.mean / 5)
        print(f"  {c.reviewer:8} n={c.n:<3} {round_for_display(c.mean, q):>7} "
              f"({round_for_display(c.offset, q):+})  {bar}")
    if agg.normalisation is not None:
        for name, why in agg.normalisation.skipped.items():
            print(f"  z 标准化跳过 / z-score skipped {name}: {why}")
    return 0


def _print_list(plist: Any) -> None:
    from slq_desk.money import fmt_grouped
    from slq_desk.panel.rank_allocate import LIST_LABELS, describe_tie_break
    from slq_desk.review.aggregate import quantum, round_for_display

    pool = "不限/none" if plist.pool is None else fmt_grouped(plist.pool)
    print(f"政策 {plist.policy_id}  方式 {plist.mode}  资金池 {pool}  分数线 "
          f"{plist.cut_off if plist.cut_off is not None else '无/none'}")
    for e in plist.entries:
        c = e.candidate
        how = describe_tie_break(e.decided_by) + (" 并列未决/unresolved" if e.unresolved else "")
        score = round_for_display(c.score, quantum(2))
        print(f"{e.rank:>3} {c.application_id:24} {score:>7} {LIST_LABELS[e.status]:4} "
              f"建议 {fmt_grouped(c.amount):>14} 拨付 {fmt_grouped(e.granted):>14}"
              f"{'  ⚠' + str(c.alerts) if c.alerts else ''}  {how}  {e.reason}")
    print(f"正选 {len(plist.of('main'))}，备选 {len(plist.of('reserve'))}，未入选 "
          f"{len(plist.of('out'))}；拨付合计 {fmt_grouped(plist.granted)} / main, reserve, out; "
          "granted total")


def _rank(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk

    desk = Desk(open_workspace(args))
    try:
        agg, _c, plist = _rank_list(desk, args)
    finally:
        desk.close()
    if args.json:
        _print_json(plist.to_json(agg.settings.places))
    else:
        _print_list(plist)
    return 0


def _simulate(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk
    from slq_desk.errors import BadInput
    from slq_desk.money import fmt_grouped
    from slq_desk.panel.charts import simulation_svg
    from slq_desk.panel.simulate import budget_steps, simulate

    budgets: list[Decimal | None] = []
    if args.budgets:
        budgets += [_money(b.strip(), "--budgets") for b in args.budgets.split(",") if b.strip()]
    if args.sweep:
        parts = args.sweep.split(":")
        if len(parts) != 3:
            raise BadInput("--sweep 应写成 START:STOP:STEP / --sweep must be START:STOP:STEP")
        start, stop, step = (_money(x, "--sweep") for x in parts)
        budgets += budget_steps(start, stop, step)  # type: ignore[arg-type]
    cut_offs: list[Decimal | None] = []
    if args.cut_offs:
        cut_offs = [None if c.strip().lower() == "none" else _money(c.strip(), "--cut-offs")
                    for c in args.cut_offs.split(",") if c.strip()]
    if not budgets and not cut_offs:
        raise BadInput("请给出 --budgets、--sweep 或 --cut-offs / give --budgets, --sweep or "
                       "--cut-offs to simulate")
    desk = Desk(open_workspace(args))
    try:
        agg, cands = desk.panel_candidates(_settings(args, desk),
                                           getattr(args, "source", "opinions"), args.policy)
    finally:
        desk.close()
    sim = simulate(cands, budgets=budgets or None, cut_offs=cut_offs or None,
                   base_budget=_money(args.budget, "--budget"), base_cut_off=_cut_off(args, agg),
                   mode=args.mode, order=_order(args), policy_id=args.policy)
    if args.chart:
        from slq_desk.opinion.export import write_atomically

        write_atomically(args.chart, simulation_svg(sim).encode("utf-8"), True)
    if args.json:
        _print_json(sim.to_json())
        return 0
    base = sim.baseline
    print(f"基准 / baseline: 预算 {'不限' if base.pool is None else fmt_grouped(base.pool)}  分数线 "
          f"{base.cut_off}  正选 {len(base.of('main'))}  拨付 {fmt_grouped(base.granted)}")
    print(f"{'预算/budget':>16} {'分数线':>6} {'正选':>4} {'备选':>4} {'拨付/granted':>16}  进入/in  移出/out")
    for sc in sim.scenarios:
        r = sc.result
        print(f"{'不限' if sc.budget is None else fmt_grouped(sc.budget):>16} "
              f"{str(sc.cut_off) if sc.cut_off is not None else '无':>6} {len(r.of('main')):>4} "
              f"{len(r.of('reserve')):>4} {fmt_grouped(r.granted):>16}  "
              f"{', '.join(sc.moved_in) or '—'}  {', '.join(sc.moved_out) or '—'}")
    return 0


def _opinion_draft(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk

    desk = Desk(open_workspace(args))
    try:
        out = desk.save_panel_conclusion(
            args.application_id, args.chair or desk.actor, _settings(args, desk),
            comment=args.comment, recommendation=args.recommendation, amount=args.amount,
            expected_version=args.expected_version)
    finally:
        desk.close()
    if args.json:
        _print_json(out)
    else:
        print(f"{out['application_id']}  综合意见 {out['recommendation'] or '（待定）'}  金额 "
              f"{out['recommended_amount'] or '（按专家建议中位数）'}  版本 {out['version']}")
        print(out["comment"])
    return 0


def _opinion_export(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk
    from slq_desk.panel.panel_opinion import export_panel_opinion

    with open_workspace(args) as ws:
        ident = _identity(args)
        settings = _settings(args, Desk(ws))
        done = export_panel_opinion(ws, args.application_id, args.out, ident, chair=args.chair,
                                    settings=settings, replace=args.force)
    state = f"已签署 / signed by {done.signer}" if done.signed else "草稿（未签名）/ unsigned draft"
    print(f"{done.path}  {state}  SHA-256 {done.sha256}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import DEFAULT_CUT_OFF, Desk

    desk = Desk(open_workspace(args))
    try:
        ident = _identity(args)
        cut_off = (DEFAULT_CUT_OFF if args.cut_off is None
                   else None if args.cut_off.strip().lower() == "none"
                   else _money(args.cut_off, "--cut-off"))
        # Ranked again inside the export's own transaction: the files match their data.
        written = desk.panel_export(
            _settings(args, desk), args.out_dir, ident, budget=_money(args.budget, "--budget"),
            cut_off=cut_off, mode=args.mode, policy_id=args.policy, chair=args.chair,
            replace=args.force, source=getattr(args, "source", "opinions"), order=_order(args),
            candidates_policy=args.policy)
    finally:
        desk.close()
    for w in written:
        print(f"{w.path}  {'已签署 / signed' if w.signed else ''}  SHA-256 {w.sha256}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from slq_desk.opinion.verify import read_pdf_bytes
    from slq_desk.panel.exports import verify_summary

    ok, reasons, payload = verify_summary(read_pdf_bytes(args.pdf), str(args.pdf))
    if args.json:
        _print_json({"path": str(args.pdf), "valid": ok, "reasons": reasons,
                     "data": payload})
    elif ok and payload is not None:
        totals = payload.get("list", {}).get("totals", {})
        print(f"有效 / VALID: {args.pdf}  正选 {totals.get('main')}  备选 {totals.get('reserve')}  "
              f"拨付合计 {totals.get('granted')}")
    else:
        print(f"无效 / INVALID: {args.pdf}")
        for r in reasons:
            print(f"  原因 / reason: {r}")
    return 0 if ok else 1


def _print_member(m: Any) -> None:
    from slq_desk.opinion.layout import fingerprint_text

    until = m.not_after.date().isoformat() if m.not_after else "—"
    print(f"{m.name:8} {m.organisation or '—':16} 有效至 / until {until}")
    print(f"    SHA-256 {fingerprint_text(m.cert_sha256)}")


def _roster_add(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.roster import add_member

    with open_workspace(args) as ws:
        m = add_member(ws, args.name, args.cert, args.org)
    if args.json:
        _print_json(m.to_json())
    else:
        print("已登记 / registered:")
        _print_member(m)
    return 0


def _roster_list(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.roster import list_members

    with open_workspace(args) as ws:
        members = list_members(ws)
    if args.json:
        _print_json([m.to_json() for m in members])
        return 0
    for m in members:
        _print_member(m)
    print(f"名册共 {len(members)} 人 / {len(members)} members"
          + ("（名册为空：导入时按证书姓名核对）/ empty roster: import matches certificate names"
             if not members else ""))
    return 0


def _roster_remove(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.roster import remove_member

    with open_workspace(args) as ws:
        gone = remove_member(ws, args.member)
    if args.json:
        _print_json([m.to_json() for m in gone])
    else:
        for m in gone:
            print(f"已移除 / removed: {m.name}  {m.cert_sha256}")
    return 0


def _settings_cmd(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk

    desk = Desk(open_workspace(args))
    try:
        settings = (desk.store_panel_settings(args.file) if args.file
                    else desk.stored_panel_settings())
    finally:
        desk.close()
    shown: dict[str, Any] = {k: (str(v) if not isinstance(v, (bool, int, str, tuple)) else v)
             for k, v in asdict(settings).items() if k != "divergence"}
    shown["divergence"] = [{"metric": r.metric, "scope": r.scope, "threshold": str(r.threshold),
                            "relative": r.relative} for r in settings.divergence]
    if args.json:
        _print_json(shown)
    else:
        for k, v in shown.items():
            print(f"{k}: {v}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.panel.demo import build_demo_panel

    with open_workspace(args, create=True) as ws:
        demo = build_demo_panel(ws, args.seed)
    print(f"演示评审组已生成 / demo panel ready: {len(demo.applications)} applications, "
          f"reviewers {', '.join(demo.reviewers)}, {len(demo.report.imported)} signed opinions "
          f"imported; divergent: {demo.divergent}")
    print(f"  slq-desk panel aggregate --workspace {ws.path}")
    print(f"  slq-desk panel rank --workspace {ws.path} --budget 700000")
    return 0
