"""Reading and validating policy files (``resources/policies/<id>.toml``).

tomllib turns ``0.3`` into a float, and a float amount is how one fen goes missing, so the loader
refuses any float anywhere in the file: amounts and rates are strings. It also refuses a value
without a citation (article + quoted phrase), overlapping date ranges, unknown keys (a typo must
not silently drop a rule) and a parameter that leaves a gap while the policy is in force. Every
message names the file and the key.
"""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from slq_desk.errors import BadInput
from slq_desk.kinds import DOCUMENT_KINDS as KIND_LABELS
from slq_desk.money import ROUNDING_MODES, D, MoneyError
from slq_desk.policy import model
from slq_desk.policy.model import Citation, DatedValue, Parameter, Policy, Window
from slq_desk.resources import resource_path
from slq_desk.vocabulary import APPLICANT_KINDS

# Parameters the calculator, the allocation and the 初审 checks rely on in every policy.
REQUIRED = (
    "in_force",
    "applicant_kinds",
    "covered_services",
    "covered_compute_classes",
    "rate",
    "rate_is_ceiling",
    "base_includes_tax",
    "rounding_quantum",
    "rounding_mode",
    "rounding_stage",
    "cap",
    "cap_counts_received",
    "allocation_mode",
    "materials_apply",
    "materials_payout",
    "amount_tolerance",
    "region",
)

# A rule stated by one parameter needs these others to be applied.
COMPANIONS: dict[str, tuple[str, ...]] = {
    "sme_rate_bonus": ("sme_bonus_mode", "sme_applicant_kinds"),
    "service_window": ("proration",),
    "minimum_subsidy": ("below_minimum",),
}

# Text parameters whose value is one of a closed set (a reading switched by data).
ENUMS: dict[str, frozenset[str]] = {
    "rounding_mode": frozenset(ROUNDING_MODES),
    "rounding_stage": frozenset({"before_cap", "after_cap"}),
    "allocation_mode": frozenset({"first_come", "rank", "scaled", "none"}),
    "sme_bonus_mode": frozenset({"add_points", "multiply"}),
    "below_minimum": frozenset({"not_granted", "top_up"}),
    "proration": frozenset({"calendar_days"}),
}

SERVICES = frozenset(
    {"compute", "token", "model", "adaptation", "tech_support", "storage", "network",
     "database", "security", "other"}
)
COMPUTE_CLASSES = frozenset({"intelligent", "supercomputing", "quantum", "general"})
# Materials name document kinds of the shared vocabulary ("other" is never required).
DOCUMENT_KINDS = frozenset(KIND_LABELS) - {"other"}
FORM_TYPES = frozenset({"declaration", "filing", "subsidy", "usage_table"})
# Which list-valued parameters hold names from which closed vocabulary.
VOCABULARIES: dict[str, frozenset[str]] = {
    "applicant_kinds": APPLICANT_KINDS,
    "sme_applicant_kinds": APPLICANT_KINDS,
    "covered_services": SERVICES,
    "excluded_services": SERVICES,
    "domestic_required_services": SERVICES,
    "covered_compute_classes": COMPUTE_CLASSES,
    "excluded_compute_classes": COMPUTE_CLASSES,
}
MATERIAL_PARAMS = frozenset({"materials_apply", "materials_payout", "materials_if_sme"})

PARAM_KEYS = frozenset({"kind", "description", "values", "valid_from", "valid_to", "value", "cite"})
VALUE_KEYS = frozenset({"valid_from", "valid_to", "value", "cite"})
CITE_KEYS = frozenset({"document", "article", "quote", "reading", "note"})
POLICY_KEYS = frozenset({"id", "name", "document", "region", "source"})


class PolicyFileError(BadInput):
    """A policy file that cannot be trusted; the message names the file and the key."""


def policies_dir() -> Path:
    return resource_path("policies")


def list_policies() -> list[str]:
    """Ids of the shipped policies, sorted."""
    return sorted(p.stem for p in policies_dir().glob("*.toml"))


@lru_cache(maxsize=None)
def load_policy(policy_id: str) -> Policy:
    """The policy with this id, loaded and validated once per process."""
    path = policies_dir() / f"{policy_id}.toml"
    if not isinstance(policy_id, str) or "/" in policy_id or not path.is_file():
        known = ", ".join(list_policies())
        raise BadInput(f"unknown policy {policy_id!r}; known policies: {known}")
    return load_policy_file(path)


def load_policy_file(path: Path) -> Policy:
    path = Path(path)
    name = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise PolicyFileError(f"{name}: cannot read: {err}") from None
    except tomllib.TOMLDecodeError as err:
        raise PolicyFileError(f"{name}: not valid TOML: {err}") from None
    _refuse_floats(name, raw, "")
    return _build(name, path, raw)


