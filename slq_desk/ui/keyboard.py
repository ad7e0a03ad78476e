"""Keyboard paths through the main window: regions, Tab order, jump keys, a visible focus ring.

The window has four regions: the application list, the left and the right document pane, and
the review dock (检查清单 / 评分 / 测算). Each can be reached without a mouse:

- Tab follows the reading order — search, status filter, list, left pane (picker, toolbar,
  pages), right pane, the review tabs and the open tab's controls — and leaves the list
  instead of walking its cells (Ctrl+Tab leaves any widget that keeps Tab for itself);
- Alt+1 … Alt+4 jump to the list, the left pane, the right pane and the review dock (the
  scoring form's first control that can be used now); F6 / Shift+F6 cycle through them, as
  in a browser or an office suite;
- ``FocusRing`` draws a two-pixel outline in the palette's highlight colour around whatever
  has the keyboard focus, in the light and the dark theme, without changing any widget's
  size (it is a frame laid over the widget, not a style sheet border).
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QWidget

if TYPE_CHECKING:
    from slq_desk.ui.main_window import MainWindow
    from slq_desk.ui.viewer.pane import ViewerPane

RING_WIDTH = 2
REGIONS = ("list", "left", "right", "review")


class FocusRing(QFocusFrame):
    """A highlight-coloured outline just outside the focused widget (QFocusFrame keeps it
    glued to the widget's geometry and above its siblings)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt's name
        handled = super().eventFilter(watched, event)
        # QFocusFrame hides itself when the widget's style changes (the light/dark theme
        # switching, theme.py) although the widget keeps the focus: the ring stays.
        if (event.type() == QEvent.Type.StyleChange and watched is self.widget()
                and isinstance(watched, QWidget) and watched.hasFocus()):
            self.show()
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 — Qt's name
        target = self.widget()
        if target is None:
            return
        painter = QPainter(self)
        color = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        pen = QPen(color, RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_WIDTH // 2
        painter.drawRect(QRect(half, half, self.width() - RING_WIDTH, self.height() - RING_WIDTH))
        painter.end()


class KeyboardNavigation(QObject):
    """Tab order, jump keys and the focus ring of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ring = FocusRing(window)
        self.ring.hide()
        self._tracked: QWidget | None = None
        # A table walks its cells on Tab and never lets go; the highlighted row is the open
        # application and the arrow keys move it, so Tab is free to leave.
        window.app_table.setTabKeyNavigation(False)
        self.actions: dict[str, QAction] = {}
        titles = {"list": self.tr("转到申报列表"), "left": self.tr("转到左侧文档"),
                  "right": self.tr("转到右侧文档"), "review": self.tr("转到检查清单与评分")}
        for n, region in enumerate(REGIONS, 1):
            action = QAction(titles[region], window)
            action.setShortcut(QKeySequence(f"Alt+{n}"))
            action.triggered.connect(lambda _c=False, r=region: self.focus_region(r))
            self.actions[region] = action
        self.next_action = QAction(self.tr("下一区域"), window)
        self.next_action.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.next_action.triggered.connect(lambda: self.cycle(1))
        self.previous_action = QAction(self.tr("上一区域"), window)
        self.previous_action.setShortcut(QKeySequence("Shift+F6"))
        self.previous_action.triggered.connect(lambda: self.cycle(-1))
        menu = window.menus.get("view")
        if menu is not None:
            menu.addSeparator()
            for action in (*self.actions.values(), self.next_action, self.previous_action):
                menu.addAction(action)
        else:  # no menu to hold them: the window itself keeps the shortcuts alive
            window.addActions([*self.actions.values(), self.next_action, self.previous_action])
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.set_tab_order()

    # -- regions -------------------------------------------------------------------------------
    def _pane(self, region: str) -> ViewerPane:
        return self.window.left_pane if region == "left" else self.window.right_pane

    def region_of(self, widget: QWidget | None) -> str | None:
        """Which region holds ``widget`` (None: the menu bar, the main toolbar, a dialog)."""
        w = self.window
        containers: dict[str, QWidget] = {"list": w.application_dock, "review": w.review_dock}
        panes = w.viewer_panes_if_built()  # none to be in before they are built
        if panes is not None:
            containers["left"], containers["right"] = panes
        while widget is not None:
            for region, container in containers.items():
                if widget is container:
                    return region
            widget = widget.parentWidget()
        return None

    def entry(self, region: str) -> QWidget | None:
        """The widget a jump to ``region`` lands on: the list (or its search box when the list
        is empty), the pane's pages (or its document picker), the open review tab's first
        control that can be used now."""
        w = self.window
        if region == "list":
            if w.app_stack.currentWidget() is w.app_table and w.app_filter.rowCount() > 0:
                return w.app_table
            return w.search_edit
        if region in ("left", "right"):
            pane = self._pane(region)
            return pane.view if pane.stack.currentWidget() is pane.view else pane.picker
        if not w.review_tabs_shown() or not w.review_tabs.count():
            return None
        page = w.review_tabs.currentWidget()
        candidates: list[QWidget] = []
        if page is w.scoring_tab:
            # The first score once the form is open; before the declaration (the scores are
            # disabled) the declaration; the rubric buttons only when nothing else can be used.
            tab = w.scoring_tab
            later: list[QWidget] = [tab.coi_none, tab.coi_conflict, tab.rubric_button, tab.reload_button]
            candidates = [x for x in tab.tab_chain() if x not in later] + later
        elif page is w.checklist_tab:
            candidates = [w.checklist_tab.tree, w.checklist_tab.filter_edit]
        elif page is w.calculation_tab:
            candidates = [w.calculation_tab.steps, w.calculation_tab.explanation]
        elif page is not None:
            candidates = [page]
        for widget in candidates:
            if widget.isEnabled() and widget.isVisibleTo(w) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return widget
        return w.review_tabs.tabBar()

    def focus_region(self, region: str) -> bool:
        """Show the region (a closed dock opens) and put the keyboard focus in it."""
        w = self.window
        if w.showing_start_page():
            return False  # no regions yet: Tab walks the start page
        if region == "list":
            w.application_dock.show()
            w.application_dock.raise_()
        elif region == "review":
            w.review_dock.show()
            w.review_dock.raise_()
        target = self.entry(region)
        if target is None:
            return False
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def cycle(self, step: int) -> str:
        """F6 / Shift+F6: the next (previous) region that can take the focus; returns it."""
        current = self.region_of(QApplication.focusWidget())
        start = REGIONS.index(current) if current in REGIONS else (-1 if step > 0 else 0)
        for n in range(1, len(REGIONS) + 1):
            region = REGIONS[(start + step * n) % len(REGIONS)]
            if self.focus_region(region):
                return region
        return current or ""

    # -- Tab order -------------------------------------------------------------------------------
    def pane_chain(self, pane: ViewerPane) -> list[QWidget]:
        return [pane.picker, pane.thumbs_button, pane.find_button, pane.page_box, pane.zoom_box,
                pane.view]

    def chain(self) -> list[QWidget]:
        w = self.window
        panes = w.viewer_panes_if_built()
        middle = [] if panes is None else [*self.pane_chain(panes[0]), *self.pane_chain(panes[1])]
        return [w.search_edit, w.status_filter, w.app_table, *middle, w.review_tabs]

    def set_tab_order(self) -> None:
        """Reading order across the docks; each tab keeps its own order inside (the scoring
        form's is ``ScoringTab.tab_chain``). Set again once the viewer panes are built (the
        window builds them after its first paint)."""
        for first, second in pairwise(self.chain()):
            QWidget.setTabOrder(first, second)

    # -- focus ring ------------------------------------------------------------------------------
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self.window and _ringable(new):
            self._track(new)
            self.ring.show()
        else:
            self._track(None)
            self.ring.hide()

    def _track(self, widget: QWidget | None) -> None:
        """Ring ``widget``; the ring lets go of it before it is destroyed (QFocusFrame keeps a
        plain pointer and an event filter on it: a rebuilt form deletes focused widgets)."""
        if self._tracked is not None and shiboken6.isValid(self._tracked):
            self._tracked.destroyed.disconnect(self._tracked_destroyed)
        self._tracked = widget
        if widget is not None:
            widget.destroyed.connect(self._tracked_destroyed)
        self.ring.setWidget(widget)  # type: ignore[arg-type]  # Qt takes nullptr: let go

    def _tracked_destroyed(self, *_args: object) -> None:
        self._tracked = None
        if shiboken6.isValid(self.ring):
            self.ring.setWidget(None)  # type: ignore[arg-type]
            self.ring.hide()

    def shutdown(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
        self._track(None)


def _ringable(widget: QWidget) -> bool:
    """Widgets the ring goes around: anything that takes focus except the menu bar (which
    shows its own highlight) and the page view's viewport (the view itself is ringed)."""
    return widget.metaObject().className() not in ("QMenuBar", "QMenu")

