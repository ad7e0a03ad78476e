"""`slq-desk opinion export|export-all`: signed 专家评审意见表 PDFs from a workspace."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("opinion", help="export signed review opinions")
    osub = p.add_subparsers(dest="opinion_command", metavar="ACTION", required=True)

    e = osub.add_parser("export", help="export and sign one application's opinion")
    e.add_argument("application_id")
    e.add_argument("--workspace", required=True)
    e.add_argument("--out", type=Path, required=True)
    _common(e)
    e.set_defaults(func=_export)

    a = osub.add_parser("export-all", help="export and sign every reviewed application")
    a.add_argument("--workspace", required=True)
    a.add_argument("--out-dir", type=Path, required=True)
    _common(a)
    a.set_defaults(func=_export_all)


def _common(p: argparse.ArgumentParser) -> None:
    from slq_desk.cli.common import add_token_options

    p.add_argument("--identity", type=Path, metavar="P12",
                   help="key file (default: the installed identity)")
    p.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from VAR")
    add_token_options(p)
    p.add_argument("--reviewer", help="whose review, when several reviewed the application")
    p.add_argument("--draft", action="store_true",
                   help="write an unsigned draft marked 草稿 (no key needed)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.add_argument("--reason", default=None, help="signature reason")
    p.add_argument("--location", default=None, help="signature location")


def _identity(args: argparse.Namespace) -> object | None:
    from slq_desk.cli.common import signing_identity

    return None if args.draft else signing_identity(args)


def _kwargs(args: argparse.Namespace) -> dict[str, object]:
    from slq_desk.opinion.sign import DEFAULT_LOCATION, DEFAULT_REASON

    return {"reviewer": args.reviewer, "replace": args.force,
            "reason": args.reason or DEFAULT_REASON, "location": args.location or DEFAULT_LOCATION}


def _export(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.opinion.export import export_opinion

    with open_workspace(args) as ws:
        ident = _identity(args)
        done = export_opinion(ws, args.application_id, args.out, ident,  # type: ignore[arg-type]
                              **_kwargs(args))  # type: ignore[arg-type]
    for note in done.notes:
        print(f"注意 / note: {note}", file=sys.stderr)
    state = f"已签署 / signed by {done.signer}" if done.signed else "草稿（未签名）/ unsigned draft"
    print(f"{done.path}  {state}  SHA-256 {done.sha256}")
    return 0


def _export_all(args: argparse.Namespace) -> int:
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk
    from slq_desk.errors import BadInput
    from slq_desk.opinion.export import default_name, export_opinion

    with open_workspace(args) as ws:
        ident = _identity(args)  # one passphrase for the whole batch
        # Signing, a reviewer signs their own reviews (the certificate's name) unless named.
        reviewer = args.reviewer or (ident.info.name if ident is not None else None)  # type: ignore[attr-defined]
        desk = Desk(ws)
        all_ids = desk.application_ids()
        reviewed = desk.reviewed_application_ids(reviewer)
        todo = [a for a in all_ids if a in reviewed]
        skipped = [a for a in all_ids if a not in reviewed]
        if not todo:
            who = f"（评审专家 {reviewer}）" if reviewer else ""
            raise BadInput(f"工作区中没有已评审的申报{who} / no reviewed applications in the "
                           f"workspace{' by ' + reviewer if reviewer else ''}")
        failed: list[tuple[str, str]] = []
        total = len(todo)
        for n, app_id in enumerate(todo, 1):
            out = args.out_dir / default_name(app_id)
            try:
                kwargs = _kwargs(args) | {"reviewer": reviewer}
                export_opinion(ws, app_id, out, ident, **kwargs)  # type: ignore[arg-type]
                print(f"[{n}/{total}] {app_id} → {out}", file=sys.stderr)
            except BadInput as err:  # one refused review never stops the batch
                failed.append((app_id, str(err)))
                print(f"[{n}/{total}] {app_id}: 未导出 / not exported: {err}", file=sys.stderr)
    print(f"导出 {total - len(failed)} 份，未导出 {len(failed)} 份，未评审 {len(skipped)} 份 / "
          f"exported {total - len(failed)}, refused {len(failed)}, not reviewed {len(skipped)}")
    return 1 if failed else 0
