"""The calculator's input: validating an application object (issue 3 schema) into typed facts.

Input comes from JSON files people write and from the extractors; it is hostile until checked.
Every refusal is a ``BadInput`` naming the field by its path (``[2].lines[0].amount``), and an
amount must be a string: a JSON number is refused rather than guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.money import ZERO, D, MoneyError
from slq_desk.policy.loader import APPLICANT_KINDS, COMPUTE_CLASSES, SERVICES

# Digits with at most two decimals: already a valid non-negative amount to the fen.
_PLAIN_AMOUNT = re.compile(r"\d{1,15}(?:\.\d{1,2})?\Z", re.ASCII)

# A thousand trillion yuan: far beyond any voucher, and keeps every product exact in 34 digits.
_TOO_LARGE = Decimal("1000000000000000")

CHINA = timezone(timedelta(hours=8), "UTC+08:00")

APPLICATION_FIELDS = frozenset(
    {"id", "policy", "claimed_at", "applicant", "direction", "score", "contracts", "lines",
     "quota_granted"}
)
APPLICANT_FIELDS = frozenset(
    {"name", "uscc", "kind", "sme", "received_this_year", "purchased_this_year"}
)
CONTRACT_FIELDS = frozenset({"id", "total", "signed_on", "other_fiscal_support", "compute_total"})
LINE_FIELDS = frozenset(
    {"contract", "service", "compute_class", "domestic", "amount", "tax", "period_start",
     "period_end", "in_window_amount"}
)


@dataclass(frozen=True, slots=True)
class Applicant:
    name: str
    uscc: str
    kind: str
    sme: bool
    received_this_year: Decimal
    # Qualifying purchases earlier this year, before this application (Wuhan, reading 2).
    purchased_this_year: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class Contract:
    id: str
    total: Decimal
    signed_on: date
    other_fiscal_support: Decimal
    # The intelligent-compute part of the total (Beijing direction 2, reading 17); None: the
    # contract's intelligent-compute lines stand in for it.
    compute_total: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Line:
    contract: str
    service: str
    compute_class: str | None
    domestic: bool
    amount: Decimal  # tax excluded
    tax: Decimal
    period_start: date
    period_end: date
    in_window_amount: Decimal | None  # from the usage log; replaces day proration


@dataclass(frozen=True, slots=True)
class Application:
    id: str
    policy: str | None
    claimed_at: datetime
    applicant: Applicant
    direction: int | None
    score: Decimal | None
    contracts: tuple[Contract, ...]
    lines: tuple[Line, ...]
    # The voucher quota granted on the platform (Chengdu 第十二条), when known.
    quota_granted: Decimal | None = None

    @property
    def claim_day(self) -> date:
        """The Beijing date of the claim (reading 15): 16:30Z is 00:30 the next day."""
        return self.claimed_at.astimezone(CHINA).date()


def _fail(where: str, message: str) -> BadInput:
    return BadInput(f"{where}: {message}")


def _object(value: Any, where: str, allowed: frozenset[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where or "input", f"must be an object, got {type(value).__name__}")
    if not allowed.issuperset(value):
        unknown = sorted(set(value) - allowed)
        raise _fail(f"{where}.{unknown[0]}" if where else unknown[0], "unknown field")
    return value


def _required(obj: dict[str, Any], key: str, where: str) -> Any:
    if key not in obj or obj[key] is None:
        raise _fail(f"{where}{key}", "missing")
    return obj[key]


def _text(obj: dict[str, Any], key: str, where: str) -> str:
    value = _required(obj, key, where)
    if not isinstance(value, str) or not value.strip():
        raise _fail(f"{where}{key}", "must be a non-empty string")
    return value


def _amount(obj: dict[str, Any], key: str, where: str, default: Decimal | None = None) -> Decimal:
    if obj.get(key) is None:
        if default is not None:
            return default
        raise _fail(f"{where}{key}", "missing")
    value = obj[key]
    if type(value) is str and _PLAIN_AMOUNT.match(value):
        return Decimal(value)  # the common, well-formed case: skip the general parser
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _fail(
            f"{where}{key}",
            f"amount given as a JSON number ({value!r}); write it as a string, e.g. \"{value}\"",
        )
    try:
        number = D(value)
    except MoneyError as err:
        raise _fail(f"{where}{key}", str(err)) from None
    if number < 0:
        raise _fail(f"{where}{key}", f"must not be negative ({value})")
    if number.as_tuple().exponent < -2:  # type: ignore[operator]
        raise _fail(f"{where}{key}", f"{value!r} has digits below the fen (分)")
    if number >= _TOO_LARGE:
        raise _fail(f"{where}{key}", f"{value!r} is implausibly large")
    return number


def _date(obj: dict[str, Any], key: str, where: str) -> date:
    value = _required(obj, key, where)
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _fail(f"{where}{key}", f"{value!r} is not a date (YYYY-MM-DD)")


def _bool(obj: dict[str, Any], key: str, where: str, default: bool | None = None) -> bool:
    value = obj.get(key)
    if value is None:
        if default is not None:
            return default
        raise _fail(f"{where}{key}", "missing")
    if not isinstance(value, bool):
        raise _fail(f"{where}{key}", "must be true or false")
    return value


def _choice(obj: dict[str, Any], key: str, where: str, allowed: frozenset[str]) -> str:
    value = _required(obj, key, where)
    if not isinstance(value, str) or value not in allowed:
        raise _fail(f"{where}{key}", f"{value!r} is not one of {', '.join(sorted(allowed))}")
    return str(value)


def parse_application(data: Any, where: str = "") -> Application:
    """Validate one application object; ``where`` prefixes field paths (e.g. "[3]")."""
    top = _object(data, where, APPLICATION_FIELDS)
    p = f"{where}." if where else ""
    app_id = _text(top, "id", p)
    policy = top.get("policy")
    if policy is not None and (not isinstance(policy, str) or not policy):
        raise _fail(f"{p}policy", "must be a policy id string")
    claimed_raw = _required(top, "claimed_at", p)
    try:
        if not isinstance(claimed_raw, str):
            raise ValueError
        claimed_at = datetime.fromisoformat(claimed_raw)
        if claimed_at.tzinfo is None:
            # Claims are made in China; a naive time is Beijing time, so that claims with and
            # without an offset can still be put in order.
            claimed_at = claimed_at.replace(tzinfo=CHINA)
    except ValueError:
        raise _fail(f"{p}claimed_at", f"{claimed_raw!r} is not an ISO 8601 date-time") from None

    applicant = _fast_applicant(top.get("applicant")) or _applicant(top, p)

    direction = top.get("direction")
    if direction is not None:
        if isinstance(direction, str) and direction.isdigit():
            direction = int(direction)
        if not isinstance(direction, int) or isinstance(direction, bool) or direction < 1:
            raise _fail(f"{p}direction", "must be a positive whole number (1–4) or null")

    score_raw = top.get("score")
    score: Decimal | None = None
    if score_raw is not None:
        try:
            if isinstance(score_raw, bool) or not isinstance(score_raw, (int, float, str)):
                raise InvalidOperation
            # A score is not money: a JSON number is fine, read through its shortest repr.
            score = Decimal(str(score_raw))
            if not score.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise _fail(f"{p}score", f"{score_raw!r} is not a number") from None

    contracts_raw = _required(top, "contracts", p)
    if not isinstance(contracts_raw, list) or not contracts_raw:
        raise _fail(f"{p}contracts", "must be a non-empty list")
    contracts: list[Contract] = []
    for i, raw in enumerate(contracts_raw):
        contract = _fast_contract(raw) or _contract(raw, f"{p}contracts[{i}]")
        if any(other.id == contract.id for other in contracts):
            raise _fail(f"{p}contracts[{i}].id", f"duplicate contract id {contract.id!r}")
        contracts.append(contract)
    ids = {c.id for c in contracts}

    lines_raw = _required(top, "lines", p)
    if not isinstance(lines_raw, list):
        raise _fail(f"{p}lines", "must be a list")
    lines = [
        _fast_line(raw, ids) or _line(raw, f"{p}lines[{i}]", ids)
        for i, raw in enumerate(lines_raw)
    ]
    quota = _amount(top, "quota_granted", p) if top.get("quota_granted") is not None else None
    return Application(
        id=app_id,
        policy=policy,
        claimed_at=claimed_at,
        applicant=applicant,
        direction=direction,
        score=score,
        contracts=tuple(contracts),
        lines=tuple(lines),
        quota_granted=quota,
    )


def _plain_amount(value: Any) -> Decimal | None:
    if type(value) is str and _PLAIN_AMOUNT.match(value):
        return Decimal(value)
    return None


def _plain_date(value: Any) -> date | None:
    if type(value) is str and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _fast_line(raw: Any, ids: set[str]) -> Line | None:
    """The well-formed line, read with a few direct checks (most input is well formed).

    Strictly narrower than ``_line``: anything unusual returns None and ``_line`` re-reads the
    line and names what is wrong, so both paths accept and refuse exactly the same input.
    """
    if type(raw) is not dict or not LINE_FIELDS.issuperset(raw):
        return None
    get = raw.get
    contract, service, domestic = get("contract"), get("service"), get("domestic")
    compute_class = get("compute_class")
    if (
        type(contract) is not str
        or type(service) is not str
        or (compute_class is not None and type(compute_class) is not str)
        or contract not in ids
        or service not in SERVICES
        or type(domestic) is not bool
        or (compute_class is None and service == "compute")
        or (compute_class is not None and compute_class not in COMPUTE_CLASSES)
    ):
        return None
    amount = _plain_amount(get("amount"))
    tax_raw = get("tax")
    tax = ZERO if tax_raw is None else _plain_amount(tax_raw)
    start = _plain_date(get("period_start"))
    end = _plain_date(get("period_end"))
    in_window_raw = get("in_window_amount")
    in_window = None if in_window_raw is None else _plain_amount(in_window_raw)
    if (
        amount is None
        or tax is None
        or start is None
        or end is None
        or end < start
        or (in_window_raw is not None and (in_window is None or in_window > amount))
    ):
        return None
    return Line(contract, service, compute_class, domestic, amount, tax, start, end, in_window)


def _line(raw: Any, lp: str, ids: set[str]) -> Line:
    """Read one line carefully, naming the first field that is wrong."""
    item = _object(raw, lp, LINE_FIELDS)
    q = f"{lp}."
    contract_id = _text(item, "contract", q)
    if contract_id not in ids:
        raise _fail(f"{q}contract", f"{contract_id!r} is not one of the contracts")
    service = _choice(item, "service", q, SERVICES)
    compute_class = item.get("compute_class")
    if compute_class is None:
        if service == "compute":
            raise _fail(f"{q}compute_class", "missing (required for a compute line)")
    elif not isinstance(compute_class, str) or compute_class not in COMPUTE_CLASSES:
        raise _fail(
            f"{q}compute_class",
            f"{compute_class!r} is not one of {', '.join(sorted(COMPUTE_CLASSES))}",
        )
    amount = _amount(item, "amount", q)
    start = _date(item, "period_start", q)
    end = _date(item, "period_end", q)
    if end < start:
        raise _fail(
            f"{q}period_end", f"{end.isoformat()} is before period_start {start.isoformat()}"
        )
    in_window = None
    if item.get("in_window_amount") is not None:
        in_window = _amount(item, "in_window_amount", q)
        if in_window > amount:
            raise _fail(f"{q}in_window_amount", "exceeds the line's amount")
    return Line(
        contract=contract_id,
        service=service,
        compute_class=compute_class,
        domestic=_bool(item, "domestic", q),
        amount=amount,
        tax=_amount(item, "tax", q, default=ZERO),
        period_start=start,
        period_end=end,
        in_window_amount=in_window,
    )


def _applicant(top: dict[str, Any], p: str) -> Applicant:
    a = _object(_required(top, "applicant", p), f"{p}applicant", APPLICANT_FIELDS)
    ap = f"{p}applicant."
    return Applicant(
        name=_text(a, "name", ap),
        uscc=_text(a, "uscc", ap),
        kind=_choice(a, "kind", ap, APPLICANT_KINDS),
        sme=_bool(a, "sme", ap, default=False),
        received_this_year=_amount(a, "received_this_year", ap, default=ZERO),
        purchased_this_year=_amount(a, "purchased_this_year", ap, default=ZERO),
    )


def _fast_applicant(raw: Any) -> Applicant | None:
    """The well-formed applicant (see ``_fast_line``); None sends it to ``_applicant``."""
    if type(raw) is not dict or not APPLICANT_FIELDS.issuperset(raw) or "purchased_this_year" in raw:
        return None
    get = raw.get
    name, uscc, kind, sme = get("name"), get("uscc"), get("kind"), get("sme", False)
    received_raw = get("received_this_year")
    received = ZERO if received_raw is None else _plain_amount(received_raw)
    if (
        type(name) is not str
        or not name.strip()
        or type(uscc) is not str
        or not uscc.strip()
        or type(kind) is not str
        or kind not in APPLICANT_KINDS
        or type(sme) is not bool
        or received is None
    ):
        return None
    return Applicant(name, uscc, kind, sme, received)


def _contract(raw: Any, cp: str) -> Contract:
    c = _object(raw, cp, CONTRACT_FIELDS)
    return Contract(
        id=_text(c, "id", f"{cp}."),
        total=_amount(c, "total", f"{cp}."),
        signed_on=_date(c, "signed_on", f"{cp}."),
        other_fiscal_support=_amount(c, "other_fiscal_support", f"{cp}.", default=ZERO),
        compute_total=(_amount(c, "compute_total", f"{cp}.")
                       if c.get("compute_total") is not None else None),
    )


def _fast_contract(raw: Any) -> Contract | None:
    """The well-formed contract (see ``_fast_line``); None sends it to ``_contract``."""
    if type(raw) is not dict or not CONTRACT_FIELDS.issuperset(raw) or "compute_total" in raw:
        return None
    get = raw.get
    contract_id = get("id")
    total = _plain_amount(get("total"))
    signed_on = _plain_date(get("signed_on"))
    other_raw = get("other_fiscal_support")
    other = ZERO if other_raw is None else _plain_amount(other_raw)
    if (
        type(contract_id) is not str
        or not contract_id.strip()
        or total is None
        or signed_on is None
        or other is None
    ):
        return None
    return Contract(contract_id, total, signed_on, other)
