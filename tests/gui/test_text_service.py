"""The text service: worker process (or thread), page text, search generations, shutdown."""

from __future__ import annotations

import pytest

from slq_desk.ui.viewer.text_service import TextService
from tests.gui.factory import make_pdf


@pytest.fixture(params=[True, False], ids=["process", "thread"])
def service(request, qtbot):
    svc = TextService(use_process=request.param)
    yield svc
    svc.shutdown()
    if svc.process is not None:
        assert svc.process.poll() is not None  # no worker left behind


def test_page_text_and_search(service, qtbot, tmp_path):
    pdf = tmp_path / "合同.pdf"
    pdf.write_bytes(make_pdf(4))
    service.open("d", pdf)
    assert service.page_text("d", 2) is None
    with qtbot.waitSignal(service.page_text_ready, timeout=15000) as ready:
        pass
    doc, page, text = ready.args
    assert (doc, page) == ("d", 2) and "服务合同 第3页" in text.text
    assert service.page_text("d", 2) is text

    hits: dict[int, list] = {}
    service.search_hits.connect(lambda d, g, p, rects: hits.setdefault(p, rects))
    stale = service.search("d", "compute")
    current = service.search("d", "秘密条款")  # supersedes the first
    with qtbot.waitSignal(service.search_done, timeout=15000,
                          check_params_cb=lambda d, g, total: g == current) as done:
        pass
    assert stale != current
    assert done.args[2] == 1 and list(hits) == [2]
    x0, y0, x1, y1 = hits[2][0]
    assert x1 > x0 and y1 > y0 > 700  # near the bottom of page 3


def test_unopenable_document_gives_no_text_but_no_crash(service, qtbot, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 garbage")
    service.open("b", broken)
    generation = service.search("b", "x")
    with qtbot.waitSignal(service.search_done, timeout=15000) as done:
        pass
    assert done.args == ["b", generation, 0]


def test_the_worker_can_be_started_before_the_first_document(service, qtbot, tmp_path):
    """The window starts it while the queue shows, so opening the first document spawns no
    process on the UI thread; starting twice keeps the one worker."""
    service.start()
    first = (service.process, service._conn)
    assert first[1] is not None
    assert (service.process is not None) == service.use_process
    service.start()
    assert (service.process, service._conn) == first
    pdf = tmp_path / "合同.pdf"
    pdf.write_bytes(make_pdf(2))
    service.open("d", pdf)
    service.page_text("d", 0)
    with qtbot.waitSignal(service.page_text_ready, timeout=15000):
        pass
    assert (service.process, service._conn) == first  # the same worker served it
