"""`slq-desk compute` and `slq-desk allocate`: the subsidy calculator and the pool over JSON files.

Everything is read and computed before anything is printed, so bad input (exit 2, the field
named) never leaves partial output behind. JSON is the default; ``--format table|csv`` is for
people and spreadsheets.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import json
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from slq_desk.errors import BadInput

if TYPE_CHECKING:
    from slq_desk.policy import Allocation, Application, Policy, Result

FORMATS = ("json", "table", "csv")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    compute = subparsers.add_parser(
        "compute",
        help="compute subsidies for applications (JSON) under a policy",
        description="Compute one application (object) or several (list); output has the "
        "same shape. Amounts are strings of decimal yuan.",
    )
    compute.add_argument("--input", required=True, metavar="FILE.json")
    compute.add_argument("--policy", metavar="ID", help="policy id (overrides the input's)")
    compute.add_argument(
        "--compare", action="store_true", help="compute under every policy side by side"
    )
    compute.add_argument("--format", choices=FORMATS, default="json")
    compute.set_defaults(func=run_compute)

    allocate = subparsers.add_parser(
        "allocate",
        help="compute a list of applications and grant the policy's pool",
        description="First come first served, rank order or scaled, as the policy says.",
    )
    allocate.add_argument("--policy", required=True, metavar="ID")
    allocate.add_argument("--input", required=True, metavar="LIST.json")
    allocate.add_argument(
        "--budget", metavar="AMOUNT", help="pool in yuan (overrides the policy's)"
    )
    allocate.add_argument(
        "--mode", choices=("first_come", "rank", "scaled"), help="override the allocation mode"
    )
    allocate.add_argument("--format", choices=FORMATS, default="json")
    allocate.set_defaults(func=run_allocate)


def _read_json(path: str) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise BadInput(f"{path}: cannot read: {err}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise BadInput(f"{path}: not valid JSON: {err}") from None
    except RecursionError:
        raise BadInput(f"{path}: JSON nested too deeply") from None
    if isinstance(data, list) and len(data) > 1000:
        # A batch lives until the command ends: keep the collector from rescanning it on every
        # full collection (measured: about a third of the time of a 100,000-application run).
        gc.freeze()
    return data


def _parse_all(data: Any, single: bool) -> list[Application]:
    from slq_desk.policy import parse_application

    if single:
        return [parse_application(data)]
    if not isinstance(data, list):
        raise BadInput("input: must be an application object or a list of them")
    return [parse_application(item, f"[{i}]") for i, item in enumerate(data)]


def _option_policy(policy_id: str) -> Policy:
    from slq_desk.policy import load_policy

    try:
        return load_policy(policy_id)
    except BadInput as err:
        raise BadInput(f"--policy: {err}") from None


def _policy_for(app: Application, where: str, override: Policy | None) -> Policy:
    from slq_desk.policy import load_policy

    if override is not None:
        return override
    if app.policy is None:
        raise BadInput(f"{where}policy: missing (give it in the input or with --policy)")
    try:
        return load_policy(app.policy)
    except BadInput as err:
        raise BadInput(f"{where}policy: {err}") from None


def run_compute(args: argparse.Namespace) -> int:
    from slq_desk.policy import compute, list_policies, load_policy

    data = _read_json(args.input)
    single = isinstance(data, dict)
    apps = _parse_all(data, single)
    override = _option_policy(args.policy) if args.policy else None

    if args.compare:
        policies = [load_policy(pid) for pid in list_policies()]
        compared = [(app, [compute(app, pol) for pol in policies]) for app in apps]
        if args.format == "json":
            out: Any = [
                {"id": app.id, "results": [r.to_dict() for r in results]}
                for app, results in compared
            ]
            _print_json(out[0] if single else out)
        elif args.format == "table":
            print("\n\n".join(_compare_table(app, results) for app, results in compared))
        else:
            print(_csv([r for _, results in compared for r in results]), end="")
        return 0

    results: list[Result] = []
    for i, app in enumerate(apps):
        where = "" if single else f"[{i}]."
        results.append(compute(app, _policy_for(app, where, override)))
    if args.format == "json":
        dicts = [r.to_dict() for r in results]
        _print_json(dicts[0] if single else dicts)
    elif args.format == "table":
        print(_results_table(results))
        if single:
            print()
            print(_steps_table(results[0]))
    else:
        print(_csv(results), end="")
    return 0


def run_allocate(args: argparse.Namespace) -> int:
    from slq_desk.money import D, MoneyError
    from slq_desk.policy import allocate, compute

    policy = _option_policy(args.policy)
    budget = None
    if args.budget is not None:
        try:
            budget = D(args.budget)
        except MoneyError as err:
            raise BadInput(f"--budget: {err}") from None
        if budget < 0:
            raise BadInput(f"--budget: must not be negative ({args.budget})")
    data = _read_json(args.input)
    apps = _parse_all(data, single=isinstance(data, dict))
    seen: set[str] = set()
    for i, app in enumerate(apps):
        if app.id in seen:
            raise BadInput(f"[{i}].id: duplicate application id {app.id!r}")
        seen.add(app.id)
    results = [compute(app, policy) for app in apps]
    allocation = allocate(results, policy, budget=budget, mode=args.mode)
    if args.format == "json":
        _print_json(allocation.to_dict())
    elif args.format == "table":
        print(_allocation_table(allocation))
    else:
        print(_allocation_csv(allocation), end="")
    return 0


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(
    header: list[str], rows: list[list[str]], right: frozenset[int] = frozenset()
) -> str:
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        out = []
        for i, cell in enumerate(cells):
            pad = " " * (widths[i] - _width(cell))
            out.append(pad + cell if i in right else cell + pad)
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def _grouped(amount: Any) -> str:
    from slq_desk.money import fmt_grouped

    return fmt_grouped(amount)


def _codes(result: Result) -> str:
    codes = dict.fromkeys(r.code for r in result.reasons if r.effect != "info")
    return ",".join(codes)


def _results_table(results: list[Result]) -> str:
    rows = [
        [r.id, r.policy, "是" if r.eligible else "否", _grouped(r.base), _grouped(r.subsidy),
         _codes(r)]
        for r in results
    ]
    header = ["申报编号", "政策", "符合", "计算基数(元)", "补贴(元)", "原因"]
    return _table(header, rows, right=frozenset({3, 4}))


def _steps_table(result: Result) -> str:
    """How one figure was reached: every step with its article, then the reasons."""
    from slq_desk.money import money_value

    rows = []
    for step in result.steps:
        value = money_value(step.value)
        if isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False)
        rows.append([step.rule, step.article, str(value)])
    table = _table(["步骤", "依据条款", "值"], rows)
    reasons = [f"  [{r.article}] {r.messages()[0]}" for r in result.reasons]
    return table + ("\n\n原因：\n" + "\n".join(reasons) if reasons else "")


def _compare_table(app: Application, results: list[Result]) -> str:
    header = [f"{app.id}", *(r.policy for r in results)]
    rows = [
        ["符合条件", *("是" if r.eligible else "否" for r in results)],
        ["计算基数(元)", *(_grouped(r.base) for r in results)],
        ["补贴(元)", *(_grouped(r.subsidy) for r in results)],
        ["比例为上限", *("是" if r.rate_is_ceiling else "否" for r in results)],
        ["原因", *(_codes(r) or "-" for r in results)],
        ["依据条款", *(" ".join(r.articles[:4]) for r in results)],
    ]
    return _table(header, rows)


def _csv(results: list[Result]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "policy", "eligible", "base", "subsidy", "reasons", "articles"])
    for r in results:
        writer.writerow([r.id, r.policy, str(r.eligible).lower(), f"{r.base:.2f}",
                         f"{r.subsidy:.2f}", _codes(r), " ".join(r.articles)])
    return buffer.getvalue()


def _allocation_table(allocation: Allocation) -> str:
    rows = [
        [str(g.rank or "-"), g.id, _grouped(g.subsidy), _grouped(g.granted),
         {"main": "正选", "reserve": "候补", "none": "不符合"}[g.status]]
        for g in allocation.grants
    ]
    table = _table(["排序", "申报编号", "核定补贴(元)", "拨付(元)", "状态"], rows, right=frozenset({2, 3}))
    pool = "不限" if allocation.pool is None else _grouped(allocation.pool)
    summary = (
        f"政策 {allocation.policy}  方式 {allocation.mode}  资金池 {pool}  "
        f"申请合计 {_grouped(allocation.requested)}  拨付合计 {_grouped(allocation.granted)}"
    )
    return f"{table}\n\n{summary}"


def _allocation_csv(allocation: Allocation) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["rank", "id", "subsidy", "granted", "status"])
    for g in allocation.grants:
        writer.writerow([g.rank or "", g.id, f"{g.subsidy:.2f}", f"{g.granted:.2f}", g.status])
    writer.writerow(["", "TOTAL", f"{allocation.requested:.2f}", f"{allocation.granted:.2f}", ""])
    return buffer.getvalue()
