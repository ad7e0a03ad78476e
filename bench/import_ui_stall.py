"""Benchmark: the UI thread while the review window imports a ~2,000-page package (issue 10, item 4).

The real ``MainWindow`` (offscreen) imports a generated package through its own
``import_package`` → ``operations.import_operation`` (import + 初审 checks, off the UI thread on
the global thread pool, behind the window's progress dialog). A QTimer heartbeat every 5 ms on
the UI thread measures the gaps between beats: the longest stall (gap − 5 ms) and the p99 gap,
for the import itself (until the operation's ``finished`` signal reaches the UI thread; the gap
in progress is cut there) and, separately, for what the window does afterwards: its
``finished`` handler refreshes the list and opens the imported application (until
``is_settled()``). The peak RSS of the
process tree (this process + the reader child) is sampled every 10 ms (``bench/import_large.py``'s
sampler) and bounded by getrusage. The peer is the same import (import_package + run_checks, as
``import_operation`` does) in a fresh process without Qt or a window. Run:

    .venv/bin/python bench/import_ui_stall.py [--pages 2000]
    .venv/bin/python bench/import_ui_stall.py --scanned 100   # a scanned package, read by OCR

With ``--scanned N`` the package is N scanned pages (ten-page image-only PDFs made by
``tests/support/scanned.py``) that the reader process OCRs page by page (issue 13: the UI
thread must not stall over 50 ms, progress shown).

Aims (issue 10): longest stall < 100 ms, peak RSS < 1 GB. Exit code 0 when both are met.
Settings, data and workspace live in a temporary folder; no user folder or keyring is touched.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_large import LIMIT_BYTES, TreeSampler, _generate, _rss

BEAT_MS = 5
STALL_LIMIT_S = 0.100


def _private_env(tmp: Path) -> None:
    for name in ("home", "config", "data", "cache"):
        (tmp / name).mkdir(parents=True, exist_ok=True)
    os.environ.update(HOME=str(tmp / "home"), XDG_CONFIG_HOME=str(tmp / "config"),
                      XDG_DATA_HOME=str(tmp / "data"), XDG_CACHE_HOME=str(tmp / "cache"),
                      SLQ_DESK_DATA_DIR=str(tmp / "data"),
                      PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    os.environ.setdefault("SLQ_DESK_USER", "bench")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure_ui(folder: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="slq-bench-ui-") as tmp_s:
        tmp = Path(tmp_s)
        _private_env(tmp)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import (
            QEventLoop,
            QSettings,
            QTimer,
            QtMsgType,
            qInstallMessageHandler,
        )
        from PySide6.QtWidgets import QApplication

        warnings: list[str] = []

        def on_message(kind: QtMsgType, _context: object, text: str) -> None:
            if kind != QtMsgType.QtDebugMsg and "does not support" not in text:
                warnings.append(text)

        qInstallMessageHandler(on_message)
        from slq_desk.ui.app import create_application
        from slq_desk.ui.main_window import MainWindow
        from slq_desk.workspace import Workspace

        app = create_application(language="zh_CN")
        assert isinstance(app, QApplication)
        settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Workspace.open(tmp / "ws"), settings)
        window.resize(1400, 900)
        window.show()
        loop = QEventLoop()

        def pump(condition: Any, timeout: float) -> bool:
            deadline = time.perf_counter() + timeout
            poll = QTimer()
            poll.setInterval(10)

            def check() -> None:
                if condition() or time.perf_counter() > deadline:
                    loop.quit()

            poll.timeout.connect(check)
            poll.start()
            if not condition():
                loop.exec()
            poll.stop()
            return bool(condition())

        # As the application's start-up does once the workspace is open (ui/startup.py): the
        # review tabs are built while the person looks at the list, not on the first opening.
        QTimer.singleShot(0, window.build_review_tabs)
        pump(lambda: False, 1.0)  # settle the window first
        baseline = _rss(os.getpid())

        phase = ["import"]
        gaps: dict[str, list[float]] = {"import": [], "open": []}
        ends: dict[str, list[float]] = {"import": [], "open": []}  # when each gap ended
        last = [time.perf_counter()]

        from slq_desk.ui import operations

        own = operations.import_operation

        def import_operation(*a: Any, **k: Any) -> operations.Operation:
            # Wrapped only to connect a slot *before* the window's own: Qt calls slots in
            # connection order, so this marks the moment the finished signal reaches the UI
            # thread, and splits the heartbeat gap there (import before, window's handler after).
            op_ = own(*a, **k)

            def handed_over(*_args: object) -> None:
                now = time.perf_counter()
                if phase[0] == "import":
                    gaps["import"].append(now - last[0])
                    ends["import"].append(now)
                    last[0] = now
                    phase[0] = "open"
                    worker_done.setdefault("t", now)

            op_.finished.connect(handed_over)
            op_.failed.connect(handed_over)
            op_.cancelled.connect(handed_over)
            return op_

        operations.import_operation = import_operation
        running: list = []  # the import operation, once started

        def tick() -> None:
            # Phase "import" until the finished signal reaches the UI thread, then "open".
            now = time.perf_counter()
            gaps[phase[0]].append(now - last[0])
            ends[phase[0]].append(now)
            last[0] = now

        beat = QTimer()
        beat.setInterval(BEAT_MS)
        beat.timeout.connect(tick)
        finished: dict[str, float] = {}
        worker_done: dict[str, float] = {}
        sampler = TreeSampler()
        sampler.start()
        beat.start()
        last[0] = start = time.perf_counter()
        op = window.import_package(folder)
        assert op is not None
        running.append(op)

        def done(*_args: object) -> None:  # connected after the window's own handler: runs after it
            finished["t"] = time.perf_counter()

        op.finished.connect(done)
        op.failed.connect(lambda m: finished.setdefault("error", m) and done())  # type: ignore[func-returns-value]
        op.cancelled.connect(done)
        ok = pump(lambda: "t" in finished, 900)
        import_s = worker_done.get("t", finished.get("t", time.perf_counter())) - start
        settled = pump(lambda: window.is_settled() and not window.operations, 120)
        open_s = time.perf_counter() - start - import_s
        beat.stop()
        sampler.stop()
        self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
        result = op.result
        error = finished.get("error") or op.error
        opened = window.application_id
        window.close()
        window.shutdown()

    pages = sum(r.pages for r in result.reports) if result is not None else 0

    def worst(name: str) -> list[tuple[float, float]]:
        pairs = sorted(zip(gaps[name], ends[name], strict=False), reverse=True)[:3]
        return [(round(g * 1000, 1), round(e - start, 2)) for g, e in pairs]

    def stall(values: list[float]) -> float:
        return max(values) - BEAT_MS / 1000 if values else float("nan")

    figures = {
        "pages": pages, "import_s": round(import_s, 2), "open_after_s": round(open_s, 2),
        "stall_import_ms": round(stall(gaps["import"]) * 1000, 1),
        "p99_gap_import_ms": round(pct(gaps["import"], 0.99) * 1000, 1),
        "beats_import": len(gaps["import"]),
        "stall_open_ms": round(stall(gaps["open"]) * 1000, 1),
        "p99_gap_open_ms": round(pct(gaps["open"], 0.99) * 1000, 1),
        "peak_tree_rss_mib": round(sampler.peak_total / 1024 ** 2, 1),
        "peak_bound_rss_mib": round((self_peak + child_peak) / 1024 ** 2, 1),
        "baseline_rss_mib": round(baseline / 1024 ** 2, 1),
        # The three longest gaps of each phase: (ms, seconds after the import started).
        "worst_import": worst("import"), "worst_open": worst("open"),
        "import_handled_at_s": round(import_s, 2),
        "opened": opened, "settled": settled, "error": error, "qt_warnings": warnings[:5],
        "finished": ok,
    }
    print("UI " + json.dumps(figures, ensure_ascii=False), flush=True)
    return 0


def measure_peer(folder: Path) -> int:
    """The same import without Qt or a window (what import_operation's work function does)."""
    with tempfile.TemporaryDirectory(prefix="slq-bench-peer-") as tmp_s:
        tmp = Path(tmp_s)
        _private_env(tmp)
        from slq_desk.checks.runner import run_checks
        from slq_desk.ingest.importer import import_package
        from slq_desk.workspace import Workspace

        ws = Workspace.open(tmp / "ws")
        sampler = TreeSampler()
        sampler.start()
        start = time.perf_counter()
        try:
            result = import_package(ws, folder)
            run_checks(ws, result.application_id)
        finally:
            elapsed = time.perf_counter() - start
            sampler.stop()
            ws.close()
        self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print("PEER " + json.dumps({"pages": sum(r.pages for r in result.reports),
                                "import_s": round(elapsed, 2),
                                "peak_tree_rss_mib": round(sampler.peak_total / 1024 ** 2, 1),
                                "peak_bound_rss_mib": round((self_peak + child_peak) / 1024 ** 2, 1)}),
          flush=True)
    return 0


def _child(mode: str, folder: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, mode, str(folder)], cwd=ROOT, check=True,
                         capture_output=True, text=True)
    sys.stderr.write(out.stderr)
    tag = "UI " if mode == "--measure-ui" else "PEER "
    line = next(x for x in out.stdout.splitlines() if x.startswith(tag))
    return json.loads(line[len(tag):])


