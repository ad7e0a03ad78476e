"""Light or dark look, following the system's colour scheme.

``install_theme(app)`` is called once from ``app.create_application``. The mode comes from the
environment variable ``SLQ_DESK_THEME`` (``dark``, ``light`` or ``system``, the default): with
``system`` the scheme of the desktop is read from ``QStyleHints.colorScheme()`` (Qt ≥ 6.5) at
start and again whenever ``colorSchemeChanged`` fires. Dark means the Fusion style with a dark
palette; light means the style the application started with and its standard palette.

Widgets with fixed colours (severity reds, tinted table rows, hint text) ask ``is_dark()`` or use
``muted_css()`` so that their colours stay readable on both.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

ENV = "SLQ_DESK_THEME"
MODES = ("system", "dark", "light")

_state: dict[str, object] = {"style": None, "connected": False, "mode": "system"}


def requested_mode() -> str:
    """``dark``, ``light`` or ``system`` from SLQ_DESK_THEME (anything else counts as system)."""
    mode = os.environ.get(ENV, "system").strip().lower()
    return mode if mode in MODES else "system"


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is None:  # Qt < 6.5: no way to ask; assume light
        return False
    return bool(scheme() == Qt.ColorScheme.Dark)


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, alt, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(53, 53, 57), QColor(230, 230, 230)
    disabled = QColor(127, 127, 127)
    highlight = QColor(42, 130, 218)
    for role, color in (
            (QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
            (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, alt),
            (QPalette.ColorRole.ToolTipBase, QColor(60, 60, 64)), (QPalette.ColorRole.ToolTipText, text),
            (QPalette.ColorRole.PlaceholderText, QColor(150, 150, 150)),
            (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, window),
            (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.BrightText, QColor(255, 90, 90)),
            (QPalette.ColorRole.Light, QColor(75, 75, 80)), (QPalette.ColorRole.Midlight, QColor(62, 62, 66)),
            (QPalette.ColorRole.Mid, QColor(40, 40, 42)), (QPalette.ColorRole.Dark, QColor(25, 25, 26)),
            (QPalette.ColorRole.Shadow, QColor(0, 0, 0)),
            (QPalette.ColorRole.Link, QColor(100, 170, 255)), (QPalette.ColorRole.LinkVisited, QColor(180, 140, 255)),
            (QPalette.ColorRole.Highlight, highlight), (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))):
        p.setColor(role, color)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(80, 80, 80))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.HighlightedText, disabled)
    return p


def apply_theme(app: QApplication, dark: bool) -> None:
    """Fusion + dark palette, or the original style with its standard palette."""
    if _state["style"] is None:
        _state["style"] = app.style().name()
    if dark:
        style = QStyleFactory.create("Fusion")
        app.setStyle(style)
        app.setPalette(dark_palette())
    else:
        original = str(_state["style"] or "")
        if app.style().name().lower() != original.lower():
            style = QStyleFactory.create(original) or QStyleFactory.create("Fusion")
            app.setStyle(style)
        app.setPalette(app.style().standardPalette())
    app.setProperty("slqDarkTheme", dark)


def _scheme_changed(*_args: object) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication) and _state["mode"] == "system":
        apply_theme(app, system_is_dark())


def install_theme(app: object) -> bool:
    """Apply the theme SLQ_DESK_THEME asks for; returns True when dark. Follows the system."""
    assert isinstance(app, QApplication)
    mode = requested_mode()
    _state["mode"] = mode
    dark = mode == "dark" or (mode == "system" and system_is_dark())
    apply_theme(app, dark)
    hints = QGuiApplication.styleHints()
    if mode == "system" and not _state["connected"] and hasattr(hints, "colorSchemeChanged"):
        hints.colorSchemeChanged.connect(_scheme_changed)
        _state["connected"] = True
    return dark


def is_dark() -> bool:
    """Whether the application's palette is dark now (whoever set it)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def muted_css() -> str:
    """Style sheet colour for secondary text (descriptions, status lines)."""
    return "color: #a3a9b3;" if is_dark() else "color: #4b5563;"


def error_color() -> str:
    return "#f87171" if is_dark() else "#b91c1c"


def ok_color() -> str:
    return "#4ade80" if is_dark() else "#15803d"


def severity_color(light: QColor) -> QColor:
    """A fixed foreground colour, lightened on dark backgrounds so it stays readable."""
    return QColor(light).lighter(170) if is_dark() else QColor(light)


def error_css() -> str:
    return f"color: {error_color()};"


# Tinted message boxes and table rows, per kind: (background, text, border) in light and dark.
# The light tints are the ones the widgets always had; the dark ones keep the same meaning on
# a dark palette (a pale pink box with dark text would glare in a dark window).
MESSAGE_KINDS = ("ok", "bad", "info")
_TINTS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "ok": (("#e6f4ea", "#0b5b23", "#9bd3ae"), ("#1f3a29", "#a7f3c0", "#2f6b46")),
    "bad": (("#fdecea", "#8a1c12", "#f1aaa2"), ("#442222", "#fecaca", "#7f2d2d")),
    "info": (("#fff8e1", "#5d4200", "#f0d48a"), ("#3b3318", "#fde68a", "#6b5a22")),
}
_ROW_TINTS = {"bad": ("#fde2e1", "#4a2323"), "ok": ("#e6f4ea", "#1f3a29"),
              "info": ("#fff4d6", "#3b3318")}


def message_css(kind: str) -> str:
    """Style sheet of a message label of ``kind`` (ok, bad, info) in the current theme."""
    background, text, border = _TINTS[kind][1 if is_dark() else 0]
    return (f"QLabel {{ background: {background}; color: {text}; border: 1px solid {border}; "
            "padding: 6px; }")


def row_tint_light(kind: str) -> QColor:
    """Light-theme background of a tinted table row (bad: alert, ok: selected, info: reserve or
    changed); ``themed_tint`` gives the colour to paint now."""
    return QColor(_ROW_TINTS[kind][0])


def tint_text() -> QColor:
    """Text on a tinted row: dark on the light tints, light on the dark ones."""
    return QColor(235, 235, 235) if is_dark() else QColor(20, 20, 20)


def muted_qcolor() -> QColor:
    """Secondary text (rows that no longer count) as a QColor, readable in both themes."""
    return QColor("#9ca3af") if is_dark() else QColor("#777777")


def notice_css() -> str:
    """An inline notice (the rubric's warning above the scoring form)."""
    background, text = ("#3b3318", "#fde68a") if is_dark() else ("#fef3c7", "#92400e")
    return f"color: {text}; background: {background}; padding: 4px; border-radius: 3px;"


def themed_tint(light: QColor) -> QColor:
    """A light row tint as it should show now: itself in a light window, its dark counterpart
    in a dark one (a tint we do not know is darkened)."""
    if not is_dark():
        return QColor(light)
    name = QColor(light).name().lower()
    for light_name, dark_name in _ROW_TINTS.values():
        if light_name == name:
            return QColor(dark_name)
    return QColor(light).darker(400)
