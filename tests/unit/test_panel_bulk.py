"""The panel's bulk steps pause the cyclic garbage collector and leave it as they found it."""

from __future__ import annotations

import gc

import pytest

from slq_desk.panel.bulk import gc_paused


@gc_paused
def _inside(fail: bool = False) -> bool:
    if fail:
        raise ValueError("boom")
    return gc.isenabled()


def test_paused_inside_and_on_again_after_even_when_it_raises() -> None:
    assert gc.isenabled()
    assert _inside() is False
    assert gc.isenabled()
    with pytest.raises(ValueError):
        _inside(fail=True)
    assert gc.isenabled()


def test_a_caller_that_turned_it_off_keeps_it_off() -> None:
    gc.disable()
    try:
        assert _inside() is False
        assert not gc.isenabled()
    finally:
        gc.enable()
