"""The main window reaches signing, verification, identity and the panel view by menu and key."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from tests.gui.helpers import WAIT_MS


def _texts(menu: object) -> list[str]:
    return [a.text() for a in menu.actions()]  # type: ignore[attr-defined]


def test_menus_hold_the_signing_and_panel_entries(review_window):
    win = review_window
    assert "签署并导出评审意见…" in _texts(win.menus["review"])
    assert {"验证签名文件…", "签名身份…"} <= set(_texts(win.menus["tools"]))
    assert "评审组汇总…" in _texts(win.menus["panel"])
    assert win.signing.sign_action.shortcut().toString() == "Ctrl+Shift+E"


def test_sign_without_an_open_application_only_says_so(review_window):
    win = review_window
    win.application_id = None
    win.signing.sign_action.trigger()
    assert "选择一份申报" in win.statusBar().currentMessage()
    assert not [w for w in win.findChildren(QDialog) if w.isVisible()]


def test_sign_opens_the_dialog_for_the_current_application(review_window, qtbot):
    win = review_window
    assert win.open_application("hunan-clean-1")
    win.signing.sign_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(QDialog)), timeout=WAIT_MS)
    dialog = next(d for d in win.findChildren(QDialog) if d.isVisible())
    assert dialog.application_id == "hunan-clean-1"
    dialog.reject()


def test_verify_window_and_panel_view_are_single_windows(review_window, qtbot):
    win = review_window
    win.signing.verify_action.trigger()
    first = win.signing._verify
    assert first is not None and first.isVisible()
    win.signing.verify_action.trigger()
    assert win.signing._verify is first
    win.signing.panel_action.trigger()
    panel = win.signing._panel
    assert panel is not None and panel.isVisible()
    win.signing.panel_action.trigger()
    assert win.signing._panel is panel
    win.signing.shutdown()
    assert not first.isVisible() and not panel.isVisible()
