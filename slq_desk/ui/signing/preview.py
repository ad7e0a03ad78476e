"""Look at one signing/panel widget on its own, and screenshot it (for development and review).

    python -m slq_desk.ui.signing.preview W --screenshot OUT.png --widget identity|sign|verify|panel
        [--app ID] [--pdf F.pdf] [--package DIR|ZIP] [--passphrase-env VAR] [--sign]
        [--tab N] [--size 1200x900]

``--sign`` presses "签署并导出" in the sign dialog with the passphrase from ``--passphrase-env``
(for a screenshot of the finished state); ``--pdf`` verifies that file in the verify window.
Without ``--screenshot`` the widget stays open until closed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any


def _settle(app: Any, widget: Any, seconds: float = 60.0) -> None:
    from PySide6.QtCore import QThreadPool

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        busy = getattr(widget, "is_busy", lambda: False)()
        if not busy and QThreadPool.globalInstance().activeThreadCount() == 0:
            break
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m slq_desk.ui.signing.preview")
    p.add_argument("workspace", type=Path)
    p.add_argument("--widget", choices=("identity", "sign", "verify", "panel"), default="sign")
    p.add_argument("--screenshot", type=Path)
    p.add_argument("--app", help="application id (sign); default: the first")
    p.add_argument("--pdf", type=Path, help="verify this file (verify)")
    p.add_argument("--package", type=Path, help="package to check against (verify)")
    p.add_argument("--passphrase-env", help="passphrase for --sign")
    p.add_argument("--sign", action="store_true", help="sign in the dialog (sign)")
    p.add_argument("--tab", type=int, default=0, help="panel view tab to show")
    p.add_argument("--size", default="1200x900")
    p.add_argument("--budget", help="panel: budget in yuan for the ranking")
    p.add_argument("--simulate", metavar="BUDGETS", help="panel: budgets to simulate, e.g. 500000,700000")
    args = p.parse_args(argv)
    if args.screenshot and not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from slq_desk.ui.app import create_application, open_workspace

    app: Any = create_application([sys.argv[0]])
    ws = open_workspace(args.workspace)
    width, height = (int(x) for x in args.size.split("x"))
    widget: Any
    if args.widget == "identity":
        from slq_desk.ui.signing.identity_page import IdentityPage

        widget = IdentityPage()
    elif args.widget == "sign":
        from slq_desk.desk.service import Desk
        from slq_desk.ui.signing.sign_dialog import SignDialog

        app_id = args.app or Desk(ws).first_application_id()
        if app_id is None:
            print("no application in the workspace", file=sys.stderr)
            return 2
        ask = None
        if args.passphrase_env:
            from slq_desk.opinion.passphrase import from_env

            env = args.passphrase_env
            ask = lambda _label: from_env(env)
        widget = SignDialog(ws, app_id, ask=ask)
    elif args.widget == "verify":
        from slq_desk.ui.signing.verify_window import VerifyWindow

        widget = VerifyWindow()
    else:
        from slq_desk.ui.panel.panel_view import PanelView

        widget = PanelView(ws)
    widget.resize(width, height)
    widget.show()
    if args.widget == "verify" and args.pdf:
        widget.verify_path(args.pdf, args.package)
    if args.widget == "sign" and args.sign:
        widget.sign()
    if args.widget == "panel" and args.budget:
        widget.budget_edit.setText(args.budget)
        widget.rank()
    if args.widget == "panel" and args.simulate:
        widget.sim_budgets.setText(args.simulate)
        widget.simulate()
    if args.widget in ("panel", "verify") and args.tab:
        widget.tabs.setCurrentIndex(args.tab)
    _settle(app, widget)
    if args.screenshot:
        pixmap = widget.grab()
        ok = pixmap.save(str(args.screenshot))
        widget.close()
        ws.close()
        print(f"{args.screenshot} {'written' if ok else 'NOT written'}")
        return 0 if ok else 1
    code = app.exec()
    ws.close()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
