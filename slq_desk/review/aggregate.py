"""Aggregating a panel's scores: statistics, divergence alerts, optional z-score normalisation.

Inputs are plain ``ScoreRecord`` values (reviewer, application, weighted total, criterion
scores as Decimal), so the panel import of signed opinions and a shared PostgreSQL workspace
can both feed them. All arithmetic is Decimal in a private context (``Decimal.sqrt`` for the
standard deviation); results stay exact and are quantised only when displayed.

Settings are data (``PanelSettings.from_mapping`` reads a TOML/JSON table): the aggregation
method, the trimming rule (drop the highest and lowest only with at least N reviewers), the
divergence thresholds, and the z-score normalisation with its minimum-sample guard.
"""

from __future__ import annotations

import decimal
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.money import D, MoneyError

# Private context: 28 significant digits is plenty for scores; half-even avoids a bias when
# many means are later rounded for display.
CTX = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN,
                      traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow])
METHODS = ("mean", "median", "trimmed_mean", "drop_high_low")
# How each method is named on every output (summary PDF, 综合意见, 名单, 评审报告, 公示).
METHOD_LABELS = {"mean": "平均分", "median": "中位数", "trimmed_mean": "截尾平均分",
                 "drop_high_low": "去掉一个最高分和一个最低分"}
METRICS = ("range", "stdev")


