"""OCR of scanned pages: real RapidOCR on pages rendered, turned and made noisy here.

The page is typeset with known text, so what OCR must find is known: the Chinese names, the
amount, the USCC, and where each line stands on the page (the OCR boxes must land on the
text layer's boxes of the page it was scanned from, in the same PDF page space).
"""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from slq_desk.extract import ocr
from slq_desk.extract.text import page_text
from slq_desk.ingest.analyse import OcrContext, analyse_file, set_ocr_context
from slq_desk.ingest.limits import Limits
from slq_desk.ingest.worker import ParseWorker
from tests.support.scanned import CONTRACT_LINES, scan, scanned_contract, text_page_pdf

pytestmark = pytest.mark.slow


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / smaller


def test_engine_ships_with_its_models() -> None:
    assert ocr.available()
    assert ocr.engine_id().startswith("rapidocr-")


def test_ocr_reads_known_chinese_text_and_an_amount() -> None:
    born = text_page_pdf(CONTRACT_LINES)
    scanned = scan(born)
    with pymupdf.open(stream=scanned, filetype="pdf") as doc:
        assert doc[0].get_text().strip() == ""  # really no text layer
        words = ocr.ocr_words(doc[0])
    text = "\n".join(w.text for w in words)
    assert "武汉星河智算科技有限公司" in text
    assert "湖北长江云计算有限公司" in text
    assert re.search(r"346,?500\.00", text)
    assert "91420100MA4K2L3X6A" in text
    assert all(0 <= w.confidence <= 100 for w in words)
    # Each OCR line lies where the born-digital page printed it (same page space, in points).
    lines = ocr.page_lines(words, 0)
    with pymupdf.open(stream=born, filetype="pdf") as doc:
        printed = page_text(doc[0], 0).lines
    for want in printed:
        key = want.compact[-6:]
        got = [line for line in lines if key in line.compact]
        assert got, f"OCR missed the line ending {key!r}"
        assert _overlap(got[0].bbox, want.bbox) > 0.5, (got[0].bbox, want.bbox)


def test_scanned_contract_fields_are_marked_ocr_with_confidence() -> None:
    report = analyse_file("x.pdf", scanned_contract())  # a meaningless name: content decides
    assert report.image_only_pages == [0] and report.ocr_pages == [0]
    assert report.kind == "contract"
    fields = report.extraction.fields
    assert fields["total"].value == "346500.00"
    assert fields["buyer_name"].value == "武汉星河智算科技有限公司"
    for f in fields.values():
        if f.page == 0:
            assert f.source == "ocr" and 0 < f.confidence <= 100
    finding = next(f for f in report.findings if f.code == "image_only_page")
    assert "OCR" in finding.message_zh and "置信度" in finding.message_zh


def test_without_ocr_the_page_is_left_for_a_person() -> None:
    previous = set_ocr_context(OcrContext(enabled=False))
    try:
        report = analyse_file("x.pdf", scanned_contract())
    finally:
        set_ocr_context(previous)
    assert report.ocr_pages == [] and report.image_only_pages == [0]
    assert not any(f.page == 0 for f in report.extraction.fields.values())
    assert "未能进行 OCR" in report.findings[0].message_zh


def test_cache_by_file_hash_and_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = scanned_contract()
    cache = ocr.OcrCache(tmp_path / "cache")
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        first = ocr.ocr_words(doc[0], cache, "ab" * 32)
        assert ("ab" * 32, 0) in cache

        def no_engine(image: object) -> list[object]:
            raise AssertionError("the engine ran although the page was cached")

        monkeypatch.setattr(ocr, "recognise", no_engine)
        again = ocr.ocr_words(doc[0], cache, "ab" * 32)
    assert again == [ocr.OcrWord(round(w.x0, 2), round(w.y0, 2), round(w.x1, 2), round(w.y1, 2),
                                 w.text, w.confidence) for w in first]
    # A damaged entry is ignored, not trusted.
    path = next((tmp_path / "cache").rglob("*.json"))
    path.write_text("{not json", "utf-8")
    assert cache.get("ab" * 32, 0) is None


