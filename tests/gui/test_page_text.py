"""Search, hit boxes, selection text on the pure page-text model."""

from __future__ import annotations

from slq_desk.ui.viewer.page_text import PageText, from_rawdict


def _page(*lines: str) -> PageText:
    chars = []
    for n, line in enumerate(lines):
        for i, c in enumerate(line):
            chars.append((c, (10.0 + 10 * i, 20.0 * n, 20.0 + 10 * i, 20.0 * n + 12), n))
    return PageText.from_chars(chars)


def test_search_is_case_insensitive_for_latin_and_fullwidth() -> None:
    page = _page("Compute HOURS 算力租赁", "ＣＯＭＰＵＴＥ again compute")
    assert len(page.search("compute")) == 3
    assert len(page.search("ＣＯＭＰＵＴＥ")) == 3
    assert page.search("hours") == [(90.0, 0.0, 140.0, 12.0)]


def test_search_chinese_ignores_spaces_and_boxes_the_hit() -> None:
    page = _page("甲方 算力 租赁 服务", "算力租赁")
    hits = page.search("算力租赁")
    assert len(hits) == 2
    assert hits[0] == (40.0, 0.0, 90.0, 12.0)  # from 算 (index 3) to 赁 (index 8)
    assert hits[1] == (10.0, 20.0, 50.0, 32.0)
    assert page.search("   ") == []
    assert page.search("不存在") == []


def test_selection_text_and_boxes() -> None:
    page = _page("第一行文字", "第二行")
    assert page.text_between(2, 6) == "行文字\n第二"
    assert page.text_between(6, 2) == "行文字\n第二"
    assert page.boxes_between(2, 6) == [(30.0, 0.0, 60.0, 12.0), (10.0, 20.0, 30.0, 32.0)]
    assert page.index_at(33.0, 25.0) == 7  # 行 on the second line
    assert PageText().index_at(0, 0) is None


def test_from_rawdict_numbers_lines() -> None:
    raw = {"blocks": [{"lines": [
        {"spans": [{"chars": [{"c": "A", "bbox": (0, 0, 5, 10)}, {"c": "b", "bbox": (5, 0, 10, 10)}]}]},
        {"spans": [{"chars": [{"c": "甲", "bbox": (0, 12, 10, 22)}]}]},
    ]}, {"type": 1}]}
    page = from_rawdict(raw)
    assert (page.text, list(page.lines)) == ("Ab甲", [0, 0, 1])
    assert page.box(2) == (0.0, 12.0, 10.0, 22.0)
    assert page.search("AB") == [(0.0, 0.0, 10.0, 10.0)]
