"""Reading single files: disguised, empty, page-less, encrypted, scanned, damaged."""

from __future__ import annotations

import pytest

from slq_desk.ingest.analyse import analyse_file
from tests.unit.ingest_samples import empty_pdf, encrypted_pdf, image_pdf, png_bytes, text_pdf


def _codes(name: str, data: bytes) -> tuple[bool, list[str]]:
    report = analyse_file(name, data)
    return report.readable, [f.code for f in report.findings]


@pytest.mark.parametrize("name,data,code", [
    ("发票.pdf", b"PK\x03\x04" + b"\0" * 40, "unsupported_file"),  # a zip named .pdf
    ("发票.pdf", b"", "pdf_broken"),
    ("发票.pdf", b"just some text", "pdf_broken"),
    ("合同.pdf", empty_pdf(), "pdf_broken"),  # a valid PDF with no pages
    ("合同.pdf", encrypted_pdf(), "pdf_encrypted"),
    ("说明.docx", b"PK\x03\x04" + b"\0" * 40, "unsupported_file"),
    ("readme.txt", b"hello", "unsupported_file"),
])
def test_unreadable_files_get_a_finding(name: str, data: bytes, code: str) -> None:
    readable, codes = _codes(name, data)
    assert not readable
    assert codes == [code]


def test_truncated_pdf_is_broken() -> None:
    data = text_pdf(["甲方：某公司"] * 40, title="算力服务合同", pages=3)
    readable, codes = _codes("合同.pdf", data[: len(data) * 2 // 3])
    assert not readable and codes == ["pdf_broken"]


def test_empty_user_password_opens() -> None:
    report = analyse_file("合同.pdf", encrypted_pdf(user_password=""))
    assert report.readable and report.encrypted


def test_scanned_page_is_reported_for_a_person() -> None:
    report = analyse_file("营业执照.pdf", image_pdf())
    assert report.readable and report.image_only_pages == [0]
    finding = report.findings[0]
    assert finding.code == "image_only_page" and "需人工核对" in finding.message_zh
    assert finding.page == 0 and finding.bbox is not None


def test_image_files_are_documents() -> None:
    report = analyse_file("营业执照.png", png_bytes())
    assert report.is_document and report.readable and report.pages == 1
    assert report.image_only_pages == [0]
    assert report.kind == "business_licence"  # from the file name


def test_as_json_shape() -> None:
    out = analyse_file("合同.pdf", text_pdf(["合同编号：HT-1"], title="算力服务合同")).as_json()
    assert set(out) >= {"file", "sha256", "kind", "confidence", "fields", "items", "findings"}
    assert out["fields"]["contract_number"]["value"] == "HT-1"
    assert out["fields"]["contract_number"]["page"] == 0
    assert len(out["fields"]["contract_number"]["bbox"]) == 4


def test_forced_kind() -> None:
    data = text_pdf(["合同编号：HT-1"], title="说明")
    assert analyse_file("x.pdf", data).kind == "other"
    report = analyse_file("x.pdf", data, kind="contract")
    assert (report.kind, report.confidence) == ("contract", 100)
    assert report.extraction.fields["contract_number"].value == "HT-1"


def test_an_extractor_bug_costs_the_fields_not_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import slq_desk.extract.kinds as kinds

    def broken(kind: str) -> object:
        def extract(text: object) -> object:
            raise IndexError("bug")
        return extract

    monkeypatch.setattr(kinds, "extractor_for", broken)
    report = analyse_file("合同.pdf", text_pdf(["合同编号：HT-1"], title="算力服务合同"))
    assert report.readable and report.kind == "contract"
    assert [f.code for f in report.findings] == ["extraction_failed"]
