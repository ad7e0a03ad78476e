"""The reader process: a file that hangs or crashes it costs that file only."""

from __future__ import annotations

import os
import time

from slq_desk.ingest.analyse import FileReport, analyse_file
from slq_desk.ingest.limits import Limits
from slq_desk.ingest.worker import READER_NICENESS, ParseWorker
from tests.unit.ingest_samples import text_pdf


def hang_on_hang(name: str, data: bytes, max_pages: int, kind: str | None) -> FileReport:
    """Stands in for a PDF that makes MuPDF spin (runs in the worker process)."""
    if name.startswith("hang"):
        time.sleep(60)
    if name.startswith("crash"):
        os._exit(3)
    return analyse_file(name, data, max_pages, kind)


def test_timeout_kills_the_reader_and_the_next_file_is_read() -> None:
    good = text_pdf(["合同编号：HT-1"], title="算力服务合同")
    # 4 s, not 1: the good file after the kill must be read within the limit on a loaded machine.
    with ParseWorker(Limits(file_timeout_s=4.0), analyse=hang_on_hang) as worker:
        start = time.monotonic()
        hung = worker.analyse("hang.pdf", good)
        assert time.monotonic() - start < 20
        assert not hung.readable and [f.code for f in hung.findings] == ["pdf_timeout"]
        crashed = worker.analyse("crash.pdf", good)
        assert not crashed.readable and [f.code for f in crashed.findings] == ["pdf_broken"]
        assert "died" in crashed.findings[0].message_en
        after = worker.analyse("合同.pdf", good)
        assert after.readable and after.kind == "contract"
        assert worker.restarts == 2


def test_one_process_reads_many_files() -> None:
    data = text_pdf(["合同编号：HT-1"], title="算力服务合同")
    with ParseWorker(Limits()) as worker:
        reports = [worker.analyse(f"{n}.pdf", data) for n in range(5)]
        assert worker.restarts == 0
    assert all(r.kind == "contract" for r in reports)


def test_reader_runs_ocr_below_the_window_priority() -> None:
    # OCR keeps the cores busy for minutes: the reader yields the CPU to the UI thread, from
    # its first OCR'd page on; text files alone leave it at the window's priority.
    from tests.support.scanned import scanned_contract

    data = text_pdf(["合同编号：HT-1"], title="算力服务合同")
    own = os.getpriority(os.PRIO_PROCESS, 0)
    with ParseWorker(Limits()) as worker:
        assert worker.analyse("合同.pdf", data).readable
        pid = worker.pid
        assert pid is not None and os.getpriority(os.PRIO_PROCESS, pid) == own
        assert worker.analyse("扫描件.pdf", scanned_contract()).ocr_pages == [0]
        assert worker.pid == pid
        assert os.getpriority(os.PRIO_PROCESS, pid) >= min(19, own + READER_NICENESS) > own
