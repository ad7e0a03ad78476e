"""Fuzz manifest.json: arbitrary JSON, wrong types, odd digits and mutated bytes.

The manifest is the applicant's word, read defensively: ``parse_manifest`` must return a
``Manifest`` for any bytes at all, turning what it cannot use into a problem (a warning in the
import), never raising.

Fuzzing found one bug here (a ``direction`` of Unicode digits such as "²", or a 5000-digit
string, made ``int()`` raise and the whole import fail); it is fixed and kept as a plain test.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from slq_desk.ingest.manifest import Manifest, parse_manifest
from tests.fuzz.harness import fuzz_settings, mutate, mutations

pytestmark = pytest.mark.slow

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) |
    st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                               max_size=4),
    max_leaves=12)
# Strings a form or a careless platform might put where a number or an id belongs.
odd_strings = st.one_of(
    st.text(alphabet="0123456789 ٣३²¹⁰①一二十零", max_size=12),
    st.sampled_from(["", " ", "7", "07", "2026-01-01", "2026-02-30T25:00", "2026-01-01T00:00+08:00",
                     "wuhan-2026", "WUHAN-2026", "../wuhan-2026", "9" * 5000, "1e3", "NaN"]),
    st.text(max_size=40))
fields = st.fixed_dictionaries({}, optional={
    "policy": json_values | odd_strings,
    "applicant": json_values | st.fixed_dictionaries({}, optional={
        "name": json_values | odd_strings, "uscc": json_values | odd_strings}),
    "claimed_at": json_values | odd_strings,
    "direction": json_values | odd_strings,
})
_VALID = {"policy": "wuhan-2026", "applicant": {"name": "武汉智算科技有限公司",
          "uscc": "91420100MA4K00001X"}, "claimed_at": "2026-03-01T09:00:00", "direction": 2}
manifest_bytes = st.one_of(
    fields.map(lambda d: json.dumps(d, ensure_ascii=False).encode()),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.builds(mutate, st.just(json.dumps(_VALID, ensure_ascii=False).encode()), mutations),
    st.binary(max_size=256),
    st.just(b"\xef\xbb\xbf" + json.dumps(_VALID).encode()),  # a BOM, as Notepad writes
    st.just(b"[" * 100_000),  # recursion
    st.just(b" " * 70_000),  # over the size limit
)


@settings(fuzz_settings())
@given(data=manifest_bytes)
def test_any_manifest_parses_to_values_or_problems(data: bytes) -> None:
    m = parse_manifest(data)
    note(repr(m))
    assert isinstance(m, Manifest)
    assert all(isinstance(p, str) and p for p in m.problems)
    assert m.policy is None or (isinstance(m.policy, str) and ".." not in m.policy
                                and "/" not in m.policy)
    assert m.applicant_name is None or len(m.applicant_name) <= 200
    assert m.applicant_uscc is None or len(m.applicant_uscc) <= 32
    assert m.direction is None or isinstance(m.direction, int)
    assert m.claimed_at is None or m.claimed_at.tzinfo is not None


@pytest.mark.parametrize("direction", ["²", "9" * 5000, "99", "0"])
def test_direction_of_odd_digits_is_a_problem_not_a_crash(direction: str) -> None:
    m = parse_manifest(json.dumps({"policy": "wuhan-2026", "direction": direction}).encode())
    assert m.direction is None and m.problems
