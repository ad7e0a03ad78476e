"""Rubric files: load, validate and choose the scoring form for an application.

A rubric is a TOML file in ``resources/rubrics/`` (or one a panel supplies). Every number in it
is a string (or an integer) so it becomes an exact Decimal; a float is refused, because a
weight of 0.1 written as a float is not 0.1. Weights are percentages of the weighted total and
must sum to exactly 100. Every message names the file and the key at fault, so whoever edits a
rubric can fix it without reading code.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.money import D, MoneyError
from slq_desk.resources import resource_path

SCHEMA = "slq-desk/rubric"
HUNDRED = Decimal("100")
# Shown on every form and opinion when a rubric file does not carry its own notice.
DEFAULT_NOTICE = "默认权重为本系统设定，以主管部门通知为准"
DEFAULT_NOTICE_EN = "Default weights are set by this system; the issuing authority's notice prevails"


class RubricError(BadInput):
    """A rubric file (or a score against it) is malformed; the message names file and key."""


@dataclass(frozen=True)
class CommentRules:
    """When a criterion needs a written comment (data, per rubric)."""

    below_threshold: bool = True
    full_marks: bool = True
    min_chars: int = 1


@dataclass(frozen=True)
class Criterion:
    key: str
    name: str
    name_en: str
    description: str
    description_en: str
    article: str
    max_score: Decimal
    step: Decimal
    weight: Decimal  # percent of the weighted total
    threshold: Decimal  # on the criterion's own scale; below it a comment is required
    min_score: Decimal = Decimal("0")

    def check_score(self, value: Decimal, origin: str = "") -> Decimal:
        """Return ``value`` written with the step's decimals, or refuse a score off the scale."""
        where = f"{origin}: " if origin else ""
        if not value.is_finite():
            raise RubricError(f"{where}{self.key}: 分值无效 / not a number: {value}")
        if value < self.min_score or value > self.max_score:
            raise RubricError(
                f"{where}{self.key}（{self.name}）: 分值 {value} 超出范围 {self.min_score}–{self.max_score}"
                f" / score {value} is outside {self.min_score}–{self.max_score}")
        if (value - self.min_score) % self.step != 0:
            raise RubricError(
                f"{where}{self.key}（{self.name}）: 分值 {value} 不是步长 {self.step} 的整数倍"
                f" / score {value} is not on the scale (step {self.step})")
        exponent = self.step.as_tuple().exponent
        places = Decimal(1).scaleb(exponent if isinstance(exponent, int) and exponent < 0 else 0)
        return value.quantize(places)


@dataclass(frozen=True)
class Rubric:
    id: str
    version: str
    title: str
    title_en: str
    source: str
    notice: str
    notice_en: str
    pass_threshold: Decimal  # on the 0–100 weighted total
    criteria: tuple[Criterion, ...]
    comment_rules: CommentRules
    region: str = ""
    policies: tuple[str, ...] = ()
    direction: int | None = None
    origin: str = ""  # file it came from, for messages
    source_text: str = ""  # the TOML text, kept so a workspace can snapshot it
    builtin: bool = False

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.source_text.encode("utf-8")).hexdigest()

    def criterion(self, key: str) -> Criterion:
        for c in self.criteria:
            if c.key == key:
                return c
        known = ", ".join(c.key for c in self.criteria)
        raise RubricError(f"评分表 {self.id} 没有评分项 {key!r} / rubric {self.id} has no "
                          f"criterion {key!r}; known: {known}")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.criteria)


def _number(raw: dict[str, Any], key: str, where: str, required: bool = True,
            default: str | None = None) -> Decimal:
    if key not in raw:
        if required and default is None:
            raise RubricError(f"{where}: 缺少 {key} / missing key {key!r}")
        return D(default or "0")
    value = raw[key]
    if isinstance(value, float):
        raise RubricError(f"{where}.{key}: 不得使用浮点数，请写成字符串，如 \"{value}\" / "
                          f"{value!r} is a float; write it as a string (\"{value}\")")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RubricError(f"{where}.{key}: 应为数字字符串 / expected a number as a string, got {value!r}")
    try:
        return D(str(value) if isinstance(value, int) else value)
    except MoneyError:
        raise RubricError(f"{where}.{key}: 不是数字 / not a decimal number: {value!r}") from None


def _text(raw: dict[str, Any], key: str, where: str, required: bool = True,
          default: str = "") -> str:
    value = raw.get(key)
    if value is None:
        if required:
            raise RubricError(f"{where}: 缺少 {key} / missing key {key!r}")
        return default
    if not isinstance(value, str) or (required and not value.strip()):
        raise RubricError(f"{where}.{key}: 应为非空文本 / expected non-empty text, got {value!r}")
    return value


