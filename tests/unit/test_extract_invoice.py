"""Invoices drawn in the tests (not by the demo generator): fields, items, cross-checks."""

from __future__ import annotations

import pymupdf
import pytest

from slq_desk.ingest.analyse import analyse_file
from tests.unit.ingest_samples import InvoiceSpec, invoice_pdf, valid_uscc


def _read(spec: InvoiceSpec) -> tuple[dict[str, str], list[dict[str, str]], list[str], object]:
    report = analyse_file("发票.pdf", invoice_pdf(spec))
    fields = {k: v.value for k, v in report.extraction.fields.items()}
    items = [{k: v.value for k, v in item.items()} for item in report.extraction.items]
    return fields, items, [f.code for f in report.findings], report


@pytest.mark.parametrize("variant", ["plain", "spaced", "old"])
def test_fields_and_items(variant: str) -> None:
    spec = InvoiceSpec(spaced_labels=variant == "spaced", fullwidth_yuan=variant == "spaced",
                       old_style=variant == "old",
                       qr=None if variant == "old" else InvoiceSpec().qr)
    fields, items, codes, report = _read(spec)
    assert report.kind == "invoice"  # type: ignore[attr-defined]
    assert fields["invoice_number"] == spec.number
    assert fields["issue_date"] == "2026-02-01"
    assert fields["buyer_name"] == spec.buyer and fields["buyer_id"] == spec.buyer_id
    assert fields["seller_name"] == spec.seller and fields["seller_id"] == spec.seller_id
    assert (fields["amount"], fields["tax"], fields["total"]) == (spec.amount, spec.tax, spec.total)
    assert fields["total_in_words"] == spec.words
    assert fields["invoice_type"] == ("10" if variant == "old" else "32")
    if variant == "old":
        assert fields["invoice_code"] == "042001900111"
        assert fields["check_code"] == "12345678901234567890"
    assert len(items) == 2
    # The long name wraps over two baselines in its cell and is joined again, as printed.
    assert items[0]["name"] == "*信息技术服务*算力租赁服务（昇腾910B智算集群，按卡时计费）"
    assert items[0] == {**items[0], "spec": "昇腾910B", "unit": "卡时", "quantity": "1000",
                        "unit_price": "12.50", "amount": "12500.00", "tax_rate": "6%",
                        "tax": "750.00"}
    assert items[1]["unit_price"] == "50" and items[1]["amount"] == "100.00"
    assert codes == []


def test_evidence_boxes_point_at_the_printed_value() -> None:
    data = invoice_pdf(InvoiceSpec())
    report = analyse_file("发票.pdf", data)
    page = pymupdf.open(stream=data)[0]
    for name in ("invoice_number", "buyer_name", "total", "amount"):
        field = report.extraction.fields[name]
        assert field.page == 0 and field.bbox is not None
        text = page.get_textbox(pymupdf.Rect(field.bbox) + (-0.5, -0.5, 0.5, 0.5))
        assert field.value.replace(".00", "") in text.replace(",", "").replace("¥", "")


def test_words_that_disagree_with_the_figure() -> None:
    fields, _items, codes, report = _read(InvoiceSpec(words="壹万叁仟叁佰伍拾伍圆整"))
    assert "amount_words_mismatch" in codes
    finding = next(f for f in report.findings if f.code == "amount_words_mismatch")  # type: ignore[attr-defined]
    assert finding.severity == "block" and finding.bbox is not None
    assert "13355.00" in finding.message_en and "13356.00" in finding.message_en


def test_qr_code_cross_check() -> None:
    _f, _i, codes, _r = _read(InvoiceSpec())
    assert "qr_mismatch" not in codes
    _f, _i, codes, report = _read(InvoiceSpec(qr="01,32,,26422000000099999999,99.00,20260201,,X"))
    assert "qr_mismatch" in codes
    finding = next(f for f in report.findings if f.code == "qr_mismatch")  # type: ignore[attr-defined]
    assert "number" in finding.message_en and "amount" in finding.message_en
    assert "date" not in finding.message_en


def test_older_invoice_qr_carries_the_amount_before_tax() -> None:
    spec = InvoiceSpec(old_style=True, qr="01,10,042001900111,26422000000012345678,12600.00,20260201,12345678901234567890,AB12")
    _f, _i, codes, _r = _read(spec)
    assert "qr_mismatch" not in codes
    spec.qr = "01,10,042001900111,26422000000012345678,13356.00,20260201,12345678901234567890,AB12"
    _f, _i, codes, _r = _read(spec)
    assert "qr_mismatch" in codes


def test_wrong_uscc_check_character_and_sums() -> None:
    good = valid_uscc("91420100MA4K00001")
    bad = good[:-1] + ("1" if good[-1] != "1" else "2")
    fields, _i, codes, _r = _read(InvoiceSpec(buyer_id=bad, amount="12500.00", total="13256.00",
                                              words="壹万叁仟贰佰伍拾陆圆整", qr=None))
    assert fields["buyer_id"] == bad
    assert "uscc_invalid" in codes
    assert "invoice_items_mismatch" in codes  # lines add up to 12600.00
    assert "invoice_sum_mismatch" not in codes  # 12500 + 756 = 13256


def test_vector_drawn_qr_code_is_found_by_rendering() -> None:
    import io

    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.pdfgen.canvas import Canvas

    from slq_desk.extract.qr import decode_page

    widget = QrCodeWidget("01,32,,26422000000012345678,13356.00,20260201,,A1B2")
    drawing = Drawing(80, 80)
    drawing.add(widget)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(680, 420))
    renderPDF.draw(drawing, c, 20, 320)
    c.showPage()
    c.save()
    codes = decode_page(pymupdf.open(stream=buf.getvalue()), 0)
    assert [text for text, _box in codes] == ["01,32,,26422000000012345678,13356.00,20260201,,A1B2"]
    box = codes[0][1]
    assert box is not None and 15 < box[0] < 40 and box[1] < 110  # top left, in PDF points


def test_role_labels_win_over_reading_order() -> None:
    from tests.unit.ingest_samples import text_pdf

    seller_id, buyer_id = valid_uscc("91420100MA4K00002"), valid_uscc("91420100MA4K00001")
    data = text_pdf(["发票号码：12345678", "开票日期：2026年01月01日",
                     "销售方名称：湖北云算力服务有限公司", f"销售方纳税人识别号：{seller_id}",
                     "购买方名称：武汉智算科技有限公司", f"购买方纳税人识别号：{buyer_id}"],
                    title="电子发票（普通发票）")
    report = analyse_file("发票.pdf", data)
    f = {k: v.value for k, v in report.extraction.fields.items()}
    assert (f["buyer_name"], f["buyer_id"]) == ("武汉智算科技有限公司", buyer_id)
    assert (f["seller_name"], f["seller_id"]) == ("湖北云算力服务有限公司", seller_id)


def test_a_sum_row_whose_label_lost_a_character_to_ocr() -> None:
    """OCR can read 合计 as 合 alone: the row before ¥ figures is still the 合计 row, not an
    item (issue 13: a scanned older invoice lost its amount and tax)."""
    from slq_desk.extract.invoice import _SUM_LABEL

    assert _SUM_LABEL.search("合\t¥16800.00\t¥1008.00")
    assert _SUM_LABEL.search("合 计\t¥16800.00")
    assert not _SUM_LABEL.search("合同编号 ¥")
    assert not _SUM_LABEL.search("合作方\t¥100.00")
