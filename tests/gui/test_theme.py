"""Light or dark following the system; SLQ_DESK_THEME=dark|light|system overrides."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette

from slq_desk.ui import theme


@pytest.fixture()
def restore_light(qapp):
    yield
    theme.apply_theme(qapp, False)


def _window_and_text(widget_or_app) -> tuple[int, int]:
    pal = widget_or_app.palette()
    return (pal.color(QPalette.ColorRole.Window).lightness(),
            pal.color(QPalette.ColorRole.WindowText).lightness())


def test_env_dark_applies_a_dark_fusion_palette(qapp, monkeypatch, restore_light):
    monkeypatch.setenv(theme.ENV, "dark")
    assert theme.install_theme(qapp) is True
    window, text = _window_and_text(qapp)
    assert window < 80 and text > 200
    assert qapp.palette().color(QPalette.ColorRole.Base).lightness() < 80
    assert qapp.palette().color(QPalette.ColorRole.Text).lightness() > 200
    assert qapp.style().name().lower() == "fusion"
    assert theme.is_dark()


def test_env_light_and_unknown_system_scheme_are_light(qapp, monkeypatch, restore_light):
    monkeypatch.setenv(theme.ENV, "dark")
    theme.install_theme(qapp)
    monkeypatch.setenv(theme.ENV, "light")
    assert theme.install_theme(qapp) is False
    window, text = _window_and_text(qapp)
    assert window > 180 and text < 80
    assert not theme.is_dark()
    monkeypatch.setenv(theme.ENV, "nonsense")
    assert theme.requested_mode() == "system"


def test_system_mode_follows_the_scheme_and_its_changes(qapp, monkeypatch, restore_light):
    monkeypatch.setenv(theme.ENV, "system")
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    assert theme.install_theme(qapp) is False
    assert not theme.is_dark()
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    theme._scheme_changed()  # what colorSchemeChanged calls
    assert theme.is_dark()
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    theme._scheme_changed()
    assert not theme.is_dark()


def test_application_setup_installs_the_theme(qapp, monkeypatch, restore_light):
    from slq_desk.ui.app import create_application

    monkeypatch.setenv(theme.ENV, "dark")
    assert create_application(language="zh_CN") is qapp
    assert theme.is_dark()


def test_main_window_is_dark_and_fixed_colours_stay_readable(qapp, monkeypatch, restore_light,
                                                             review_window):
    from slq_desk.ui.review_tabs.checklist_tab import SEVERITY_COLORS

    monkeypatch.setenv(theme.ENV, "dark")
    theme.install_theme(qapp)
    qapp.processEvents()  # the palette reaches existing widgets through posted change events
    win = review_window
    assert win.open_application("hunan-clean-1")
    window, text = _window_and_text(win)
    assert window < 80 and text > 200
    base = win.palette().color(QPalette.ColorRole.Base)
    block = theme.severity_color(SEVERITY_COLORS["block"])
    assert block.lightness() - base.lightness() > 80  # red findings readable on the dark base
    assert "#a3a9b3" in theme.muted_css()
