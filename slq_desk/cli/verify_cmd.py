"""`slq-desk verify F.pdf [--package DIR|ZIP] [--json]`: check a signed opinion.

Exit 0 valid, 1 invalid (with the reasons), 2 bad input (no such file, not a PDF, bad package).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("verify", help="verify a signed opinion PDF (and its package)")
    p.add_argument("pdf", type=Path)
    p.add_argument("--package", type=Path, metavar="DIR|ZIP",
                   help="the submission package: every listed SHA-256 must match")
    p.add_argument("--workspace", metavar="W",
                   help="check the signer against this workspace's panel roster")
    p.add_argument("--json", action="store_true", help="machine-readable result")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from slq_desk.opinion.layout import fingerprint_text
    from slq_desk.opinion.verify import verify_file

    result = verify_file(args.pdf, args.package)
    if args.workspace and result.cert_sha256:
        _check_roster(args, result)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0 if result.valid else 1
    print(("有效 / VALID" if result.valid else "无效 / INVALID") + f": {args.pdf}")
    if result.signer:
        trust = ("受信任 / trusted" if result.trusted else
                 "未受信任（自签名）/ untrusted (self-signed)" if result.self_signed else
                 "未受信任 / untrusted")
        print(f"  签名人 / signer: {result.signer}（{result.signer_subject}）")
        print(f"  证书 SHA-256:    {fingerprint_text(result.cert_sha256)}  [{trust}]")
        print("    （请与评审组公布的名册核对 / compare with the panel's published roster）")
    if result.signed_at:
        print(f"  签署时间 / signed: {result.signed_at.isoformat()}")
    if result.coverage:
        print(f"  覆盖范围 / coverage: {result.coverage}"
              + ("  认证签名，不允许修改 / certified, no changes allowed" if result.certified
                 else ""))
    if result.data is not None:
        d = result.data
        print(f"  申报 / application: {d.application_id} {d.applicant_name}（{d.policy_id}）")
        print(f"  评审专家 / reviewer: {d.reviewer}  意见 / recommendation: "
              f"{d.recommendation or '—'}  总分 / total: {d.total if d.total is not None else '—'}")
        print(f"  材料 / documents: {len(d.documents)}")
    if result.package is not None:
        pk = result.package
        print(f"  申报材料核对 / package: {len(pk.matched)} 一致, {len(pk.changed)} 改动, "
              f"{len(pk.missing)} 缺失")
    for w in result.warnings:
        print(f"  注意 / warning: {w}")
    for r in result.reasons:
        print(f"  原因 / reason: {r}")
    return 0 if result.valid else 1


def _check_roster(args: argparse.Namespace, result: object) -> None:
    """With --workspace: the signer must be on its roster (when it has one), and the data
    must name the roster's holder of the certificate."""
    from slq_desk.cli.common import open_workspace
    from slq_desk.opinion.verify import VerifyResult
    from slq_desk.panel.roster import roster_in, roster_refusals

    assert isinstance(result, VerifyResult)
    with open_workspace(args) as ws:
        with ws.session() as s:
            roster = roster_in(s)
            found = roster_refusals(result, roster) if roster else []
    if not roster:
        result.warnings.append("工作区没有评审组名册，未核对签名人 / the workspace has no roster: "
                               "the signer was not checked against one")
    # A roster names the reviewer: the certificate-name comparison gives way to it.
    if roster and result.cert_sha256 in roster:
        keep = [r for r in result.refusals if not (r.code == "REVIEWER_MISMATCH"
                                                   and r.detail.startswith("数据 / data"))]
        result.refusals, result.reasons = keep, [r.text() for r in keep]
    for refusal in found:
        result.fail(refusal)
    result.valid = not result.reasons