def test_reader_process_reports_each_page_and_can_be_cancelled(tmp_path: Path) -> None:
    data = scanned_contract(pages=2)
    pages: list[tuple[int, int]] = []
    with ParseWorker(Limits(), ocr_cache=tmp_path / "cache") as worker:
        report = worker.analyse("合同.pdf", data, on_page=lambda d, t: pages.append((d, t)))
        assert pages == [(1, 2), (2, 2)]
        assert report.ocr_pages == [0, 1]
        assert len(list((tmp_path / "cache").rglob("*.json"))) == 2

        class Stop(Exception):
            pass

        def cancel(done: int, total: int) -> None:
            raise Stop()

        other = scanned_contract(pages=2, seed=8)  # not cached: OCR really runs
        with pytest.raises(Stop):
            worker.analyse("合同2.pdf", other, on_page=cancel)
        # The interrupted process was dropped; the next file gets a fresh one.
        again = worker.analyse("合同.pdf", data)
        assert again.ocr_pages == [0, 1] and again.kind == "contract"


def test_scanned_contract_imported_has_ocr_fields_with_confidence(tmp_path: Path) -> None:
    from slq_desk.ingest.importer import import_package
    from slq_desk.models.schema import ExtractedField
    from slq_desk.workspace import Workspace

    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "扫描件.pdf").write_bytes(scanned_contract(pages=2))
    ws = Workspace.open(tmp_path / "ws")
    seen: list[str] = []
    try:
        # The importer's own reader process, with the workspace's OCR cache.
        result = import_package(ws, folder, policy="wuhan-2026",
                                progress=lambda done, total, text: seen.append(text))
        assert result.documents == 1
        assert any("OCR 1/2" in t for t in seen) and any("OCR 2/2" in t for t in seen)
        assert len(list((ws.path / ocr.CACHE_DIR).rglob("*.json"))) == 2
        with ws.session() as s:
            rows = {f.name: f for f in s.query(ExtractedField).all()}
        assert rows["total"].value == "346500.00"
        assert rows["total"].source == "ocr" and 50 <= rows["total"].confidence <= 100
        assert rows["buyer_name"].source == "ocr" and rows["buyer_name"].bbox is not None
    finally:
        ws.close()


def test_a_scan_stamped_with_a_line_of_text_is_still_read_by_ocr() -> None:
    with pymupdf.open(stream=scanned_contract(), filetype="pdf") as doc:
        doc[0].insert_text((40, 820), "扫描件 2026-04-08 第1页/共1页", fontname="china-s", fontsize=8)
        stamped = doc.tobytes()
    report = analyse_file("合同.pdf", stamped)
    assert report.ocr_pages == [0]
    assert report.extraction.fields["total"].value == "346500.00"
    # A page of real text with a picture on it is not a scan.
    born = text_page_pdf(CONTRACT_LINES)
    with pymupdf.open(stream=born, filetype="pdf") as doc:
        pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 50, 50), False)
        pix.clear_with(200)
        doc[0].insert_image(pymupdf.Rect(0, 0, 595, 842), pixmap=pix, overlay=False)
        mixed = doc.tobytes()
    assert analyse_file("合同.pdf", mixed).ocr_pages == []


def test_a_huge_scanned_page_is_rendered_small_enough() -> None:
    with pymupdf.open(stream=scanned_contract(), filetype="pdf") as src, pymupdf.open() as doc:
        page = doc.new_page(width=14_000, height=14_000)  # about 5 m square
        page.show_pdf_page(pymupdf.Rect(0, 0, 14_000, 14_000), src, 0)
        image, matrix = ocr.render(page)
        assert max(image.shape[:2]) <= ocr.MAX_SIDE_PX + 1
        words = ocr.ocr_words(page)
    assert all(0 <= w.x0 <= w.x1 <= 14_000 and 0 <= w.y0 <= w.y1 <= 14_000 for w in words)
