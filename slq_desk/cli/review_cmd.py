"""`slq-desk review show|set`: read and write one reviewer's scoring form from scripts.

Same rules as the review window: locked until conflicts of interest are declared, scores on the
rubric's scale, required comments, a recommended amount no higher than the computed subsidy
and a reason when lower. ``set`` works in steps, each committed on its own (declaration, then
the form's values, then submission), so a refused submission keeps the draft it was given.
Exit codes: 0 saved, 1 blocked (conflict declared, someone else changed the review, already
submitted), 2 bad input (nothing of that step was changed).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("review", help="评审表：查看与填写 / show and fill in review forms")
    rsub = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)

    show = rsub.add_parser("show", help="show the rubric and the reviews of one application")
    show.add_argument("application_id", metavar="APP_ID")
    show.add_argument("--workspace", "-w", required=True, metavar="W")
    show.add_argument("--reviewer", help="show as this reviewer: own review and others' "
                      "submitted ones only (default: every review, as the panel chair)")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(func=_show)

    st = rsub.add_parser("set", help="declare COI, score, comment, recommend, submit")
    st.add_argument("application_id", metavar="APP_ID")
    st.add_argument("--workspace", "-w", required=True, metavar="W")
    st.add_argument("--reviewer", required=True, metavar="NAME")
    st.add_argument("--coi", metavar="none|TEXT",
                    help="conflict-of-interest declaration for the applicant and its supplier: "
                    "'none' (无利益冲突) or a description of the conflict (keeps you out)")
    st.add_argument("--score", action="append", metavar="KEY=VALUE",
                    help="a criterion score, e.g. real_usage=27.5 (empty value clears it)")
    st.add_argument("--comment", action="append", metavar="KEY=TEXT")
    st.add_argument("--recommend", choices=["推荐", "不推荐", "修改后推荐"])
    st.add_argument("--amount", metavar="A", help="recommended amount (yuan), ≤ computed subsidy")
    st.add_argument("--reason", metavar="R", help="reason for a lower amount / 不推荐 / 修改后推荐")
    st.add_argument("--rubric", metavar="ID_OR_FILE",
                    help="built-in rubric id or a rubric TOML file (before the first score)")
    st.add_argument("--expect-version", type=int, metavar="N",
                    help="refuse if the review is no longer at this version (lost-update guard)")
    st.add_argument("--submit", action="store_true", help="submit when complete")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=_set)


def _show(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk

    overview = Desk(open_workspace(args)).review_overview(args.application_id, args.reviewer)
    states = overview["states"]
    default, default_note = overview["default_rubric"], overview["default_rubric_note"]
    out: dict[str, Any] = {
        "application": overview["application"],
        "default_rubric": default,
        "default_rubric_note": default_note,
        "reviews": [st.to_json() for st in states],
    }
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    a = out["application"]
    print(f"申报 / application {a['id']}  {a['applicant_name']}  政策 {a['policy_id']}"
          + (f"  方向{a['direction']}" if a["direction"] else "")
          + f"  计算补贴 {a['computed_subsidy'] or '—'}")
    if default:
        print(f"默认评分表 / default rubric: {default['id']} v{default['version']}  "
              f"通过线 {default['pass_threshold']}  （{default['notice']}）")
    else:
        print(f"默认评分表 / default rubric: — {default_note}")
    if not states:
        print("尚无评审 / no reviews yet")
    for st in states:
        _print_state(st)
    return 0


def _print_state(st: Any) -> None:
    sc = st.scoring
    verdict = {True: "通过 / pass", False: "未通过 / below threshold", None: "未完成 / incomplete"}
    print(f"\n评审专家 / reviewer {st.reviewer}  [{st.status}]  v{st.version}  评分表 {st.rubric.id} "
          f"v{st.rubric.version}")
    print(f"  {st.rubric.notice}")
    if st.coi_declared:
        print(f"  利益冲突声明 / COI ({st.coi_at}): {'有冲突 / conflict' if st.coi_conflict else '无'}"
              f" — {st.coi_text}")
    else:
        print("  利益冲突未声明，评审表锁定 / COI not declared: form locked")
    for r in sc.criteria:
        c = r.criterion
        score = str(r.score) if r.score is not None else "—"
        flag = " ⚠须评语" if r.comment_missing else ""
        print(f"  {c.key:<22} {c.name}  {score}/{c.max_score}  权重 {c.weight}%{flag}"
              + (f"  评语: {r.comment}" if r.comment else ""))
    print(f"  加权总分 / weighted total {sc.total_display}  （通过线 {st.rubric.pass_threshold}）"
          f"  {verdict[sc.passed]}")
    amount = st.recommended_amount if st.recommended_amount is not None else "—"
    print(f"  推荐意见 / recommendation: {st.recommendation or '—'}  推荐金额 {amount}"
          + (f"  理由: {st.reason}" if st.reason else ""))
    for p in st.problems:
        print(f"  待完成 / to do: {p}")
    for w in st.warnings:
        print(f"  提示 / warning: {w}")


def _set(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk
    from slq_desk.errors import SlqError
    from slq_desk.review import service

    changes = service.ReviewChanges(
        scores=service.parse_pairs(args.score, "--score"),
        comments=service.parse_pairs(args.comment, "--comment"),
        recommendation=args.recommend, amount=args.amount, reason=args.reason,
        rubric=args.rubric,
    )
    desk = Desk(open_workspace(args))
    actor = args.reviewer.strip() or desk.actor
    expected = args.expect_version
    state = None
    if args.coi is not None:
        state = desk.declare_coi(actor, args.application_id, args.reviewer, args.coi, expected,
                                 rubric_ref=args.rubric)
        expected = None if expected is None else state.version
        if state.coi_conflict:
            print(f"已记录利益冲突声明，{state.reviewer} 回避本项评审 / conflict recorded: "
                  f"{state.reviewer} is kept out of {state.application_id}")
            if not changes.is_empty() or args.submit:
                print("slq-desk: 已声明利益冲突，未保存评分 / a conflict was declared: no scores "
                      "were saved", file=sys.stderr)
                return 1
            return 0
    saved_draft = False
    try:
        if not changes.is_empty() or state is None:
            state = desk.save_review(actor, args.application_id, args.reviewer, changes, expected)
            saved_draft = not changes.is_empty()
            expected = None if expected is None else state.version
        if args.submit:
            state = desk.submit_review(actor, args.application_id, args.reviewer, expected)
    except SlqError:
        # Each step commits on its own: say which earlier steps were kept.
        if args.coi is not None:
            print("slq-desk: 利益冲突声明已保存 / the COI declaration was saved", file=sys.stderr)
        if saved_draft:
            print("slq-desk: 评审草稿已保存，未提交 / the draft was saved, not submitted",
                  file=sys.stderr)
        raise
    assert state is not None
    if args.json:
        print(json.dumps(state.to_json(), ensure_ascii=False, indent=2))
    else:
        print("已保存并提交 / saved and submitted" if state.status == "submitted" else "已保存 / saved")
        _print_state(state)
    return 0
