"""A test driver that types into the live window from inside the real app (crash-safety test).

Only imported by ``slq_desk.ui.app.run_gui`` when ``SLQ_DESK_TEST_DRIVER`` names a JSON script;
nothing else in the app knows about it. The script::

    {"progress": "/tmp/.../progress.jsonl",   # appended, flushed and fsync'ed after every step
     "interval_ms": 40,                        # one step (one key) per timer tick
     "declare": true,                          # click 声明无利益冲突 when the form is locked
     "steps": [["score", "real_usage", "20"],  # type a score into the spin box (replaces it)
               ["comment", "real_usage", "abc"]],  # type these characters, one per tick
     "quit": false}                            # close the window after the last step

Every progress line is JSON: ``{"t": time.time(), "event": ..., "key": ..., "value": ...}``.
``event`` is ``loaded`` (the form's values as the restarted app showed them), ``declared``,
``typed`` (the field's value after a key) or ``done``. Typing goes through ``QTest.keyClicks``
on the real widgets, so the app's own signal → undo stack → autosave path does the saving.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

_keep: list[Any] = []  # the timer and its state live as long as the app


def start(window: Any, script_path: str) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    script = json.loads(Path(script_path).read_text(encoding="utf-8"))
    progress = open(script["progress"], "a", encoding="utf-8")  # noqa: SIM115 — kept open

    def note(event: str, **fields: Any) -> None:
        progress.write(json.dumps({"t": time.time(), "event": event, **fields}, ensure_ascii=False) + "\n")
        progress.flush()
        os.fsync(progress.fileno())

    # Expand the script into single key strokes: one per tick.
    strokes: list[tuple[str, str, str]] = []
    for kind, key, text in script.get("steps", []):
        if kind == "score":
            strokes.append(("score-clear", key, ""))
            strokes.extend(("score", key, ch) for ch in text)
        else:
            strokes.extend(("comment", key, ch) for ch in text)
    state: dict[str, Any] = {"started": False, "i": 0}

    def tab() -> Any:
        return window.scoring_tab

    def value_of(kind: str, key: str) -> str:
        return str(tab().values.get(f"{kind}:{key}", ""))

    def tick() -> None:
        t = tab()
        if not state["started"]:
            if t.rubric is None or not t.boxes:
                return  # the form is not built yet
            state["started"] = True
            note("loaded", values=dict(t.values), locked=t.locked, reviewer=t.reviewer)
            if t.locked and script.get("declare", True):
                QTest.mouseClick(t.coi_none, Qt.MouseButton.LeftButton)
                note("declared", locked=t.locked)
            return
        if state["i"] >= len(strokes):
            timer.stop()
            note("done")
            if script.get("quit"):
                window.close()
                window.shutdown()
                from PySide6.QtWidgets import QApplication

                QApplication.quit()
            return
        kind, key, ch = strokes[state["i"]]
        state["i"] += 1
        box = t.boxes[key]
        if kind == "score-clear":
            editor = box.spin.lineEdit()
            box.spin.setFocus()
            editor.selectAll()
            return
        if kind == "score":
            box.spin.setFocus()
            QTest.keyClicks(box.spin, ch)
            note("typed", key=f"score:{key}", value=value_of("score", key), shown=box.spin.text())
        else:
            box.comment.setFocus()
            box.comment.moveCursor(box.comment.textCursor().MoveOperation.End)
            QTest.keyClicks(box.comment, ch)
            note("typed", key=f"comment:{key}", value=value_of("comment", key))

    timer = QTimer(window)
    timer.setInterval(int(script.get("interval_ms", 40)))
    timer.timeout.connect(tick)
    timer.start()
    _keep.extend([timer, progress, state])
