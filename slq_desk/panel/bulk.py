"""Bulk work on a whole panel without the cyclic garbage collector's pauses.

Aggregating 2,000 applications × 7 experts builds some hundred thousand small objects (score
records, Decimals, statistics, rows), none of them in a reference cycle. Each few hundred new
objects the collector runs, and every so often it walks every object the process holds — in
the desk that is the window, its models and thousands of queue rows — so a third of the
panel's time went to collections that freed nothing (bench/scale.py). The panel's bulk steps
run with the collector paused; what they leave behind is ordinary reference-counted memory,
and the collector runs again, as before, once the step is over.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def gc_paused(fn: Callable[P, R]) -> Callable[P, R]:
    """Run ``fn`` with the cyclic collector paused (re-enabled after only if it was on, so
    nesting and a caller that turned it off themselves are both left as they were)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        was_on = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()

    return wrapper
