"""Start-up of the desktop client: the QApplication, fonts, the main window, screenshots.

``run_gui`` is what ``slq-desk gui`` calls. Every check that can fail on bad input (workspace
folder, application id, screenshot path) runs before Qt starts, so a mistake gets a one-line
message and exit code 2 instead of a window or a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from slq_desk.errors import BadInput, SlqError
from slq_desk.workspace import DB_NAME, MARKER

if TYPE_CHECKING:
    from slq_desk.workspace import Workspace

ORGANISATION = "slq-desk"
APPLICATION = "slq-desk"
SCREENSHOT_POLL_MS = 50


def is_workspace(folder: Path) -> bool:
    return (folder / DB_NAME).exists() or (folder / MARKER).exists()


def check_workspace_folder(path: str | os.PathLike[str], database_url: str | None = None) -> Path:
    """The folder a workspace may be opened from (an existing workspace or an empty folder);
    anything else is refused with a clear message. Only looks at the folder: no database."""
    folder = Path(path).expanduser()
    if not folder.exists():
        raise BadInput(f"no workspace at {folder} (create one with: slq-desk demo-workspace {folder})")
    if not folder.is_dir():
        raise BadInput(f"{folder} is a file, not a workspace folder")
    if not is_workspace(folder) and any(folder.iterdir()) and database_url is None:
        raise BadInput(f"{folder} is not an slq-desk workspace (no {DB_NAME}) and is not empty")
    return folder


def open_workspace(path: str | os.PathLike[str], database_url: str | None = None) -> Workspace:
    """Open an existing workspace (or an empty folder); refuse anything else with a clear message."""
    from slq_desk.desk.opening import open_workspace_clearly

    return open_workspace_clearly(check_workspace_folder(path, database_url), database_url)


HEADLESS_SCREEN = (1600, 1000)


def _offscreen_screen() -> str:
    """A config file for Qt's offscreen platform describing one 1600×1000 screen at 96 dpi,
    removed when the process ends (Qt reads it when the QApplication starts)."""
    import atexit
    import json
    import tempfile

    width, height = HEADLESS_SCREEN
    screen = {"name": "headless", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    with tempfile.NamedTemporaryFile("w", prefix="slq-desk-screen-", suffix=".json",
                                     delete=False) as fh:
        json.dump({"screens": [screen]}, fh)
    atexit.register(lambda: Path(fh.name).unlink(missing_ok=True))
    return fh.name


def _ensure_display(headless_ok: bool) -> None:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform != "linux":
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    if headless_ok:
        # A screenshot needs no screen: render offscreen rather than fail on a headless machine,
        # on a desktop-sized screen (the offscreen default is 800×600, and the window fits the
        # screen it opens on).
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_offscreen_screen()}"
        return
    raise SlqError("no display (DISPLAY/WAYLAND_DISPLAY unset); run it on a desktop (X11 or Wayland), "
                   "or use xvfb-run, or pass --screenshot to render offscreen")


TABS = ("checklist", "scoring", "calculation")


def create_application(argv: list[str] | None = None, language: str | None = None) -> object:
    """The QApplication (reused when one exists, as under pytest-qt), with the CJK font installed."""
    from PySide6.QtWidgets import QApplication

    from slq_desk.ui.qt_fonts import install_cjk_font

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        argv if argv is not None else [sys.argv[0]])
    from slq_desk.ui.theme import install_theme  # light/dark, following the system
    install_theme(app)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("算力券审核")
    install_cjk_font(app)
    if language is None:
        from PySide6.QtCore import QSettings

        from slq_desk.ui.i18n import chosen_language

        language = chosen_language(QSettings(ORGANISATION, APPLICATION))
    install_translation(app, language)
    return app


def install_translation(app: object, language: str) -> bool:
    """Load ``resources/i18n/slq_desk_<language>.qm`` when it exists (Chinese is built in)."""
    from slq_desk.ui import i18n

    return i18n.install(app, language)  # type: ignore[arg-type]


def run_gui(workspace: str | None = None, database_url: str | None = None,
            screenshot: str | None = None, open_app: str | None = None,
            timeout: float = 60.0, tab: str | None = None, language: str | None = None) -> int:
    """The window first, the workspace after: the folder is checked here (no database), the
    window shows, and the workspace opens off the UI thread (``ui/startup.py``)."""
    from PySide6.QtCore import QSettings

    settings = QSettings(ORGANISATION, APPLICATION)
    if workspace is None and database_url is None:
        last = settings.value("workspace/last")
        if isinstance(last, str) and last and Path(last).is_dir() and is_workspace(Path(last)):
            workspace = last
    folder = check_workspace_folder(workspace, database_url) if workspace is not None else None
    if open_app is not None and folder is None:
        raise BadInput("--open needs a WORKSPACE")
    shot: Path | None = None
    if screenshot is not None:
        shot = Path(screenshot).expanduser()
        if not shot.parent.is_dir():
            raise BadInput(f"cannot write the screenshot: no folder {shot.parent}")
    _ensure_display(headless_ok=shot is not None)

    if tab is not None and tab not in TABS:
        raise BadInput(f"--tab must be one of {', '.join(TABS)}")
    if tab is not None and open_app is None:
        raise BadInput("--tab needs --open APP_ID")
    app = create_application(language=language)
    from slq_desk.ui.main_window import MainWindow

    window = MainWindow(None, settings, remember_geometry=shot is None)
    errors: list[BaseException] = []
    if folder is not None:
        from slq_desk.ui.startup import open_in_background

        def failed(err: BaseException) -> None:
            if shot is not None:  # a scripted screenshot: exit 2 with the message, no picture
                errors.append(err)
                window.close()
                app.quit()  # type: ignore[attr-defined]

        open_in_background(window, folder, database_url, open_app=open_app,
                           tab=TABS.index(tab) if tab is not None else None,
                           strict=shot is not None, on_failed=failed)
    window.show()
    if os.environ.get("SLQ_DESK_TEST_DRIVER"):  # tests only: tests/e2e/test_crash_safety.py
        from slq_desk.ui import testing_driver
        testing_driver.start(window, os.environ["SLQ_DESK_TEST_DRIVER"])  # a script types in
    if shot is None:
        return int(app.exec())  # type: ignore[attr-defined]
    code = _screenshot_and_quit(app, window, shot, timeout)
    if errors:
        raise errors[0]
    return code


def _screenshot_and_quit(app: object, window: object, shot: Path, timeout: float) -> int:
    """Wait until the visible pages are rendered, save the window as PNG, quit."""
    import time

    from PySide6.QtCore import QTimer

    deadline = time.monotonic() + timeout
    result = {"code": 0}
    settled_polls = {"n": 0}
    timer = QTimer()
    timer.setInterval(SCREENSHOT_POLL_MS)

    def poll() -> None:
        settled = (window.is_settled() and not window.operations  # type: ignore[attr-defined]
                   and window.opening is None)  # type: ignore[attr-defined]  # workspace open
        settled_polls["n"] = settled_polls["n"] + 1 if settled else 0
        late = time.monotonic() > deadline
        # Two settled polls in a row: the last rendered page has also been painted.
        if settled_polls["n"] < 2 and not late:
            return
        timer.stop()
        if late:
            print(f"slq-desk: pages still rendering after {timeout:.0f} s; screenshot taken anyway",
                  file=sys.stderr)
            result["code"] = 1
        if not window.grab().save(str(shot), "PNG"):  # type: ignore[attr-defined]
            print(f"slq-desk: could not write {shot}", file=sys.stderr)
            result["code"] = 2
        window.close()  # type: ignore[attr-defined]
        app.quit()  # type: ignore[attr-defined]

    timer.timeout.connect(poll)
    timer.start()
    app.exec()  # type: ignore[attr-defined]
    return result["code"]
