"""The second-author corpus builds, its truth points at real files, and its scans are scans.

Builds the whole corpus once into a temporary folder (about half a minute on a loaded machine)
and checks the corpus itself, not the extractor: every truth entry names a file that exists
(inside a folder or a GBK-named zip), every PDF opens, scanned pages carry no text layer while
the same kind of page unscanned does, identifiers carry valid check characters, and the
package facts add up.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from stdnum.cn import ric, uscc

from tests.corpus import build, load_truth
from tests.corpus.values import amount_in_words


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = build(tmp_path_factory.mktemp("corpus"))
    return out, load_truth(out)


def _read(out: Path, doc: dict[str, Any]) -> bytes:
    path = out / doc["path"]
    if "member" not in doc:
        return path.read_bytes()
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            assert not info.flag_bits & 0x800, "names must be stored without the UTF-8 flag"
            if info.filename.encode("cp437").decode("gbk") == doc["member"]:
                return z.read(info)
    raise AssertionError(f"{doc['member']} not in {doc['path']}")


def _docs(truth: dict[str, Any], fmt: str) -> Iterator[dict[str, Any]]:
    return (d for d in truth["documents"] if d["format"] == fmt)


def test_every_truth_entry_names_a_file_that_opens(corpus: tuple[Path, dict[str, Any]]) -> None:
    out, truth = corpus
    assert len(truth["packages"]) >= 11
    for doc in truth["documents"]:
        data = _read(out, doc)
        if doc["format"] == "pdf":
            with pymupdf.open(stream=data, filetype="pdf") as pdf:
                assert pdf.page_count == doc["pages"], doc["path"]
        elif doc["format"] == "ofd":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                assert "OFD.xml" in z.namelist()
                content = z.read("Doc_0/Pages/Page_0/Content.xml").decode("utf-8")
                assert doc["fields"]["invoice_number"] in content
        else:
            assert doc["fields"]["invoice_number"].encode() in data
    for pkg in truth["packages"]:
        assert (out / pkg["path"]).exists()
        paths = {(d["path"], d.get("member")) for d in truth["documents"] if d["package"] == pkg["id"]}
        assert paths == {(d["path"], d.get("member")) for d in pkg["documents"]}


def test_scanned_pages_have_no_text_layer(corpus: tuple[Path, dict[str, Any]]) -> None:
    out, truth = corpus
    scanned = [d for d in _docs(truth, "pdf") if d["scanned_pages"]]
    kinds = {d["kind"] for d in scanned}
    assert {"contract", "invoice", "legal_rep_id"} <= kinds
    assert any(d["kind"] == "contract" and d["scanned_fields"] for d in scanned)
    for doc in scanned:
        with pymupdf.open(stream=_read(out, doc), filetype="pdf") as pdf:
            for n in doc["scanned_pages"]:
                page = pdf[n - 1]
                assert page.get_text().strip() == "", (doc["path"], n)
                assert page.get_images(), (doc["path"], n)
    # The same templates unscanned do carry their values in the text layer.
    for doc in _docs(truth, "pdf"):
        if doc["scanned_pages"] or doc["kind"] not in ("contract", "invoice", "payment_receipt"):
            continue
        with pymupdf.open(stream=_read(out, doc), filetype="pdf") as pdf:
            text = "".join(p.get_text() for p in pdf)
        name = doc["fields"].get("buyer_name") or doc["fields"].get("payer_name")
        assert name and name in text, doc["path"]


def test_identifiers_are_valid(corpus: tuple[Path, dict[str, Any]]) -> None:
    _, truth = corpus
    seen = 0
    for doc in truth["documents"]:
        for key, value in doc["fields"].items():
            if key in ("buyer_id", "seller_id", "supplier_id", "applicant_id", "uscc"):
                assert uscc.is_valid(value), (doc["path"], key, value)
                seen += 1
            if key == "id_number":
                assert ric.calc_check_digit(value) == value[-1], (doc["path"], value)
                seen += 1
    assert seen > 100


def test_package_facts_add_up(corpus: tuple[Path, dict[str, Any]]) -> None:
    _, truth = corpus
    policies = {p["policy"] for p in truth["packages"]}
    assert policies == {"wuhan-2026", "dazhou-2026", "chengdu-2026", "hunan-2026", "beijing-2026"}
    for pkg in truth["packages"]:
        facts = pkg["facts"]
        assert facts["invoiced_total"] == facts["contract_total"] == facts["paid_total"], pkg["id"]
        assert Decimal(pkg["expected_subsidy"]) > 0 and pkg["explanation"]
        docs = [d for d in truth["documents"] if d["package"] == pkg["id"]]
        invoices = [d for d in docs if d["kind"] == "invoice" and d["format"] != "xml"]
        # An invoice delivered as OFD and XML is one invoice.
        numbers = {d["fields"]["invoice_number"] for d in invoices}
        total = sum(Decimal(d["fields"]["total"]) for d in {d["fields"]["invoice_number"]: d for d in invoices}.values())
        assert len(numbers) >= 1 and f"{total:.2f}" == facts["invoiced_total"], pkg["id"]
    for doc in truth["documents"]:
        if "total_in_words" in doc["fields"]:
            assert amount_in_words(Decimal(doc["fields"]["total"])) == doc["fields"]["total_in_words"]
