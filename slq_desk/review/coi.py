"""The conflict-of-interest (利益冲突) gate in front of every scoring form.

A reviewer declares, for the applicant and its compute supplier, either that there is no
conflict or what the conflict is. Until then the form is locked; a declared conflict keeps the
reviewer out of this application for good (the declaration stays on record, it is not undone
by declaring again). The wording declared is stored with its time and printed on the opinion.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from slq_desk.errors import BadInput, SlqError

# What "--coi none" (or the form's "无利益冲突" button) declares, word for word.
NO_CONFLICT_STATEMENT = ("本人声明：与申报单位{applicant}及其算力供给方不存在投资、隶属、任职、"
                         "亲属或其他利益关系，无利益冲突。")
NONE_WORDS = frozenset({"none", "no", "无", "无利益冲突", "没有"})


class ReviewLocked(BadInput):
    """The form is locked until the reviewer declares conflicts of interest."""


class ConflictDeclared(SlqError):
    """The reviewer declared a conflict and is kept out of this application."""


@dataclass(frozen=True)
class CoiDeclaration:
    conflict: bool
    text: str


def parse_declaration(value: str, applicant: str) -> CoiDeclaration:
    """``none`` (or 无) → no conflict with the standard statement; any other text → a conflict."""
    text = value.strip()
    if not text:
        raise BadInput("利益冲突声明不能为空：无冲突请填 none，有冲突请写明情况 / the declaration "
                       "is empty: write 'none' or describe the conflict")
    if text.lower() in NONE_WORDS:
        return CoiDeclaration(False, NO_CONFLICT_STATEMENT.format(applicant=applicant or ""))
    return CoiDeclaration(True, text)


def check_open(declared: bool, conflict: bool, reviewer: str, application_id: str) -> None:
    """Raise unless the reviewer may score: declared, and declared no conflict."""
    if not declared:
        raise ReviewLocked(f"评审表已锁定：{reviewer} 须先就申报单位及其算力供给方声明利益冲突"
                           f"（--coi none 或写明冲突）/ the form for {application_id} is locked until "
                           f"{reviewer} declares conflicts of interest (--coi none, or the conflict)")
    if conflict:
        raise ConflictDeclared(f"{reviewer} 已声明与 {application_id} 存在利益冲突，须回避本项评审 / "
                               f"{reviewer} declared a conflict with {application_id} and is kept "
                               "out of this review")


def may_redeclare(declared: bool, conflict: bool, new: CoiDeclaration,
                  reviewer: str, application_id: str) -> bool:
    """Whether a new declaration changes anything; refuses withdrawing a declared conflict.

    Returns False when the new declaration repeats the stored one (nothing to record).
    """
    if declared and conflict:
        if not new.conflict:
            raise ConflictDeclared(f"{reviewer} 已声明存在利益冲突，不能撤回 / {reviewer} declared a "
                                   f"conflict with {application_id}; it cannot be withdrawn")
        return False
    if declared and not new.conflict:
        return False
    return True


def stamp(at: datetime) -> str:
    return at.isoformat(timespec="seconds")
