"""The window's signing, verification, identity and panel-chair entries.

Kept out of main_window.py: it only opens the self-contained widgets of ``ui/signing`` and
``ui/panel`` for the window's current workspace and application, and remembers the long-lived
ones (the verify window, the panel view) so reopening brings the same window forward.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from slq_desk.ui.main_window import MainWindow

PREWARM_DELAY_MS = 1500
# While other work runs (an import OCRing a scan, a check), the pre-warm waits: its second of
# Python work beside an import's was what stalled the UI thread at an import's start (issue 13).
# It also waits for one whole quiet interval after such work: an import's end is followed, in
# the window's next turns, by the opening of the imported application, and the pre-warm
# starting in between stalled that opening (issue 18, item 3).
PREWARM_RETRY_MS = 2000


class SigningActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._verify: QWidget | None = None
        self._was_busy = False  # at the pre-warm's previous look
        self._panel: QWidget | None = None
        self._panel_workspace: object = None
        # Every signing widget opened here; shutdown waits on the operations they started.
        self._opened: list[QWidget] = []

        self.sign_action = self._action(self.tr("签署并导出评审意见…"), "Ctrl+Shift+E",
                                        self.sign_current)
        self.verify_action = self._action(self.tr("验证签名文件…"), "Ctrl+Shift+V",
                                          lambda: self.show_verify())
        self.identity_action = self._action(self.tr("签名身份…"), None, self.show_identity)
        self.panel_action = self._action(self.tr("评审组汇总…"), "Ctrl+Shift+P", self.show_panel)

        review = window.menus["review"]
        review.addSeparator()
        review.addAction(self.sign_action)
        tools = window.add_menu("tools", self.tr("工具(&T)"))
        tools.addAction(self.verify_action)
        tools.addAction(self.identity_action)
        panel = window.add_menu("panel", self.tr("评审组(&P)"))
        panel.addAction(self.panel_action)
        window.workspace_changed.connect(self._workspace_changed)
        # Once the window is up and idle, get the first export ready on a worker (fonts, stamp
        # subset, pyHanko) so the first signature feels like the others (issue 18, item 5).
        QTimer.singleShot(PREWARM_DELAY_MS, self._prewarm)

    def _prewarm(self) -> None:
        w = self.window
        if w.synchronous_operations or getattr(w, "_shut_down", False):
            return  # tests run operations on the UI thread: nothing to gain there
        busy = bool(w.operations) or not w.is_settled()
        if busy or self._was_busy:
            self._was_busy = busy
            QTimer.singleShot(PREWARM_RETRY_MS, self._prewarm)
            return
        from slq_desk.opinion.prewarm import prewarm
        from slq_desk.ui.operations import Operation

        names = "评审专家" + w.reviewer()
        w.run_operation(Operation(lambda _report: prewarm(names), w))

    def _action(self, text: str, shortcut: str | None, slot: object) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _workspace_changed(self, _desk: object) -> None:
        """The panel view shows one workspace: it closes when another one is opened."""
        if self._panel is not None and self._panel_workspace is not self.window.workspace:
            self._panel.close()
            self._panel, self._panel_workspace = None, None

    def sign_current(self) -> None:
        w = self.window
        if w.workspace is None or w.application_id is None:
            w.statusBar().showMessage(self.tr("请先在左侧选择一份申报"), 5000)
            return
        from slq_desk.ui.signing.sign_dialog import SignDialog

        w.scoring_tab.flush()  # the opinion must carry what was typed a moment ago
        dialog = SignDialog(w.workspace, w.application_id, w,
                            open_verify=lambda path: self.show_verify(path), actor=w.reviewer(),
                            opener=getattr(getattr(w, "workbench", None), "opener", None))
        dialog.signed.connect(lambda _path: w.refresh_applications())
        # A signed opinion closes the review: the form shows it (and stays locked).
        dialog.signed.connect(lambda _path: w.scoring_tab.reload())
        self._opened.append(dialog)
        dialog.open()

    def show_verify(self, path: Path | None = None) -> None:
        from slq_desk.ui.signing.verify_window import VerifyWindow

        if self._verify is None:
            self._verify = VerifyWindow()
            self._opened.append(self._verify)
        window = self._verify
        window.show()
        window.raise_()
        window.activateWindow()
        if path is not None:
            window.verify_path(Path(path))  # type: ignore[attr-defined]

    def show_identity(self) -> None:
        from slq_desk.ui.signing.identity_page import IdentityPage

        dialog = _IdentityDialog(self.window)
        dialog.setWindowTitle(self.tr("签名身份"))
        from slq_desk.ui.settings_dialog import reviewer_organisation

        dialog.page = IdentityPage(dialog, name=self.window.reviewer(),
                                   organisation=reviewer_organisation(self.window.settings))
        QVBoxLayout(dialog).addWidget(dialog.page)
        self._opened.append(dialog.page)
        dialog.resize(640, 520)
        dialog.open()

    def show_panel(self) -> None:
        w = self.window
        if w.workspace is None:
            w.statusBar().showMessage(self.tr("请先打开工作区"), 5000)
            return
        from slq_desk.ui.panel.panel_view import PanelView

        if self._panel is None or self._panel_workspace is not w.workspace:
            if self._panel is not None:
                self._panel.close()
            self._panel = PanelView(w.workspace)
            self._opened.append(self._panel)
            self._panel.imported.connect(lambda _r: w.refresh_applications())
            self._panel_workspace = w.workspace
        self._panel.show()
        self._panel.raise_()
        self._panel.activateWindow()

    def shutdown(self) -> None:
        from slq_desk.ui import operations

        for widget in (self._verify, self._panel):
            if widget is not None:
                widget.close()
        # A signature half-written or an export in its transaction finishes before the DB goes.
        operations.wait(getattr(widget, "_op", None) for widget in self._opened)


class _IdentityDialog(QDialog):
    """Stays open while a key is being made or imported, so the worker's result is shown."""

    page: QWidget | None = None

    def reject(self) -> None:
        if self.page is not None and self.page.is_busy():  # type: ignore[attr-defined]
            return
        super().reject()
