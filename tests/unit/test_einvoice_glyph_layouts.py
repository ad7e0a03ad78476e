"""E-invoices drawn glyph by glyph, as real OFD files are: indentation around a TextCode is XML
layout, not text; Kangxi radicals (⼀ for 一) are the ideographs; an id or a figure with a gap
read as a space ("91460300MAA92DJ N95", "¥57. 00") is still the id or figure. And the real
public invoices (tests/corpus/real_einvoices.json) are read field for field when present."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from slq_desk.ingest.analyse import analyse_file
from tests.support.einvoice_files import Invoice, einvoice_ofd
from tests.support.scanned import text_page_pdf

REAL = Path(__file__).resolve().parents[1] / "corpus" / "real_einvoices.json"


def _rewrite(ofd: bytes, edits: dict[str, list[tuple[str, str]]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ofd)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            for old, new in edits.get(info.filename, []):
                text = data.decode("utf-8")
                assert old in text, (info.filename, old)
                data = text.replace(old, new).encode("utf-8")
            dst.writestr(info.filename, data)
    return out.getvalue()


def test_pretty_printed_ofd_with_kangxi_radicals_is_read() -> None:
    inv = Invoice()
    ofd = _rewrite(einvoice_ofd(inv), {
        "Doc_0/Pages/Page_0/Content.xml": [
            (f">{inv.number}<", f">\n                    {inv.number}\n                <"),
            (f">{inv.buyer_id}<", f">\n                    {inv.buyer_id}\n                <")],
        "Doc_0/Tpls/Tpl_0/Content.xml": [("统一社会信用代码/纳税人", "统\u2f00社会信用代码/纳税\u2f08")],
    })
    fields = analyse_file("x.ofd", ofd).extraction.fields
    assert fields["invoice_number"].value == inv.number
    assert fields["buyer_id"].value == inv.buyer_id
    assert fields["seller_id"].value == inv.seller_id


def test_ids_and_figures_with_a_gap_are_whole() -> None:
    pdf = text_page_pdf([
        "电子发票（普通发票）      发票号码：24112000000048542163",
        "购买方统一社会信用代码/纳税人识别号：91460300MAA92DJ N95",
        "销售方统一社会信用代码/纳税人识别号：92522726MA7GNHJ 07M",
        "项目名称        数量      金额        税额",
        "*餐饮服务*餐饮服务    1    57.00      ***",
        "合计                       ¥57. 00    ***",
        "价税合计（大写）  伍拾柒圆整    （小写）¥57. 00",
    ], size=9.0)
    fields = analyse_file("x.pdf", pdf).extraction.fields
    assert fields["buyer_id"].value == "91460300MAA92DJN95"
    assert fields["seller_id"].value == "92522726MA7GNHJ07M"
    assert fields["amount"].value == "57.00"
    assert fields["total"].value == "57.00"


def _real() -> list[tuple[Path, dict[str, str]]]:
    spec = json.loads(REAL.read_text(encoding="utf-8"))
    folder = Path(os.environ.get(spec.get("samples_dir_env", ""), "") or spec["default_dir"])
    return [(folder / inv["file"], inv["fields"]) for inv in spec["invoices"]]


@pytest.mark.parametrize("path,expected", _real(), ids=lambda v: v.name if isinstance(v, Path) else "")
def test_real_public_einvoices_field_for_field(path: Path, expected: dict[str, str]) -> None:
    if not path.is_file():
        pytest.skip(f"{path} not present (third-party sample, outside the repo)")
    fields = analyse_file(path.name, path.read_bytes()).extraction.fields
    got = {name: fields[name].value if name in fields else None for name in expected}
    assert got == expected
