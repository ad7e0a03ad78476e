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
    p.add_argument("--json", action="store_true", help="machine-readable result")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from slq_desk.opinion.verify import verify_file

    result = verify_file(args.pdf, args.package)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0 if result.valid else 1
    print(("有效 / VALID" if result.valid else "无效 / INVALID") + f": {args.pdf}")
    if result.signer:
        trust = ("受信任 / trusted" if result.trusted else
                 "未受信任（自签名）/ untrusted (self-signed)" if result.self_signed else
                 "未受信任 / untrusted")
        print(f"  签名人 / signer: {result.signer}（{result.signer_subject}）")
        print(f"  证书 SHA-256:    {result.cert_sha256}  [{trust}]")
    if result.signed_at:
        print(f"  签署时间 / signed: {result.signed_at.isoformat()}")
    if result.coverage:
        print(f"  覆盖范围 / coverage: {result.coverage}")
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
