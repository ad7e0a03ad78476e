"""Typed corrections: what a person may type for an extracted field, checked before it is kept.

A correction changes what the checks and the calculator read, so it is held to the field's type:
money as a Decimal to the fen (separators, ¥ and 万 accepted, stored as "1234.50"), dates as
ISO days, USCCs with their check character (GB 32100-2015), yes/no flags, applicant kinds and
declared directions. ``normalise`` returns the stored form or raises ``CorrectionRefused`` with a
sentence in Chinese and in English that the dialog shows as it is.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from slq_desk.errors import BadInput
from slq_desk.money import MoneyError, parse_amount
from slq_desk.vocabulary import APPLICANT_KIND_LABELS, field_label

MONEY_FIELDS = frozenset({"amount", "total", "tax", "requested_amount", "unit_price",
                          "other_fiscal_support"})
DATE_FIELDS = frozenset({"issue_date", "pay_date", "period_start", "period_end", "term_start",
                         "term_end", "signed_on", "date", "filed_on"})
# Codes that must be a full 18-character USCC (a company registers with one).
USCC_FIELDS = frozenset({"applicant_id", "supplier_id", "uscc"})
# An invoice's 纳税人识别号 may still be an older 15/17/20-character id.
TAX_ID_FIELDS = frozenset({"buyer_id", "seller_id"})
FLAG_FIELDS = frozenset({"domestic", "sme", "other_subsidy_clause"})
COUNT_FIELDS = frozenset({"card_hours", "quantity"})
RATE_FIELDS = frozenset({"rate", "tax_rate", "share"})

_YES = {"是", "yes", "y", "true", "1", "有"}
_NO = {"否", "no", "n", "false", "0", "无"}
_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_NUMBER_RE = re.compile(r"^\d+(\.\d+)?$")


class CorrectionRefused(BadInput):
    """A typed value that does not fit its field; nothing was changed."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}", zh=zh)
        self.en = en


def normalise(name: str, value: str) -> str:
    """The stored form of ``value`` typed for the field ``name`` (``item.`` fields included)."""
    bare = name.removeprefix("item.")
    label = field_label(name)
    text = value.strip()
    if not text:
        raise CorrectionRefused(f"{label.zh}不能为空；如要恢复原提取值，请使用“撤回更正”。",
                                f"{label.en} cannot be empty; to go back to the extracted value, "
                                f"withdraw the correction.")
    if bare in MONEY_FIELDS:
        try:
            return format(parse_amount(text), "f")
        except MoneyError:
            raise CorrectionRefused(
                f"“{text}”不是金额。{label.zh}请填写金额，如 1234.50、¥1,234.50 或 12.3万，最多两位小数。",
                f"'{text}' is not an amount. Type {label.en} as an amount, e.g. 1234.50, "
                f"¥1,234.50 or 12.3万, with at most two decimals.") from None
    if bare in DATE_FIELDS:
        return _date(text, label.zh, label.en)
    if bare in USCC_FIELDS or bare in TAX_ID_FIELDS:
        return _id(text, bare in USCC_FIELDS, label.zh, label.en)
    if bare in FLAG_FIELDS:
        lowered = text.lower()
        if lowered in _YES:
            return "true"
        if lowered in _NO:
            return "false"
        raise CorrectionRefused(f"{label.zh}请填写“是”或“否”。", f"Type yes or no for {label.en}.")
    if bare == "applicant_kind":
        for code, kind in APPLICANT_KIND_LABELS.items():
            if text in (code, kind.zh, kind.en):
                return code
        raise CorrectionRefused(
            "申报主体类型须为：" + "、".join(k.zh for k in APPLICANT_KIND_LABELS.values()) + "。",
            "The applicant kind must be one of: "
            + ", ".join(k.en for k in APPLICANT_KIND_LABELS.values()) + ".")
    if bare == "direction":
        digits = text.removeprefix("方向").strip()
        if not digits.isdigit() or not 1 <= int(digits) <= 9:
            raise CorrectionRefused("申报方向请填写方向编号（如 1、2、3、4）。",
                                    "Type the direction's number (e.g. 1, 2, 3, 4).")
        return str(int(digits))
    if bare in COUNT_FIELDS:
        plain = text.replace(",", "")
        if not _NUMBER_RE.match(plain):
            raise CorrectionRefused(f"“{text}”不是数量。{label.zh}请填写非负数字。",
                                    f"'{text}' is not a quantity. Type {label.en} as a number.")
        return plain
    if bare in RATE_FIELDS:
        plain = text.replace("％", "%").removesuffix("%").strip()
        if not _NUMBER_RE.match(plain) or Decimal(plain) > 100:
            raise CorrectionRefused(f"“{text}”不是百分比。{label.zh}请填写 0–100 的百分数，如 6%。",
                                    f"'{text}' is not a percentage. Type {label.en} as 0–100%, e.g. 6%.")
        return f"{plain}%"
    return text


def _date(text: str, zh: str, en: str) -> str:
    match = _DATE_RE.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            pass
    raise CorrectionRefused(f"“{text}”不是有效日期。{zh}请按 2026-03-01 或 2026年3月1日 填写。",
                            f"'{text}' is not a valid date. Type {en} as 2026-03-01.")


def _id(text: str, uscc_only: bool, zh: str, en: str) -> str:
    # python-stdnum (ssl, pydoc…) on the first id typed, not while the window starts (issue 18)
    from slq_desk.extract.uscc import IdStatus, check_id, clean

    code = clean(text)
    status = check_id(code)
    if status is IdStatus.valid or (status is IdStatus.old_format and not uscc_only):
        return code
    if status is IdStatus.bad_check:
        raise CorrectionRefused(f"统一社会信用代码“{code}”校验位错误，请对照营业执照核对。",
                                f"The USCC '{code}' has a wrong check character; compare it with "
                                f"the business licence.")
    if uscc_only:
        raise CorrectionRefused(f"“{text}”不是 18 位统一社会信用代码。",
                                f"'{text}' is not an 18-character unified social credit code.")
    raise CorrectionRefused(f"“{text}”不是有效的统一社会信用代码或纳税人识别号。",
                            f"'{text}' is not a valid USCC or taxpayer id.")