def _generate_scanned(out: Path, pages: int) -> Path:
    """N scanned pages in ten-page PDFs, each file different (its own noise seed)."""
    from tests.support.scanned import scanned_contract

    folder = out / f"scanned-{pages}"
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps({"policy": "wuhan-2026"}), encoding="utf-8")
    done = 0
    while done < pages:
        n = min(10, pages - done)
        (folder / f"合同扫描件-{done // 10 + 1:02d}.pdf").write_bytes(
            scanned_contract(pages=n, seed=100 + done))
        done += n
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--scanned", type=int, default=0, metavar="N",
                        help="import N scanned pages (OCR) instead of the generated text package")
    parser.add_argument("--measure-ui", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--measure-peer", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_ui:
        return measure_ui(Path(args.measure_ui))
    if args.measure_peer:
        return measure_peer(Path(args.measure_peer))
    # As on an installed copy (pip and PyInstaller compile the package): the bytecode cached,
    # so the window does not compile each module it imports lazily — this checkout may run with
    # PYTHONDONTWRITEBYTECODE set, which made every such import a compile.
    compileall.compile_dir(str(ROOT / "slq_desk"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="slq-bench-") as tmp:
        t0 = time.perf_counter()
        if args.scanned:
            folder = _generate_scanned(Path(tmp) / "packages", args.scanned)
        else:
            folder = _generate(Path(tmp) / "packages", args.pages)
        print(f"generated {folder.name} in {time.perf_counter() - t0:.0f} s", flush=True)
        # Each in a fresh process, so getrusage and the tree sampler see only that import.
        ui = _child("--measure-ui", folder)
        peer = _child("--measure-peer", folder)
    load = os.getloadavg()[0]
    print(f"package: {folder.name}, {ui['pages']} pages; load average {load:.1f} on {os.cpu_count()} CPUs")
    print(f"window import (off the UI thread, start → finished delivered): {ui['import_s']:.2f} s; then the window's finished handler + opening it: "
          f"{ui['open_after_s']:.2f} s (opened {ui['opened']}, settled {ui['settled']})")
    print(f"UI thread during import: longest stall {ui['stall_import_ms']:.1f} ms, p99 gap "
          f"{ui['p99_gap_import_ms']:.1f} ms ({ui['beats_import']} beats of {BEAT_MS} ms)")
    print(f"  three longest gaps (ms, ended s after start): {ui['worst_import']}")
    print(f"UI thread after the import (finished handler, opening the application): longest stall "
          f"{ui['stall_open_ms']:.1f} ms, p99 gap {ui['p99_gap_open_ms']:.1f} ms; "
          f"longest gaps {ui['worst_open']}")
    print(f"peak RSS, tree with window: {ui['peak_tree_rss_mib']:.1f} MiB sampled, "
          f"{ui['peak_bound_rss_mib']:.1f} MiB getrusage bound (window before import "
          f"{ui['baseline_rss_mib']:.1f} MiB)")
    print(f"peer, same import without window: {peer['import_s']:.2f} s, peak RSS "
          f"{peer['peak_tree_rss_mib']:.1f} MiB sampled / {peer['peak_bound_rss_mib']:.1f} MiB bound")
    print(f"ratio window import / peer time: {ui['import_s'] / peer['import_s']:.2f}x")
    if ui["error"] or ui["qt_warnings"]:
        print(f"error: {ui['error']}; Qt warnings: {ui['qt_warnings']}")
    ok = (ui["stall_import_ms"] < STALL_LIMIT_S * 1000
          and max(ui["peak_tree_rss_mib"], ui["peak_bound_rss_mib"]) * 1024 ** 2 < LIMIT_BYTES
          and not ui["error"] and ui["finished"])
    print(json.dumps({"ui": ui, "peer": peer, "ok": ok}, ensure_ascii=False))
    print("aims (stall during import < 100 ms, peak RSS < 1 GB):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