def _refuse_floats(file: str, node: Any, key: str) -> None:
    if isinstance(node, float):
        raise PolicyFileError(
            f"{file}: {key}: {node!r} is a float; write amounts and rates as strings "
            f'(e.g. "{node}")'
        )
    if isinstance(node, dict):
        for k, v in node.items():
            _refuse_floats(file, v, f"{key}.{k}" if key else str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            _refuse_floats(file, v, f"{key}[{i}]")


def _unknown(file: str, key: str, table: dict[str, Any], allowed: frozenset[str]) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        raise PolicyFileError(f"{file}: {key}: unknown key(s) {', '.join(extra)}")


def _build(file: str, path: Path, raw: dict[str, Any]) -> Policy:
    _unknown(file, "(top level)", raw, frozenset({"policy", "params"}))
    head = raw.get("policy")
    if not isinstance(head, dict):
        raise PolicyFileError(f"{file}: policy: missing [policy] table")
    _unknown(file, "policy", head, POLICY_KEYS)
    for key in ("id", "name", "document", "region"):
        if not isinstance(head.get(key), str) or not head[key].strip():
            raise PolicyFileError(f"{file}: policy.{key}: missing or empty")
    if head["id"] != path.stem:
        raise PolicyFileError(f"{file}: policy.id: {head['id']!r} does not match the file name")
    params_raw = raw.get("params")
    if not isinstance(params_raw, dict) or not params_raw:
        raise PolicyFileError(f"{file}: params: no parameters")
    parameters: dict[str, Parameter] = {}
    for pname, table in params_raw.items():
        parameters[pname] = _parameter(file, head["document"], pname, table)
    for required in REQUIRED:
        if required not in parameters:
            raise PolicyFileError(f"{file}: params.{required}: required parameter missing")
    for rule, companions in COMPANIONS.items():
        for companion in companions:
            if rule in parameters and companion not in parameters:
                raise PolicyFileError(
                    f"{file}: params.{companion}: required with params.{rule}"
                )
    _check_coverage(file, parameters)
    return Policy(
        id=head["id"],
        name=head["name"],
        document=head["document"],
        region=head["region"],
        source=str(head.get("source", "")),
        path=path,
        parameters=parameters,
    )


def _parameter(file: str, document: str, pname: str, table: Any) -> Parameter:
    key = f"params.{pname}"
    if not isinstance(table, dict):
        raise PolicyFileError(f"{file}: {key}: must be a table")
    _unknown(file, key, table, PARAM_KEYS)
    kind = table.get("kind")
    if kind not in model.KINDS:
        raise PolicyFileError(f"{file}: {key}.kind: {kind!r} is not one of {sorted(model.KINDS)}")
    if "values" in table:
        if any(k in table for k in VALUE_KEYS):
            raise PolicyFileError(
                f"{file}: {key}: give either values = [...] or one value, not both"
            )
        entries = table["values"]
        if not isinstance(entries, list) or not entries:
            raise PolicyFileError(f"{file}: {key}.values: must be a non-empty list")
        listed = [(f"{key}.values[{i}]", e) for i, e in enumerate(entries)]
    else:
        listed = [(key, {k: table[k] for k in VALUE_KEYS if k in table})]
    values = [_dated(file, document, pname, kind, where, entry) for where, entry in listed]
    values.sort(key=lambda v: v.valid_from)
    for earlier, later in pairwise(values):
        if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
            raise PolicyFileError(
                f"{file}: {key}: date ranges overlap ({_span(earlier)} and {_span(later)})"
            )
    return Parameter(pname, kind, str(table.get("description", "")), tuple(values))


def _span(v: DatedValue) -> str:
    return f"{v.valid_from.isoformat()}..{v.valid_to.isoformat() if v.valid_to else ''}"


def _date(file: str, where: str, value: Any) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PolicyFileError(f"{file}: {where}: {value!r} is not a date (YYYY-MM-DD)")


def _dated(
    file: str, document: str, pname: str, kind: str, where: str, entry: Any
) -> DatedValue:
    if not isinstance(entry, dict):
        raise PolicyFileError(f"{file}: {where}: must be a table")
    _unknown(file, where, entry, VALUE_KEYS)
    if "valid_from" not in entry:
        raise PolicyFileError(f"{file}: {where}.valid_from: missing")
    valid_from = _date(file, f"{where}.valid_from", entry["valid_from"])
    valid_to = None
    if entry.get("valid_to") is not None:
        valid_to = _date(file, f"{where}.valid_to", entry["valid_to"])
        if valid_to < valid_from:
            raise PolicyFileError(f"{file}: {where}.valid_to: ends before valid_from")
    if "value" not in entry:
        raise PolicyFileError(f"{file}: {where}.value: missing")
    value = _convert(file, f"{where}.value", pname, kind, entry["value"])
    return DatedValue(valid_from, valid_to, value, _citation(file, document, where, entry))


def _citation(file: str, document: str, where: str, entry: dict[str, Any]) -> Citation:
    cite = entry.get("cite")
    if not isinstance(cite, dict):
        raise PolicyFileError(
            f"{file}: {where}.cite: missing citation (cite = {{article = …, quote = …}})"
        )
    _unknown(file, f"{where}.cite", cite, CITE_KEYS)
    for part in ("article", "quote"):
        if not isinstance(cite.get(part), str) or not cite[part].strip():
            raise PolicyFileError(f"{file}: {where}.cite.{part}: missing or empty")
    reading = cite.get("reading")
    if reading is not None and (not isinstance(reading, int) or isinstance(reading, bool)):
        raise PolicyFileError(f"{file}: {where}.cite.reading: must be an integer")
    return Citation(
        document=str(cite.get("document") or document),
        article=cite["article"],
        quote=cite["quote"],
        reading=reading,
        note=cite.get("note"),
    )


def _decimal(file: str, where: str, value: Any, *, rate: bool) -> Decimal:
    if not isinstance(value, str):
        raise PolicyFileError(
            f"{file}: {where}: {value!r} must be a string (amounts and rates are written as "
            'strings, e.g. "0.30", "50000")'
        )
    try:
        number = D(value)
    except MoneyError as err:
        raise PolicyFileError(f"{file}: {where}: {err}") from None
    if number < 0:
        raise PolicyFileError(f"{file}: {where}: must not be negative")
    if rate and number > 1:
        raise PolicyFileError(f"{file}: {where}: a rate is a fraction between 0 and 1")
    return number


def _texts(file: str, where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PolicyFileError(f"{file}: {where}: must be a list of strings")
    return tuple(value)


def _convert(file: str, where: str, pname: str, kind: str, value: Any) -> Any:
    if kind in (model.AMOUNT, model.RATE):
        return _decimal(file, where, value, rate=kind == model.RATE)
    if kind == model.BOOL:
        if not isinstance(value, bool):
            raise PolicyFileError(f"{file}: {where}: must be true or false")
        return value
    if kind == model.INT:
        if not isinstance(value, int) or isinstance(value, bool):
            raise PolicyFileError(f"{file}: {where}: must be an integer")
        return value
    if kind == model.TEXT:
        if not isinstance(value, str):
            raise PolicyFileError(f"{file}: {where}: must be a string")
        allowed = ENUMS.get(pname)
        if allowed is not None and value not in allowed:
            raise PolicyFileError(f"{file}: {where}: {value!r} is not one of {sorted(allowed)}")
        return value
    if kind == model.TEXTS:
        texts = _texts(file, where, value)
        _vocabulary(file, where, pname, texts)
        return texts
    if kind == model.DATE:
        return _date(file, where, value)
    if kind == model.WINDOW:
        if not isinstance(value, dict) or set(value) != {"from", "to"}:
            raise PolicyFileError(f"{file}: {where}: must be {{from = date, to = date}}")
        window = Window(_date(file, f"{where}.from", value["from"]),
                        _date(file, f"{where}.to", value["to"]))
        if window.end < window.start:
            raise PolicyFileError(f"{file}: {where}: window ends before it starts")
        return window
    if not isinstance(value, dict):
        raise PolicyFileError(f"{file}: {where}: must be a table")
    if kind == model.TEXTS_MAP:
        return {str(k): _texts(file, f"{where}.{k}", v) for k, v in value.items()}
    converted = {
        str(k): _decimal(file, f"{where}.{k}", v, rate=kind == model.RATE_MAP)
        for k, v in value.items()
    }
    if pname == "rate":
        for k in converted:
            if k.count("/") != 2:
                raise PolicyFileError(
                    f"{file}: {where}.{k}: rate keys are service/origin/direction, '*' for any"
                )
    return converted


def _vocabulary(file: str, where: str, pname: str, texts: tuple[str, ...]) -> None:
    vocabulary = VOCABULARIES.get(pname)
    for text in texts:
        if pname in MATERIAL_PARAMS:
            kind, _, form = text.partition(":")
            if kind not in DOCUMENT_KINDS or (form and form not in FORM_TYPES):
                raise PolicyFileError(f"{file}: {where}: unknown material {text!r}")
        elif vocabulary is not None and text not in vocabulary:
            raise PolicyFileError(
                f"{file}: {where}: {text!r} is not one of {sorted(vocabulary)}"
            )


def _check_coverage(file: str, parameters: dict[str, Parameter]) -> None:
    """Every parameter must hold a value on every day the policy is in force."""
    in_force = parameters["in_force"]
    for span in in_force.values:
        if span.value is not True:
            continue
        for name, parameter in parameters.items():
            gap = _first_gap(parameter.values, span.valid_from, span.valid_to)
            if gap is not None:
                raise PolicyFileError(
                    f"{file}: params.{name}: no value on {gap.isoformat()} although the policy "
                    "is in force then"
                )


def _first_gap(values: tuple[DatedValue, ...], start: date, end: date | None) -> date | None:
    cursor = start
    for v in values:  # sorted by valid_from, non-overlapping
        if v.valid_to is not None and v.valid_to < cursor:
            continue
        if v.valid_from > cursor:
            return cursor
        if v.valid_to is None:
            return None
        if end is not None and v.valid_to >= end:
            return None
        cursor = date.fromordinal(v.valid_to.toordinal() + 1)
    return cursor
