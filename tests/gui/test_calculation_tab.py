"""Calculation tab: the subsidy with steps and articles, five policies side by side, read-aloud text."""

from __future__ import annotations

from decimal import Decimal


def test_calculation_shows_steps_articles_and_five_policies(review_window):
    win = review_window
    assert win.open_application("hunan-clean-1")
    tab = win.calculation_tab
    assert "172922.04" in tab.headline.text()
    assert tab.steps.rowCount() >= 3
    articles = {tab.steps.item(r, 2).text() for r in range(tab.steps.rowCount())}
    assert all(articles) and "三（二）" in articles
    assert "三（二）" in tab.articles.text()
    policies = [tab.compare.item(r, 0).text() for r in range(tab.compare.rowCount())]
    assert len(policies) == 5 and sum("本申报" in p for p in policies) == 1
    own = next(r for r in range(5) if "本申报" in tab.compare.item(r, 0).text())
    assert tab.compare.item(own, 3).text() == "172922.04"
    text = tab.explanation.toPlainText()
    assert "湖南" in text and "172922.04 元" in text and "三（二）" in text


def test_ineligible_application_says_why(review_window):
    win = review_window
    assert win.open_application("wuhan-flawed-1")
    data = win.calculation_tab.data
    assert data.subsidy == Decimal("56000.00")
    assert data.compare and all(isinstance(o.subsidy, Decimal) for o in data.compare)
