"""OFD and XML e-invoices: sniffed by content, XML read exactly, OFD drawn to a PDF and read.

The invoices are written by ``tests/support/einvoice_files.py``; real public OFD invoices (from
the ofdrw project, Apache-2.0) are used too when ``/work/samples/ofd`` holds them (see its
README), and those tests skip otherwise.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pymupdf
import pytest

from slq_desk.extract import einvoice_xml as xml_reader
from slq_desk.extract.ofd import OfdError, ofd_to_pdf
from slq_desk.ingest import sniff
from slq_desk.ingest.analyse import analyse_file
from slq_desk.ingest.importer import import_package
from slq_desk.ingest.worker import InlineReader
from slq_desk.models.schema import Document, ExtractedField
from slq_desk.workspace import Workspace
from tests.support.einvoice_files import Invoice, einvoice_ofd, einvoice_xml

SAMPLES = Path("/work/samples/ofd")


def test_sniffing_by_content_not_name() -> None:
    assert sniff.sniff(einvoice_ofd()) == sniff.OFD
    assert sniff.sniff(einvoice_xml()) == sniff.XML
    assert sniff.sniff(b"\xef\xbb\xbf  <!-- c --> <EInvoice/>") == sniff.XML
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as zf:
        zf.writestr("a.txt", "x")
    assert sniff.sniff(plain_zip.getvalue()) == sniff.ZIP
    assert sniff.claimed("发票.OFD") == sniff.OFD and sniff.claimed("发票.xml") == sniff.XML


def test_xml_invoice_is_read_exactly() -> None:
    inv = xml_reader.read_invoice(einvoice_xml())
    assert inv.dialect == "EInvoice"
    assert inv.fields == {
        "invoice_number": "26420000000012345678", "issue_date": "2026-04-08",
        "seller_name": "湖北长江云计算有限公司", "seller_id": "91420100MA4K2L3X6A",
        "buyer_name": "武汉星河智算科技有限公司", "buyer_id": "91420100MA4K2L3X57",
        "amount": "326886.79", "tax": "19613.21", "total": "346500.00",
        "total_in_words": "叁拾肆万陆仟伍佰圆整", "invoice_type": "32"}
    assert inv.items == [{"name": "*信息技术服务*算力服务", "spec": "昇腾910B", "unit": "卡时",
                          "quantity": "50000", "unit_price": "6.537735849", "amount": "326886.79",
                          "tax_rate": "6%", "tax": "19613.21"}]


def test_xml_invoice_through_the_reader_has_evidence_on_its_display_pdf() -> None:
    report = analyse_file("x.xml", einvoice_xml())
    assert report.readable and report.media_type == sniff.XML
    assert (report.kind, report.confidence) == ("invoice", 100)
    assert report.display_pdf is not None and report.findings == []
    total = report.extraction.fields["total"]
    assert total.source == "xml" and total.value == "346500.00" and total.page == 0
    assert total.bbox is not None
    with pymupdf.open(stream=report.display_pdf, filetype="pdf") as doc:
        shown = doc[0].get_textbox(pymupdf.Rect(total.bbox) + (-1, -1, 1, 1))
    assert "346500.00" in shown
    item = report.extraction.items[0]
    assert item["amount"].value == "326886.79" and item["amount"].source == "xml"


@pytest.mark.parametrize("data", [
    # XXE: an external entity must never be fetched or expanded.
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<EInvoice><TaxSupervisionInfo><InvoiceNumber>&x;</InvoiceNumber></TaxSupervisionInfo></EInvoice>",
    # A billion laughs.
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]><EInvoice>&c;</EInvoice>',
    b"<EInvoice><unclosed></EInvoice>",
    b'<?xml version="1.0"?><Catalogue><Book/></Catalogue>',
])
def test_hostile_or_foreign_xml_is_refused_plainly(data: bytes) -> None:
    report = analyse_file("发票.xml", data)
    assert not report.readable
    assert [f.code for f in report.findings] == ["unsupported_file"]
    assert "passwd" not in json.dumps(report.as_json()) and "root:" not in report.findings[0].message_en


def test_ofd_invoice_is_drawn_and_read_like_a_pdf() -> None:
    inv = Invoice()
    converted = ofd_to_pdf(einvoice_ofd(inv))
    assert converted.pages == 1 and converted.custom["发票号码"] == inv.number
    with pymupdf.open(stream=converted.pdf, filetype="pdf") as doc:
        page = doc[0]
        assert page.rect.width == pytest.approx(210 * 72 / 25.4)
        text = page.get_text()
        # Template labels and page values are both there, each where the OFD put it.
        assert "价税合计" in text and inv.buyer in text.replace("\n", "")
        hits = page.search_for(inv.number)
        assert hits and hits[0].x0 == pytest.approx(157 * 72 / 25.4, abs=1)
    report = analyse_file("x.ofd", einvoice_ofd(inv))
    assert report.readable and report.media_type == sniff.OFD and report.kind == "invoice"
    fields = report.extraction.fields
    assert fields["invoice_number"].value == inv.number
    assert fields["total"].value == inv.total and fields["total"].page == 0
    assert report.display_pdf is not None


def test_ofd_attached_xml_fills_what_the_page_did_not_show() -> None:
    attached = einvoice_xml(Invoice())
    page_without_tax = einvoice_ofd(Invoice(tax=""),
                                    extra={"Doc_0/Attachs/original_invoice.xml": attached})
    report = analyse_file("x.ofd", page_without_tax)
    fields = report.extraction.fields
    assert fields["invoice_number"].source == "extracted"  # read off the page, with its box
    assert (fields["tax"].value, fields["tax"].source, fields["tax"].page) == ("19613.21", "xml", None)
    without = analyse_file("x.ofd", einvoice_ofd(Invoice(tax="")))
    assert "tax" not in without.extraction.fields


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", b"<OFD/>")
        zf.writestr("Doc_0/Pages/Page_0/Content.xml", b" " * (60 * 1024 * 1024))
    return buf.getvalue()


@pytest.mark.parametrize("data,why", [
    (_bomb(), "zip bomb"),
    (einvoice_ofd(extra={}).replace(b"OFD.xml", b"XXX.xml"), "no OFD.xml"),
])
def test_hostile_ofd_costs_only_itself(data: bytes, why: str) -> None:
    report = analyse_file("发票.ofd", data)
    assert not report.readable, why
    assert [f.code for f in report.findings] in (["pdf_broken"], ["unsupported_file"])


def test_ofd_with_an_entity_is_refused() -> None:
    data = einvoice_ofd()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "Doc_0/Document.xml":
                doctype = b'<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
                body = body.replace(b"<ofd:Document", doctype + b"<ofd:Document", 1)
            dst.writestr(info.filename, body)
    with pytest.raises(OfdError):
        ofd_to_pdf(buf.getvalue())
    report = analyse_file("发票.ofd", buf.getvalue())
    assert [f.code for f in report.findings] == ["pdf_broken"]


def test_import_keeps_the_original_and_shows_the_pdf(tmp_path: Path) -> None:
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "发票.ofd").write_bytes(einvoice_ofd())
    (folder / "发票.xml").write_bytes(einvoice_xml())
    ws = Workspace.open(tmp_path / "ws")
    try:
        result = import_package(ws, folder, policy="wuhan-2026", reader=InlineReader())
        assert result.documents == 2
        with ws.session() as s:
            docs = {d.original_name: d for d in s.query(Document).all()}
            for name, media in (("发票.ofd", sniff.OFD), ("发票.xml", sniff.XML)):
                doc = docs[name]
                assert doc.media_type == media and doc.kind == "invoice"
                original = ws.blob_path(doc.sha256).read_bytes()
                assert original == (folder / name).read_bytes()
                shown = (ws.path / doc.stored_path).read_bytes()
                assert shown.startswith(b"%PDF-")
            xml_total = s.query(ExtractedField).filter_by(
                document_id=docs["发票.xml"].id, name="total").one()
            assert (xml_total.value, xml_total.source) == ("346500.00", "xml")
    finally:
        ws.close()


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="real OFD samples not present (see README)")
@pytest.mark.parametrize("name,number,total,buyer_id", [
    ("ofdrw-SignScaleError.ofd", "99934328", "11.20", "913202133140424571"),
    ("ofdrw-1.ofd", "83089647", "526.00", "91320115MA202UKD7X"),
    ("ofdrw-20240531141733.ofd", "24112000000048542163", "4449.00", None),
])
def test_real_public_ofd_invoices(name: str, number: str, total: str, buyer_id: str | None) -> None:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"{name} not present")
    report = analyse_file(name, path.read_bytes())
    assert report.readable and report.kind == "invoice"
    fields = report.extraction.fields
    assert fields["invoice_number"].value == number
    assert fields["total"].value == total
    if buyer_id:
        assert fields["buyer_id"].value == buyer_id


XML_SAMPLES = Path("/work/samples/xml")


@pytest.mark.skipif(not XML_SAMPLES.is_dir(), reason="real XML samples not present (see README)")
@pytest.mark.parametrize("name,dialect,expected", [
    ("ofdrw-1-original_invoice.xml", "eInvoice", {
        "invoice_number": "83089647", "invoice_code": "033002000211", "issue_date": "2020-07-23",
        "seller_id": "92330781MA2EDMFU50", "buyer_id": "91320115MA202UKD7X",
        "amount": "510.68", "tax": "15.32", "total": "526.00"}),
    ("ofdrw-SignScaleError-xbrl.xml", "xbrl", {
        "invoice_number": "99934328", "issue_date": "2022-09-01", "seller_name": "杭州融运科技有限公司",
        "buyer_id": "913202133140424571", "amount": "9.91", "tax": "1.29", "total": "11.20"}),
])
def test_real_public_invoice_xml(name: str, dialect: str, expected: dict[str, str]) -> None:
    path = XML_SAMPLES / name
    if not path.is_file():
        pytest.skip(f"{name} not present")
    inv = xml_reader.read_invoice(path.read_bytes())
    assert inv.dialect == dialect
    assert {k: inv.fields.get(k) for k in expected} == expected
    report = analyse_file(name, path.read_bytes())
    assert report.kind == "invoice" and report.extraction.fields["total"].source == "xml"