def _criterion(raw: Any, where: str) -> Criterion:
    if not isinstance(raw, dict):
        raise RubricError(f"{where}: 应为表 / expected a table")
    key = _text(raw, "key", where)
    where = f"{where}[{key}]"
    crit = Criterion(
        key=key,
        name=_text(raw, "name", where),
        name_en=_text(raw, "name_en", where),
        description=_text(raw, "description", where),
        description_en=_text(raw, "description_en", where, required=False),
        article=_text(raw, "article", where),
        max_score=_number(raw, "max_score", where),
        step=_number(raw, "step", where),
        weight=_number(raw, "weight", where),
        threshold=_number(raw, "threshold", where),
        min_score=_number(raw, "min_score", where, required=False, default="0"),
    )
    if crit.step <= 0:
        raise RubricError(f"{where}.step: 步长须大于0 / step must be positive, got {crit.step}")
    if crit.max_score <= crit.min_score:
        raise RubricError(f"{where}.max_score: 满分须大于最低分 / max_score must exceed min_score")
    if (crit.max_score - crit.min_score) % crit.step != 0:
        raise RubricError(f"{where}.step: 满分 {crit.max_score} 不在步长 {crit.step} 上 / "
                          f"max_score is not a multiple of step")
    if crit.weight <= 0:
        raise RubricError(f"{where}.weight: 权重须大于0 / weight must be positive, got {crit.weight}")
    if not crit.min_score <= crit.threshold <= crit.max_score:
        raise RubricError(f"{where}.threshold: 阈值 {crit.threshold} 超出分值范围 / threshold "
                          f"outside {crit.min_score}–{crit.max_score}")
    return crit