@dataclass(frozen=True)
class ScoreRecord:
    """One reviewer's scores for one application (weighted total on 0–100)."""

    reviewer: str
    application_id: str
    total: Decimal
    criteria: Mapping[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Stats:
    n: int
    mean: Decimal
    median: Decimal
    trimmed_mean: Decimal
    trimmed: bool  # whether the trimmed mean really dropped the extremes (n ≥ the minimum)
    stdev: Decimal | None  # sample standard deviation (n − 1); None with fewer than 2 values
    minimum: Decimal
    maximum: Decimal
    # 去掉一个最高分和一个最低分: the mean of the others; with fewer than three scores nothing
    # can be dropped, the plain mean stands and ``dropped`` says so (shown with a *).
    drop_high_low: Decimal = Decimal("0")
    dropped: bool = False

    @property
    def range(self) -> Decimal:
        return self.maximum - self.minimum

    def value(self, method: str) -> Decimal:
        if method == "mean":
            return self.mean
        if method == "median":
            return self.median
        if method == "trimmed_mean":
            return self.trimmed_mean
        if method == "drop_high_low":
            return self.drop_high_low
        raise BadInput(f"未知的汇总方法 {method!r} / unknown method; one of {', '.join(METHODS)}")

    def display(self, places: int = 2) -> dict[str, Any]:
        q = quantum(places)
        return {
            "n": self.n, "mean": str(round_for_display(self.mean, q)),
            "median": str(round_for_display(self.median, q)),
            "trimmed_mean": str(round_for_display(self.trimmed_mean, q)),
            "trimmed": self.trimmed,
            "drop_high_low": str(round_for_display(self.drop_high_low, q)),
            "dropped": self.dropped,
            "stdev": None if self.stdev is None else str(round_for_display(self.stdev, q)),
            "min": str(self.minimum), "max": str(self.maximum), "range": str(self.range),
        }


def quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def round_for_display(value: Decimal, q: Decimal) -> Decimal:
    return value.quantize(q, rounding=decimal.ROUND_HALF_UP)


_ZERO = Decimal("0")


def _mean(values: Sequence[Decimal]) -> Decimal:
    return CTX.divide(sum(values, _ZERO), Decimal(len(values)))


def _stdev(values: Sequence[Decimal], mean: Decimal | None = None) -> Decimal | None:
    """Sample standard deviation; ``mean`` when the caller already has ``_mean(values)``."""
    if len(values) < 2:
        return None
    m = _mean(values) if mean is None else mean
    mul = CTX.multiply
    ss = sum([mul(d, d) for d in [v - m for v in values]], _ZERO)
    return CTX.divide(ss, Decimal(len(values) - 1)).sqrt(CTX)


def trim_count(n: int, trim_min_reviewers: int = 5, trim_fraction: Decimal | None = None) -> int:
    """How many scores the trimmed mean drops at each end: none below the minimum number of
    reviewers; ⌊n × fraction⌋ with a fraction, else one; never so many that nothing is left."""
    if n < trim_min_reviewers or n < 3:
        return 0
    k = 1 if trim_fraction is None else int(CTX.multiply(Decimal(n), trim_fraction))
    return max(0, min(k, (n - 1) // 2))


def describe(values: Sequence[Decimal], trim_min_reviewers: int = 5,
             trim_fraction: Decimal | None = None) -> Stats:
    """Mean, median, trimmed mean, 去掉一个最高分和一个最低分, sample standard deviation, min,
    max of ``values``."""
    if not values:
        raise BadInput("没有可汇总的分数 / no scores to aggregate")
    for v in values:
        if not isinstance(v, Decimal):
            raise BadInput(f"分数须为 Decimal / scores must be Decimal, got {type(v).__name__}")
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    median = ordered[mid] if n % 2 else CTX.divide(ordered[mid - 1] + ordered[mid], Decimal(2))
    k = trim_count(n, trim_min_reviewers, trim_fraction)
    # The mean is what ``_mean(ordered)`` gives, computed once and reused where the other
    # statistics would compute it again (a panel of 2,000 × 7 asks for 12,000 of these).
    mean = _mean(ordered)
    trimmed_mean = _mean(ordered[k:n - k]) if k else mean
    dropped = n >= 3
    return Stats(n=n, mean=mean, median=median, trimmed_mean=trimmed_mean,
                 trimmed=k > 0, stdev=_stdev(ordered, mean), minimum=ordered[0],
                 maximum=ordered[-1],
                 drop_high_low=_mean(ordered[1:-1]) if dropped else mean,
                 dropped=dropped)


# --- settings ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class DivergenceRule:
    """Alert when ``metric`` (range | stdev) of ``scope`` reaches ``threshold``.

    ``scope`` is "total" (points of the 0–100 total) or "criterion" (every criterion); with
    ``relative`` the threshold is a fraction of the criterion's maximum score.
    """

    metric: str
    threshold: Decimal
    scope: str = "total"
    relative: bool = False
    message: str = "分歧较大，建议增加一名评审或组织讨论 / scores diverge: ask a third review or discuss"


# Issue 9's example: a range of 30 points or more of 100 asks for a third review or discussion.
DEFAULT_DIVERGENCE: tuple[DivergenceRule, ...] = (
    DivergenceRule("range", Decimal("30"), "total"),
    DivergenceRule("stdev", Decimal("15"), "total"),
    DivergenceRule("range", Decimal("0.5"), "criterion", relative=True),
)


@dataclass(frozen=True)
class PanelSettings:
    method: str = "mean"
    trim_min_reviewers: int = 5
    # The trimmed mean drops ⌊n × trim_fraction⌋ scores at each end (one when unset).
    trim_fraction: Decimal | None = None
    divergence: tuple[DivergenceRule, ...] = DEFAULT_DIVERGENCE
    normalise: bool = False
    z_min_samples: int = 5
    places: int = 2

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise BadInput(f"未知的汇总方法 {self.method!r} / unknown method; one of {', '.join(METHODS)}")
        if self.trim_min_reviewers < 3:
            raise BadInput("trim_min_reviewers 至少为3 / must be at least 3")
        if self.z_min_samples < 2:
            raise BadInput("z_min_samples 至少为2 / must be at least 2")
        if self.trim_fraction is not None and not Decimal("0") < self.trim_fraction < Decimal("0.5"):
            raise BadInput("trim_fraction 应大于0且小于0.5 / must be above 0 and below 0.5")

    @property
    def method_label(self) -> str:
        """The method as printed on every output, with its trimming rule."""
        label = METHOD_LABELS[self.method]
        if self.method == "trimmed_mean":
            each = ("一个" if self.trim_fraction is None
                    else f"{format(self.trim_fraction * 100, 'f').rstrip('0').rstrip('.')}%")
            label += f"（专家不少于{self.trim_min_reviewers}人时两端各去掉{each}）"
        elif self.method == "drop_high_low":
            label += "后的平均分（专家不少于3人）"
        return label

    @classmethod
    def from_file(cls, path: str | Path) -> PanelSettings:
        """Read a panel settings TOML file (the same keys as ``from_mapping``)."""
        p = Path(path)
        try:
            raw = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BadInput(f"找不到评审组设置文件 / no panel settings file at {p}") from None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise BadInput(f"{p}: 无法读取 / cannot read: {err}") from None
        return cls.from_mapping(raw, origin=str(p))

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], origin: str = "panel settings") -> PanelSettings:
        """Read settings from a TOML/JSON table; numbers as strings (floats are refused)."""
        def num(value: Any, key: str) -> Decimal:
            if isinstance(value, float) or isinstance(value, bool):
                raise BadInput(f"{origin}.{key}: 不得使用浮点数，请写成字符串 / {value!r} must be "
                               "written as a string")
            try:
                return D(str(value) if isinstance(value, int) else value)
            except MoneyError:
                raise BadInput(f"{origin}.{key}: 不是数字 / not a number: {value!r}") from None

        def integer(key: str, default: int) -> int:
            value = raw.get(key, default)
            if isinstance(value, bool) or not isinstance(value, int):
                raise BadInput(f"{origin}.{key}: 应为整数 / expected an integer, got {value!r}")
            return value

        rules = DEFAULT_DIVERGENCE
        if "divergence" in raw:
            rules_raw = raw["divergence"]
            if not isinstance(rules_raw, list):
                raise BadInput(f"{origin}.divergence: 应为列表 / expected a list of rules")
            parsed = []
            for i, r in enumerate(rules_raw):
                where = f"divergence[{i}]"
                if not isinstance(r, Mapping):
                    raise BadInput(f"{origin}.{where}: 应为表 / expected a table")
                metric, scope = r.get("metric"), r.get("scope", "total")
                if metric not in METRICS:
                    raise BadInput(f"{origin}.{where}.metric: 应为 range 或 stdev / expected range "
                                   f"or stdev, got {metric!r}")
                if scope not in ("total", "criterion"):
                    raise BadInput(f"{origin}.{where}.scope: 应为 total 或 criterion / expected "
                                   f"total or criterion, got {scope!r}")
                if "threshold" not in r:
                    raise BadInput(f"{origin}.{where}: 缺少 threshold / missing threshold")
                kwargs: dict[str, Any] = {"metric": metric, "scope": scope,
                                          "threshold": num(r["threshold"], f"{where}.threshold"),
                                          "relative": bool(r.get("relative", False))}
                if r.get("message"):
                    kwargs["message"] = str(r["message"])
                parsed.append(DivergenceRule(**kwargs))
            rules = tuple(parsed)
        fraction = raw.get("trim_fraction")
        return cls(method=str(raw.get("method", "mean")),
                   trim_min_reviewers=integer("trim_min_reviewers", 5),
                   trim_fraction=None if fraction is None else num(fraction, "trim_fraction"),
                   divergence=rules,
                   normalise=bool(raw.get("normalise", False)),
                   z_min_samples=integer("z_min_samples", 5), places=integer("places", 2))


# --- normalisation ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Normalisation:
    """Per-reviewer z-scores mapped back onto the panel's scale.

    adjusted = panel mean + (score − reviewer mean) ÷ reviewer sd × panel sd. A reviewer with
    fewer than the minimum number of scores, or no spread, keeps raw scores (listed in
    ``skipped`` with the reason): a z-score from three numbers says more about chance than
    about the reviewer.
    """

    adjusted: Mapping[tuple[str, str], Decimal]  # (reviewer, application) → adjusted total
    normalised: tuple[str, ...]
    skipped: Mapping[str, str]


def normalise(records: Sequence[ScoreRecord], min_samples: int = 5) -> Normalisation:
    totals = [r.total for r in records]
    panel_sd = _stdev(totals)
    adjusted = {(r.reviewer, r.application_id): r.total for r in records}
    if panel_sd is None or panel_sd == 0:
        reason = "全组分数无离散，不做标准化 / the panel's scores have no spread"
        return Normalisation(adjusted, (), {r.reviewer: reason for r in records})
    panel_mean = _mean(totals)
    by_reviewer: dict[str, list[ScoreRecord]] = defaultdict(list)
    for r in records:
        by_reviewer[r.reviewer].append(r)
    done: list[str] = []
    skipped: dict[str, str] = {}
    for reviewer, rows in sorted(by_reviewer.items()):
        values = [r.total for r in rows]
        if len(values) < min_samples:
            skipped[reviewer] = (f"评分数 {len(values)} 少于 {min_samples}，保留原始分 / only "
                                 f"{len(values)} scores (< {min_samples}): raw scores kept")
            continue
        sd = _stdev(values)
        if sd is None or sd == 0:
            skipped[reviewer] = "该专家分数无离散，保留原始分 / no spread: raw scores kept"
            continue
        m = _mean(values)
        for r in rows:
            z = CTX.divide(r.total - m, sd)
            adjusted[(reviewer, r.application_id)] = panel_mean + CTX.multiply(z, panel_sd)
        done.append(reviewer)
    return Normalisation(adjusted, tuple(done), skipped)


# --- aggregation ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Alert:
    application_id: str
    scope: str  # "total" or a criterion key
    metric: str
    value: Decimal
    threshold: Decimal
    message: str


@dataclass(frozen=True)
class ApplicationAggregate:
    application_id: str
    reviewers: tuple[str, ...]
    total: Stats  # raw weighted totals
    criteria: Mapping[str, Stats]
    score: Decimal  # the panel score by the chosen method (on normalised totals if enabled)
    normalised: Stats | None
    alerts: tuple[Alert, ...]

    def to_json(self, places: int = 2) -> dict[str, Any]:
        q = quantum(places)
        return {
            "application_id": self.application_id,
            "reviewers": list(self.reviewers),
            "score": str(round_for_display(self.score, q)),
            "total": self.total.display(places),
            "normalised": self.normalised.display(places) if self.normalised else None,
            "criteria": {k: s.display(places) for k, s in self.criteria.items()},
            "alerts": [{"scope": a.scope, "metric": a.metric,
                        "value": str(round_for_display(a.value, q)),
                        "threshold": str(a.threshold), "message": a.message} for a in self.alerts],
        }


def _check_unique(records: Iterable[ScoreRecord]) -> None:
    seen: set[tuple[str, str]] = set()
    for r in records:
        key = (r.reviewer, r.application_id)
        if key in seen:
            raise BadInput(f"{r.reviewer} 对 {r.application_id} 有两份评分，请先保留其一 / two score "
                           f"sheets from {r.reviewer} for {r.application_id}; keep one first")
        seen.add(key)


class _Spread:
    """What a divergence rule reads of a criterion's scores when no rule needs its standard
    deviation: the range, exactly as ``Stats.range`` gives it (last of the sorted values minus
    the first), without the rest of the statistics."""

    __slots__ = ("range", "stdev")

    def __init__(self, values: Sequence[Decimal]) -> None:
        ordered = sorted(values)
        self.range: Decimal = ordered[-1] - ordered[0]
        self.stdev: Decimal | None = None


class CriterionStats(Mapping[str, Stats]):
    """One application's statistics per criterion, each computed the first time it is read.

    Ranking reads none of them (the panel score is the total's), the divergence alerts only
    the range unless a rule asks for a deviation; a chair's window, the 汇总表 and the JSON
    export read them all and get exactly what ``describe`` gives. A panel of 2,000
    applications × 5 criteria no longer pays for 10,000 statistics nobody has asked for yet.
    """

    __slots__ = ("_scores", "_trim", "_done")

    def __init__(self, scores: dict[str, list[Decimal]], trim: tuple[int, Decimal | None]) -> None:
        self._scores = scores  # criterion → its scores in reviewer order; keys in display order
        self._trim = trim
        self._done: dict[str, Stats] = {}

    def __getitem__(self, key: str) -> Stats:
        got = self._done.get(key)
        if got is None:
            got = self._done[key] = describe(self._scores[key], *self._trim)
        return got

    def __iter__(self) -> Iterator[str]:
        return iter(self._scores)

    def __len__(self) -> int:
        return len(self._scores)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


def _alerts(app_id: str, scope: str, stats: Stats | _Spread, rules: Sequence[DivergenceRule],
            max_score: Decimal | None) -> list[Alert]:
    out: list[Alert] = []
    for rule in rules:
        if (rule.scope == "total") != (scope == "total"):
            continue
        value = stats.range if rule.metric == "range" else stats.stdev
        if value is None:
            continue
        threshold = rule.threshold
        if rule.relative:
            if max_score is None:
                continue  # a relative rule needs the criterion's scale
            threshold = CTX.multiply(rule.threshold, max_score)
        if value >= threshold:
            out.append(Alert(app_id, scope, rule.metric, value, threshold, rule.message))
    return out


def aggregate(records: Sequence[ScoreRecord], settings: PanelSettings | None = None,
              scales: Mapping[str, Decimal] | None = None) -> list[ApplicationAggregate]:
    """Per-application and per-criterion statistics with alerts, sorted by application id.

    ``scales`` maps criterion keys to their maximum score (for relative criterion alerts).
    """
    settings = settings or PanelSettings()
    scales = scales or {}
    _check_unique(records)
    norm = normalise(records, settings.z_min_samples) if settings.normalise else None
    by_app: dict[str, list[ScoreRecord]] = defaultdict(list)
    for r in records:
        by_app[r.application_id].append(r)
    out: list[ApplicationAggregate] = []
    trim = (settings.trim_min_reviewers, settings.trim_fraction)
    deviation_rule = any(r.scope == "criterion" and r.metric == "stdev"
                         for r in settings.divergence)
    for app_id in sorted(by_app):
        rows = sorted(by_app[app_id], key=lambda r: r.reviewer)
        total = describe([r.total for r in rows], *trim)
        # Each criterion's scores in reviewer order, gathered in one pass over the sheets.
        scored: dict[str, list[Decimal]] = {}
        for r in rows:
            for k, v in r.criteria.items():
                if not isinstance(v, Decimal):
                    raise BadInput(f"分数须为 Decimal / scores must be Decimal, got {type(v).__name__}")
                scored.setdefault(k, []).append(v)
        by_key = {k: scored[k] for k in sorted(scored)}
        criteria = CriterionStats(by_key, trim)
        normalised = None
        if norm is not None:
            normalised = describe([norm.adjusted[(r.reviewer, app_id)] for r in rows], *trim)
        score = (normalised or total).value(settings.method)
        alerts = _alerts(app_id, "total", total, settings.divergence, None)
        for k, values in by_key.items():
            st = criteria[k] if deviation_rule else _Spread(values)
            alerts += _alerts(app_id, k, st, settings.divergence, scales.get(k))
        out.append(ApplicationAggregate(app_id, tuple(r.reviewer for r in rows), total, criteria,
                                        score, normalised, tuple(alerts)))
    return out


@dataclass(frozen=True)
class ReviewerCalibration:
    """A reviewer's scoring against the panel's (for the calibration chart)."""

    reviewer: str
    n: int
    mean: Decimal
    stdev: Decimal | None
    panel_mean: Decimal
    panel_stdev: Decimal | None

    @property
    def offset(self) -> Decimal:
        return self.mean - self.panel_mean


def calibration(records: Sequence[ScoreRecord]) -> list[ReviewerCalibration]:
    if not records:
        return []
    totals = [r.total for r in records]
    panel_mean, panel_sd = _mean(totals), _stdev(totals)
    by_reviewer: dict[str, list[Decimal]] = defaultdict(list)
    for r in records:
        by_reviewer[r.reviewer].append(r.total)
    return [ReviewerCalibration(name, len(v), _mean(v), _stdev(v), panel_mean, panel_sd)
            for name, v in sorted(by_reviewer.items())]
