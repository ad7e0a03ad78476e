"""Where the main window opens and how big: a pure function of the screens, tested without Qt.

A laptop at 1366×768 (or a 2732×1536 panel at 200 %, the same 1366×768 logical pixels) must
never get a 1600×1000 window whose right dock and status bar hang off the screen. The window
reopens where it was when that place is still on one of the current screens' available areas
(the task bar excluded); otherwise — first start, a monitor unplugged, a smaller screen — it
opens at the preferred size shrunk to the screen it opens on, centred there.

Rectangles are ``(x, y, width, height)`` in logical (device-independent) pixels, as Qt's
``QRect`` gives them, so the function does not care about the device pixel ratio.
"""

from __future__ import annotations

Rect = tuple[int, int, int, int]

PREFERRED = (1600, 1000)
# Room for the window manager's title bar and borders, which the client geometry excludes
# (Qt knows the real frame only once the window is shown).
FRAME_ALLOWANCE = (16, 40)
# Smallest window worth opening; a smaller screen gets the whole available area.
MINIMUM = (800, 560)


def inside(rect: Rect, area: Rect, slack: int = 0) -> bool:
    """Whether ``rect`` lies within ``area`` (``slack`` pixels of tolerance on each side)."""
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return (w > 0 and h > 0 and x >= ax - slack and y >= ay - slack
            and x + w <= ax + aw + slack and y + h <= ay + ah + slack)


def initial_geometry(available: Rect, preferred: tuple[int, int] = PREFERRED,
                     frame: tuple[int, int] = FRAME_ALLOWANCE) -> Rect:
    """The preferred size, shrunk so the framed window fits ``available``, centred in it."""
    ax, ay, aw, ah = available
    room_w = max(1, aw - frame[0])
    room_h = max(1, ah - frame[1])
    w = min(preferred[0], room_w)
    h = min(preferred[1], room_h)
    # Not smaller than MINIMUM unless the screen itself is smaller.
    w = max(w, min(MINIMUM[0], room_w))
    h = max(h, min(MINIMUM[1], room_h))
    x = ax + (aw - w) // 2
    y = ay + max(frame[1] - frame[0] // 2, (ah - h) // 2)
    if y + h > ay + ah:
        y = ay + ah - h
    return x, y, w, h


def choose_geometry(saved: Rect | None, areas: list[Rect], opening_on: Rect,
                    preferred: tuple[int, int] = PREFERRED) -> Rect:
    """The saved geometry when it still fits one of ``areas`` (the screens' available
    rectangles), else the preferred size fitted to ``opening_on`` (the available rectangle of
    the screen the window opens on)."""
    if saved is not None and any(inside(saved, area, slack=FRAME_ALLOWANCE[0]) for area in areas):
        return saved
    return initial_geometry(opening_on, preferred)


# The two docks' first widths: the application list and the review tabs. On a wide window
# they take ~21 % and ~26 % (within floors and caps). Below COMPACT_WIDTH (a 1366×768 laptop,
# or a 2732×1536 panel at 200 %) three columns plus two PDF panes leave each pane ~290 px, too
# narrow to read a page at fit-width: there the list and the review tabs share one tabbed dock
# column and each pane keeps ~490 px.
LIST_SHARE, LIST_FLOOR, LIST_CAP = 21, 250, 380
REVIEW_SHARE, REVIEW_FLOOR, REVIEW_CAP = 26, 300, 480
COMPACT_WIDTH = 1500
COMPACT_DOCK = 360
# On a wide window each PDF pane keeps at least this much of the window's width (a page at
# fit-width stays readable); the list's wish for its columns gives way first.
PANE_FLOOR = 420


def dock_layout(window_width: int, list_needs: int = 0) -> tuple[bool, int, int]:
    """``(tabbed, list_width, review_width)`` for a window this wide: whether the list and the
    review tabs share one dock column, and each dock's first width. ``list_needs`` is the width
    the list's columns take in this language (English headers and statuses are wider), so the
    阻断 column is never cut off; it is granted up to a third of the window."""
    needs = min(list_needs, window_width // 3)
    if window_width < COMPACT_WIDTH:
        width = max(COMPACT_DOCK + max(0, window_width - 1360) // 4, needs)
        return True, width, width
    review = min(REVIEW_CAP, max(REVIEW_FLOOR, window_width * REVIEW_SHARE // 100))
    share = min(LIST_CAP, max(LIST_FLOOR, window_width * LIST_SHARE // 100))
    room = window_width - review - 2 * PANE_FLOOR  # what the list may take, panes kept readable
    # The review tabs cannot narrow much (their content's minimum is ~420 px): a list that wants
    # more than the room gives way itself, its applicant column eliding.
    return False, max(share, min(needs, room)), review


def fit_window(window: object, restored: bool) -> None:
    """Give ``window`` (a QWidget, not yet shown) the geometry ``choose_geometry`` picks for
    the screens attached now; ``restored`` says whether its geometry came from the settings."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    screens = QGuiApplication.screens()
    if not screens:
        return
    if restored and window.windowState() & (Qt.WindowState.WindowMaximized
                                            | Qt.WindowState.WindowFullScreen):
        return  # maximised fits whatever screen it lands on
    current = window.geometry()
    saved = (current.x(), current.y(), current.width(), current.height()) if restored else None
    screen = QGuiApplication.screenAt(current.center()) if restored else None
    screen = screen or QGuiApplication.primaryScreen() or screens[0]
    areas = [_rect(s.availableGeometry()) for s in screens]
    target = choose_geometry(saved, areas, _rect(screen.availableGeometry()))
    if target != saved:
        window.setGeometry(QRect(*target))


def _rect(rect: object) -> Rect:
    return (rect.x(), rect.y(), rect.width(), rect.height())  # type: ignore[attr-defined]