def parse_rubric(text: str, origin: str, builtin: bool = False) -> Rubric:
    """Parse and validate rubric TOML ``text``; ``origin`` (a file name) appears in messages."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise RubricError(f"{origin}: 不是有效的TOML / not valid TOML: {err}") from None
    schema = raw.get("schema", SCHEMA)
    if schema != SCHEMA:
        raise RubricError(f"{origin}.schema: 应为 {SCHEMA!r} / expected {SCHEMA!r}, got {schema!r}")
    rid = _text(raw, "id", origin)
    where = origin
    crit_raw = raw.get("criteria")
    if not isinstance(crit_raw, list) or not crit_raw:
        raise RubricError(f"{where}: 至少需要一个评分项 [[criteria]] / needs at least one [[criteria]]")
    criteria = tuple(_criterion(c, f"{where}: criteria[{i}]") for i, c in enumerate(crit_raw))
    seen: set[str] = set()
    for c in criteria:
        if c.key in seen:
            raise RubricError(f"{where}: 评分项 key 重复 / duplicate criterion key {c.key!r}")
        seen.add(c.key)
    total = sum((c.weight for c in criteria), Decimal("0"))
    if total != HUNDRED:
        detail = " + ".join(f"{c.key}={c.weight}" for c in criteria)
        raise RubricError(f"{where}: 权重合计须为100%，实为 {total}% / weights must sum to 100%, "
                          f"they sum to {total}% ({detail})")
    rules_raw = raw.get("comment_rules", {})
    if not isinstance(rules_raw, dict):
        raise RubricError(f"{where}.comment_rules: 应为表 / expected a table")
    for flag in ("below_threshold", "full_marks"):
        if flag in rules_raw and not isinstance(rules_raw[flag], bool):
            raise RubricError(f"{where}.comment_rules.{flag}: 应为 true/false / expected true or false")
    min_chars = rules_raw.get("min_chars", 1)
    if isinstance(min_chars, bool) or not isinstance(min_chars, int) or min_chars < 1:
        raise RubricError(f"{where}.comment_rules.min_chars: 应为正整数 / expected a positive integer")
    rules = CommentRules(below_threshold=rules_raw.get("below_threshold", True),
                         full_marks=rules_raw.get("full_marks", True), min_chars=min_chars)
    pass_threshold = _number(raw, "pass_threshold", where)
    if not Decimal("0") <= pass_threshold <= HUNDRED:
        raise RubricError(f"{where}.pass_threshold: 须在0–100之间 / must be within 0–100")
    direction = raw.get("direction")
    if direction is not None and (isinstance(direction, bool) or not isinstance(direction, int)):
        raise RubricError(f"{where}.direction: 应为整数 / expected an integer, got {direction!r}")
    policies = raw.get("policies", [])
    if not isinstance(policies, list) or not all(isinstance(p, str) for p in policies):
        raise RubricError(f"{where}.policies: 应为文本列表 / expected a list of strings")
    return Rubric(
        id=rid,
        version=_text(raw, "version", where),
        title=_text(raw, "title", where),
        title_en=_text(raw, "title_en", where, required=False),
        source=_text(raw, "source", where, required=False),
        notice=_text(raw, "notice", where, required=False, default=DEFAULT_NOTICE),
        notice_en=_text(raw, "notice_en", where, required=False, default=DEFAULT_NOTICE_EN),
        pass_threshold=pass_threshold,
        criteria=criteria,
        comment_rules=rules,
        region=_text(raw, "region", where, required=False),
        policies=tuple(policies),
        direction=direction,
        origin=origin,
        source_text=text,
        builtin=builtin,
    )


def load_rubric(path: str | Path, builtin: bool = False) -> Rubric:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RubricError(f"找不到评分表文件 / no rubric file at {p}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise RubricError(f"{p}: 无法读取 / cannot read: {err}") from None
    return parse_rubric(text, p.name if builtin else str(p), builtin=builtin)


def builtin_dir() -> Path:
    return resource_path("rubrics")


def builtin_rubrics() -> list[Rubric]:
    """Every rubric shipped in ``resources/rubrics``, sorted by id."""
    return sorted((load_rubric(p, builtin=True) for p in builtin_dir().glob("*.toml")),
                  key=lambda r: r.id)


def resolve(ref: str) -> Rubric:
    """A rubric by built-in id (``hunan-2026``) or by the path of a rubric file."""
    candidate = builtin_dir() / f"{ref}.toml"
    if "/" not in ref and "\\" not in ref and candidate.is_file():
        return load_rubric(candidate, builtin=True)
    path = Path(ref)
    if path.suffix.lower() == ".toml" or path.exists():
        return load_rubric(path)
    known = ", ".join(r.id for r in builtin_rubrics())
    raise RubricError(f"未知评分表 {ref!r} / unknown rubric {ref!r}: neither a built-in id "
                      f"({known}) nor a rubric file")


# Policies whose texts have no scored review: the message says why a rubric is not chosen
# (Chinese, English).
_NO_SCORED_REVIEW: dict[str, tuple[str, str]] = {
    "wuhan": ("武汉政策按申请时间先到先得（第三条、第七条），无综合评分评审",
              "Wuhan grants first come, first served (arts. 3, 7); its text has no scored review"),
    "chengdu": ("成都政策按预算规模和申报情况统筹（第六条），无综合评分评审",
                "Chengdu scales vouchers to the budget (art. 6); its text has no scored review"),
}


def region_of(policy_id: str) -> str:
    return policy_id.split("-", 1)[0].lower()


def rubric_for(policy_id: str, direction: int | None) -> Rubric:
    """The default rubric for an application's policy (and Beijing direction).

    Raises ``RubricError`` with the reason when the policy has no scored review or the
    direction is missing; the caller may then name a rubric explicitly.
    """
    region = region_of(policy_id)
    # ``zh``: the window's sentence (no command-line option in it; the form offers 载入评分表).
    if region in _NO_SCORED_REVIEW:
        zh, en = _NO_SCORED_REVIEW[region]
        raise RubricError(f"{zh}；如需评分请用 --rubric 指定评分表 / {en}; "
                          "name one with --rubric to score anyway",
                          zh=f"{zh}。如仍需评分，请载入评分表文件。")
    candidates = [r for r in builtin_rubrics() if r.region == region]
    if not candidates:
        raise RubricError(f"政策 {policy_id} 没有默认评分表 / no default rubric for policy "
                          f"{policy_id}; name one with --rubric",
                          zh=f"政策 {policy_id} 没有默认评分表，请载入评分表文件。")
    if any(r.direction is not None for r in candidates):
        if direction is None:
            raise RubricError(f"{policy_id}: 申报方向未填写，无法选择评分表 / the application has "
                              "no direction, so no rubric can be chosen; set it or use --rubric",
                              zh="申报方向未填写，无法选择评分表；请先补充申报方向，或载入评分表文件。")
        candidates = [r for r in candidates if r.direction == direction]
        if not candidates:
            raise RubricError(f"{policy_id}: 没有方向{direction}的评分表 / no rubric for "
                              f"direction {direction}",
                              zh=f"没有申报方向{direction}的评分表。")
    exact = [r for r in candidates if policy_id in r.policies]
    return (exact or candidates)[0]
