"""Calculation tab: the subsidy with steps and articles, five policies side by side, read-aloud text."""

from __future__ import annotations

from decimal import Decimal


def test_calculation_shows_steps_articles_and_five_policies(review_window):
    win = review_window
    assert win.open_application("hunan-clean-1")
    tab = win.calculation_tab
    assert tab.headline.text() == "测算补贴 ¥172,922.04"
    assert tab.steps.rowCount() >= 3
    articles = {tab.steps.item(r, 2).text() for r in range(tab.steps.rowCount())}
    assert all(articles) and "三（二）" in articles
    assert "三（二）" in tab.articles.toPlainText()
    policies = [tab.compare.item(r, 0).text() for r in range(tab.compare.rowCount())]
    assert len(policies) == 5 and sum("本申报" in p for p in policies) == 1
    own = next(r for r in range(5) if "本申报" in tab.compare.item(r, 0).text())
    assert tab.compare.item(own, 3).text() == "¥172,922.04"
    text = tab.explanation.toPlainText()
    assert "湖南" in text and "172,922.04 元" in text and "三（二）" in text


def test_ineligible_application_says_why(review_window):
    win = review_window
    assert win.open_application("wuhan-flawed-1")
    data = win.calculation_tab.data
    assert data.subsidy == Decimal("56000.00")
    assert data.compare and all(isinstance(o.subsidy, Decimal) for o in data.compare)


def test_each_step_shows_its_article_with_the_policy_words(review_window):
    win = review_window
    assert win.open_application("hunan-clean-1")
    tab = win.calculation_tab
    quotes = [tab.steps.item(r, 3).text() for r in range(tab.steps.rowCount())]
    assert any("“" in q for q in quotes)
    # Amounts as people read them.
    amounts = [tab.steps.item(r, 1).text() for r in range(tab.steps.rowCount())]
    assert all(a == "" or a.startswith("¥") for a in amounts) and any("," in a for a in amounts)
    # The selected step's articles with their quoted words, in full, beside the table.
    row = next(r for r in range(tab.steps.rowCount()) if tab.data.steps[r].quotes)
    tab.steps.setCurrentCell(row, 0)
    step = tab.data.steps[row]
    assert step.article in tab.quote.text() and step.quotes[0] in tab.quote.text()
    # The list of articles quotes the policy, not bare numbers.
    assert "三（二）：“" in tab.articles.toPlainText()


def test_blocking_findings_are_shown_beside_the_amount(review_window):
    win = review_window
    assert win.open_application("wuhan-flawed-1")
    tab = win.calculation_tab
    data = tab.data
    assert data.blocking, "the flawed application has blocking findings"
    n = len(data.blocking)
    assert tab.headline.text() == f"测算补贴 ¥56,000.00 — 存在 {n} 项阻断问题，解决前不予补贴"
    assert "缺少必备材料" in tab.blocking.text() and "material_missing" not in tab.blocking.text()
    assert f"存在 {n} 项阻断问题" in tab.explanation.toPlainText()


def test_english_mode_names_steps_and_findings_in_english(review_window, qapp):
    from slq_desk.ui import i18n

    win = review_window
    try:
        assert i18n.install(qapp, "en")
        assert win.open_application("wuhan-flawed-1")
        tab = win.calculation_tab
        tab.set_data(tab.data)  # rebuilt in the language now installed
        steps = [tab.steps.item(r, 0).text() for r in range(tab.steps.rowCount())]
        assert "computed subsidy" in steps and not any("测算补贴金额" in s for s in steps)
        assert tab.headline.text().startswith("Subsidy ¥56,000.00 — ")
        assert "required material missing" in tab.blocking.text()
        text = tab.explanation.toPlainText()
        assert "The computed subsidy is ¥56,000.00." in text and "blocking findings" in text
    finally:
        i18n.install(qapp, "zh_CN")
