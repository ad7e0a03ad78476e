"""Text wrapping for the generated documents: widths respected, 禁则 for closing punctuation."""

from __future__ import annotations

from slq_desk.demo.layout import width, wrap


def test_wrap_respects_the_width_and_keeps_every_character() -> None:
    text = "甲乙双方本着平等自愿、诚实信用的原则，经友好协商，就乙方向甲方提供智能算力租赁服务事宜签订本合同。" * 3
    lines = wrap(text, 200, 10.5)
    assert "".join(lines) == text
    assert len(lines) > 3
    for line in lines:
        # A line may only exceed the width by one hanging punctuation mark.
        assert width(line, 10.5) <= 200 or (line[-1] in "，。、" and width(line[:-1], 10.5) <= 200)


def test_closing_punctuation_never_starts_a_line() -> None:
    for size in (9.0, 10.5, 11.0):
        for max_width in range(60, 300, 7):
            for line in wrap("本报告仅供申报算力券使用，报告生成后信息如有变化，以信用中国网站实时查询结果为准。", max_width, size)[1:]:
                assert line[0] not in "，。、；：？！）》", (max_width, size, line)


def test_explicit_newlines_start_new_lines() -> None:
    assert wrap("第一行\n第二行", 500, 10) == ["第一行", "第二行"]
