"""`slq-desk check` (初审 of a package or an imported application) and
`slq-desk preliminary-opinion` (the 初审意见 draft PDF).

check: exit 0 when nothing blocks, 1 when something blocks, 2 for bad input.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.vocabulary import SEVERITY_ZH, severity_rank

CONCLUSIONS = ("通过", "补正后通过", "不通过")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check", help="初审: materials, eligibility and consistency checks, and the subsidy",
        description="Run the 初审 checks on an imported application (APP_ID) or import a package "
        "(folder or .zip) first. Exit 0: nothing blocks; 1: something blocks; 2: bad input.")
    p.add_argument("target", metavar="PACKAGE|APP_ID")
    p.add_argument("--workspace", "-w", required=True, help="workspace folder")
    p.add_argument("--policy", help="policy id to check against (default: the application's)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--set", action="append", default=[], metavar="FACT=VALUE",
                   help="a fact the documents do not show, kept with the application: "
                   "applicant_kind=research_institute, sme=true, received_this_year=120000.00, "
                   "other_fiscal_support=0, purchased_this_year=30000.00, quota_granted=50000.00, "
                   "industry=信息软件业, model_filed_on=2026-02-01, direction=4, "
                   "service_start=2026-01-01, service_end=2026-03-31, domestic=true, "
                   "excluded_lines=12:3,12:4 (DOCUMENT:LINE of an invoice) "
                   "(repeatable; FACT= removes it)")
    p.set_defaults(func=run_check)

    o = sub.add_parser(
        "preliminary-opinion", help="write the 初审意见 PDF of a checked application "
                                 "(signed with --sign, else a draft)")
    o.add_argument("application", metavar="APP_ID")
    o.add_argument("--workspace", "-w", required=True)
    o.add_argument("--out", required=True, help="PDF file to write")
    o.add_argument("--conclusion", choices=CONCLUSIONS,
                   help="通过 / 补正后通过 / 不通过 (default: from the findings)")
    o.add_argument("--comment", default="", help="the official's comment")
    o.add_argument("--official", default="", help="the official's name (default: the OS user)")
    o.add_argument("--policy", help="policy id (default: the application's)")
    o.add_argument("--sign", action="store_true",
                   help="sign it (PAdES) with the installed identity or --identity; "
                        "without --sign it is a draft marked 草稿")
    o.add_argument("--identity", type=Path, metavar="P12",
                   help="key file (default: the installed identity); implies --sign")
    o.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    from slq_desk.cli.common import add_token_options

    add_token_options(o)  # --pkcs11-lib implies --sign
    o.set_defaults(func=run_opinion)


def _application_id(args: argparse.Namespace, ws: Any) -> str:
    """An existing application id, or import the package the target names."""
    from slq_desk.desk.service import Desk

    desk = Desk(ws)
    target = str(args.target)
    if desk.has_application(target):
        return target
    path = Path(target)
    if not path.exists():
        known = desk.application_ids()
        hint = f"; known: {', '.join(known[:10])}" if known else ""
        raise BadInput(f"{target} is neither a package on disk nor an application of this "
                       f"workspace{hint}")
    from slq_desk.ingest.importer import import_package

    result = import_package(ws, path, policy=args.policy)
    return result.application_id


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """``FACT=VALUE`` pairs, validated by the core (``desk/facts.py``, which the window's
    认定事实 dialog uses too); an empty value (``FACT=``) means remove it (None)."""
    from slq_desk.desk.facts import FactRefused
    from slq_desk.desk.facts import parse_overrides as parse

    try:
        return parse(items)
    except FactRefused as err:
        raise BadInput(f"--set {err.en}", zh=err.zh) from None


def set_overrides(ws: Any, app_id: str, overrides: dict[str, Any]) -> None:
    """Keep the reviewer's facts with the application (facts["overrides"]), with who and when,
    audited — after the checks against the application the window applies too."""
    from slq_desk.desk.facts import FactRefused
    from slq_desk.desk.service import Desk

    desk = Desk(ws)
    try:
        desk.check_facts(app_id, overrides)
    except FactRefused as err:
        raise BadInput(f"--set {err.en}", zh=err.zh) from None
    desk.set_fact_overrides(app_id, overrides)


def run_check(args: argparse.Namespace) -> int:
    from slq_desk.checks import run_checks
    from slq_desk.cli.common import open_workspace

    is_package = Path(str(args.target)).exists()
    with open_workspace(args, create=is_package) as ws:
        overrides = parse_overrides(args.set)
        app_id = _application_id(args, ws)
        if overrides:
            set_overrides(ws, app_id, overrides)
        report = run_checks(ws, app_id, args.policy)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(_text(report))
    return 1 if report.blocking else 0


def _where(evidence: list[Any]) -> str:
    places = []
    for e in evidence[:3]:
        if e.file:
            places.append(f"{e.file}" + (f" 第{e.page + 1}页" if e.page is not None else ""))
    return "；".join(places)


def _text(report: Any) -> str:
    lines = [f"{report.application_id}  {report.applicant_name}  ({report.policy_id})", ""]
    lines.append("材料 / materials:")
    for row in report.materials:
        mark = "有" if row["present"] else "缺"
        files = "、".join(row["files"]) if row["files"] else "—"
        lines.append(f"  [{mark}] {row['name']}  {files}  ({row['article']})")
    lines.append("")
    lines.append(f"发现 / findings ({len(report.findings)}):")
    for f in sorted(report.findings, key=lambda f: severity_rank(f.severity)):
        where = _where(f.evidence)
        article = f"〔{f.article}〕" if f.article else ""
        lines.append(f"  {SEVERITY_ZH.get(f.severity, f.severity)} {f.code} [{f.stage}] "
                     f"{f.message_zh}{article}" + (f"  ← {where}" if where else ""))
    lines.append("")
    if report.result is not None:
        r = report.result
        eligible = "符合条件" if r["eligible"] else "不符合条件"
        draft = f"〔{r['draft']}，仅供参考 / draft for comment〕" if r.get("draft") else ""
        lines.append(f"测算补贴 / subsidy: {r['subsidy']} 元（基数 {r['base']} 元，{eligible}）{draft}")
        for step in r["steps"]:
            if str(step.get("rule", "")).startswith("calc:"):
                lines.append(f"  {step['rule'][5:]}: {step.get('value')}  〔{step.get('article', '')}〕")
        for reason in r["reasons"]:
            lines.append(f"  · {reason['message']}〔{reason['article']}〕")
    lines.append("")
    lines.append("结论 / result: " + ("有阻断项 / blocked" if report.blocking else "无阻断项 / nothing blocks"))
    return "\n".join(lines)


def run_opinion(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.opinion.preliminary import write_preliminary_opinion

    out = Path(args.out)
    if out.exists() and out.is_dir():
        raise BadInput(f"{out} is a folder; give a file name ending in .pdf")
    if not out.parent.exists():
        raise BadInput(f"folder {out.parent} does not exist")
    ident = None
    if args.sign or args.identity or args.pkcs11_lib:
        from slq_desk.cli.common import signing_identity

        ident = signing_identity(args)
    with open_workspace(args) as ws:
        written = write_preliminary_opinion(
            ws, args.application, out, conclusion=args.conclusion, comment=args.comment,
            official=args.official or (ident.info.name if ident else ws.actor),
            policy_id=args.policy, identity=ident)
    print(f"{written.path}  ({written.pages} 页, 结论 {written.conclusion}, sha256 {written.sha256[:16]}…)")
    return 0
