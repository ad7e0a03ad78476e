"""`slq-desk correct`: a person's value for an extracted field, which may change the subsidy.

The same call the checklist's correction makes (``Desk.correct``): the extracted value stays
beside the correction, who and when are recorded with an audit event, and the checks (and so
the subsidy) run again. Without ``--field`` it lists the application's fields with their ids.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from slq_desk.errors import BadInput

if TYPE_CHECKING:
    from slq_desk.desk.service import Desk


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("correct", help="correct an extracted field of an application "
                                       "(the checks and the subsidy are recomputed)")
    p.add_argument("application", help="application id")
    p.add_argument("--workspace", "-w", required=True)
    p.add_argument("--field", type=int, help="the field's id (without it: list the fields)")
    value = p.add_mutually_exclusive_group()
    value.add_argument("--value", help="the corrected value")
    value.add_argument("--withdraw", action="store_true",
                       help="withdraw the correction: the extracted value counts again")
    p.add_argument("--by", help="who corrects (default: the workspace's user)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_correct)


def _correct(args: argparse.Namespace) -> int:
    # Imported in the handler: the desk loads the whole core, `slq-desk --help` should not.
    from slq_desk.cli.common import open_workspace
    from slq_desk.desk.service import Desk
    from slq_desk.money import fmt

    desk = Desk(open_workspace(args))
    try:
        if args.field is None:
            if args.value is not None or args.withdraw:
                raise BadInput("name the field to correct: --field ID "
                               "(run without --value to list the fields)")
            return _list_fields(desk, args.application, args.json)
        if args.value is None and not args.withdraw:
            raise BadInput("give --value V, or --withdraw to withdraw a correction")
        done = desk.correct(args.application, args.field, None if args.withdraw else args.value,
                            args.by)
    finally:
        desk.close()
    subsidy = fmt(done.computed_subsidy) if done.computed_subsidy is not None else None
    if args.json:
        print(json.dumps({"application_id": done.application_id, "field_id": done.field_id,
                          "name": done.name, "extracted": done.extracted,
                          "corrected_value": done.corrected_value,
                          "corrected_by": done.corrected_by, "computed_subsidy": subsidy,
                          "removed": done.removed},
                         ensure_ascii=False, indent=2))
        return 0
    if done.removed:
        print(f"{done.application_id} #{done.field_id} {done.name}: 补录的值已撤回，该字段已删除 / "
              f"the entered value was withdrawn; the field is gone")
        print(f"测算补贴 / computed subsidy: {subsidy if subsidy is not None else '—'}")
        return 0
    shown = done.corrected_value if done.corrected_value is not None else done.extracted
    state = "更正为 / corrected to" if done.corrected_value is not None else \
        "恢复为提取值 / back to the extracted value"
    print(f"{done.application_id} #{done.field_id} {done.name}: {state} {shown} "
          f"(提取值 / extracted: {done.extracted})")
    print(f"测算补贴 / computed subsidy: {subsidy if subsidy is not None else '—'}")
    return 0


def _list_fields(desk: Desk, application_id: str, as_json: bool) -> int:
    data = desk.checklist(application_id)
    rows = [(f.id, d.name, f.name, f.item_index, f.value, f.corrected_value)
            for d in data.documents for f in d.fields]
    if as_json:
        print(json.dumps([{"id": i, "document": doc, "name": n, "item_index": item,
                           "extracted": v, "corrected_value": c}
                          for i, doc, n, item, v, c in rows], ensure_ascii=False, indent=2))
        return 0
    for i, doc, n, item, v, c in rows:
        where = f"{doc}" + (f"[{item}]" if item is not None else "")
        fixed = f"  → {c}" if c is not None else ""
        print(f"{i:>6}  {where}  {n} = {v}{fixed}")
    return 0
