"""The export pre-warm leaves the font registered and the stamp's subset cached, writing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from slq_desk.fonts import CJK_FONT_NAME
from slq_desk.opinion import sign
from slq_desk.opinion.prewarm import prewarm


def test_prewarm_registers_the_font_and_caches_the_stamp(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase import pdfmetrics

    monkeypatch.chdir(tmp_path)
    sign.stamp_font_bytes.cache_clear()
    name = "评审专家张三某研究院"
    assert prewarm(name) > 0
    assert pdfmetrics.getFont(CJK_FONT_NAME) is not None
    before = sign.stamp_font_bytes.cache_info()
    sign.cjk_stamp_style(name)  # what the first signature by this person asks for
    after = sign.stamp_font_bytes.cache_info()
    assert after.hits == before.hits + 1 and after.misses == before.misses
    assert list(tmp_path.iterdir()) == []
