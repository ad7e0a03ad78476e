"""The generated demo packages: PDFs say what expected.json says, amounts agree to the fen,
every flaw code is planted, broken files are broken in the declared way."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from stdnum.cn import uscc

from slq_desk.demo.amount_words import amount_in_words
from slq_desk.demo.rendered import wan
from slq_desk.money import ZERO, D, to_fen

FLAW_CODES = {
    "material_missing", "buyer_mismatch", "invoice_payment_mismatch", "excluded_service", "outside_window",
    "uscc_invalid", "duplicate_invoice", "related_party", "price_above_market", "image_only_page",
    "pdf_encrypted", "pdf_broken", "amount_words_mismatch",
}
POLICIES = {"wuhan-2026", "dazhou-2026", "chengdu-2026", "hunan-2026", "beijing-2026"}
WINDOWS = {"hunan-2026": (date(2025, 10, 27), date(2028, 10, 26)), "beijing-2026": (date(2025, 9, 8), date(2026, 3, 31))}
# Fields whose value is a code, not text printed on the page.
NOT_PRINTED = {"domestic", "other_subsidy_clause", "form_type", "sme", "invoice_type", "service", "direction"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]], dict[str, dict[str, Any]]]:
    from slq_desk.demo.generate import generate_packages

    out = tmp_path_factory.mktemp("demo")
    index = generate_packages(out, seed=7)
    expected = {str(e["id"]): json.loads((out / str(e["expected"])).read_text(encoding="utf-8")) for e in index}
    return out, index, expected


def _text(path: Path, password: str | None = None) -> str:
    with pymupdf.open(path) as doc:
        if password:
            assert doc.authenticate(password)
        raw = "\n".join(page.get_text(sort=True) for page in doc)
    return unicodedata.normalize("NFKC", raw).replace(",", "")


def _forms(name: str, value: str, kind: str) -> list[str]:
    """The ways a true value may be printed."""
    forms = [unicodedata.normalize("NFKC", value)]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        d = date.fromisoformat(value)
        forms += [f"{d.year}年{d.month:02d}月{d.day:02d}日", f"{d.year}年{d.month}月{d.day}日"]
    if name == "check_code":  # printed in groups of five, as on paper
        forms.append(" ".join(value[i:i + 5] for i in range(0, len(value), 5)))
    if kind == "application_form" and name == "requested_amount":
        forms = [wan(D(value))]
    return forms


def _docs(expected: dict[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(pid, doc) for pid, exp in expected.items() for doc in exp["documents"]]


def test_index_covers_all_policies_and_files_exist(demo: Any) -> None:
    out, index, expected = demo
    assert {e["policy"] for e in index} == POLICIES
    for policy in POLICIES:
        ids = [e for e in index if e["policy"] == policy]
        assert any(not e["flaws"] for e in ids), f"{policy}: no clean package"
        assert sum(1 for e in ids if e["flaws"]) >= 2, f"{policy}: fewer than two flawed packages"
    for entry in index:
        folder = out / entry["path"]
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        exp = expected[entry["id"]]
        assert manifest["policy"] == entry["policy"] == exp["policy"]
        assert manifest["applicant"] == {"name": exp["application"]["applicant"]["name"],
                                         "uscc": exp["application"]["applicant"]["uscc"]}
        assert sorted(p.name for p in folder.glob("*.pdf")) == sorted(d["file"] for d in exp["documents"])
        assert not list(folder.glob("*expected*")), "the truth must stay outside the package"


def test_every_flaw_code_is_planted(demo: Any) -> None:
    _, index, expected = demo
    planted = Counter(code for e in index for code in e["flaws"])
    assert set(planted) == FLAW_CODES
    assert planted["duplicate_invoice"] >= 2
    for pid, exp in expected.items():
        files = {d["file"] for d in exp["documents"]}
        for flaw in exp["flaws"]:
            assert flaw["code"] in FLAW_CODES
            assert flaw["detail"]
            assert flaw["file"] is None or flaw["file"] in files, (pid, flaw)


def test_readable_pdfs_contain_the_expected_values(demo: Any) -> None:
    out, _, expected = demo
    checked = 0
    for pid, doc in _docs(expected):
        if not doc["readable"] or doc["image_only_pages"]:
            continue
        text = _text(out / pid / doc["file"])
        with pymupdf.open(out / pid / doc["file"]) as pdf:
            assert pdf.page_count == doc["pages"]
        values = [(k, v) for k, v in doc["fields"].items() if k not in NOT_PRINTED]
        values += [(k, v) for item in doc["items"] for k, v in item.items() if k not in NOT_PRINTED]
        for name, value in values:
            assert any(form in text for form in _forms(name, value, doc["kind"])), \
                f"{pid}/{doc['file']}: {name}={value!r} not in the text layer"
            checked += 1
    assert checked > 1000


def test_cjk_font_is_embedded(demo: Any) -> None:
    out, _, expected = demo
    for pid, doc in _docs(expected)[:40]:
        if not doc["readable"] or doc["image_only_pages"]:
            continue
        with pymupdf.open(out / pid / doc["file"]) as pdf:
            fonts = {f[3]: f[1] for page in pdf for f in page.get_fonts()}
        assert fonts, doc["file"]
        assert all(ext != "n/a" for ext in fonts.values()), (doc["file"], fonts)
        assert any("Droid" in name for name in fonts)


def test_invoices_add_up_and_show_correct_words(demo: Any) -> None:
    _, _, expected = demo
    seen = 0
    for pid, doc in _docs(expected):
        if doc["kind"] != "invoice" or not doc["readable"]:
            continue
        f, items = doc["fields"], doc["items"]
        assert sum((D(i["amount"]) for i in items), ZERO) == D(f["amount"])
        assert sum((D(i["tax"]) for i in items), ZERO) == D(f["tax"])
        assert D(f["amount"]) + D(f["tax"]) == D(f["total"])
        for i in items:
            assert to_fen(D(i["amount"]) * Decimal("0.06")) == D(i["tax"])
            assert to_fen(D(i["quantity"]) * D(i["unit_price"])) == D(i["amount"])
        flawed = any(fl["code"] == "amount_words_mismatch" and fl["file"] == doc["file"]
                     for fl in expected[pid]["flaws"])
        assert (f["total_in_words"] == amount_in_words(D(f["total"]))) is not flawed, (pid, doc["file"])
        if f["invoice_type"] == "10":
            assert re.fullmatch(r"\d{12}", f["invoice_code"]) and re.fullmatch(r"\d{8}", f["invoice_number"])
            assert re.fullmatch(r"\d{20}", f["check_code"])
        else:
            assert re.fullmatch(r"\d{20}", f["invoice_number"])
        seen += 1
    assert seen >= 25


def test_invoice_qr_codes_decode_to_the_invoice(demo: Any) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    out, _, expected = demo
    types = set()
    for pid, doc in _docs(expected):
        if doc["kind"] != "invoice" or not doc["readable"] or doc["fields"]["invoice_type"] in types:
            continue
        f = doc["fields"]
        types.add(f["invoice_type"])
        with pymupdf.open(out / pid / doc["file"]) as pdf:
            pix = pdf[0].get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
        image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
        payloads = [r.text for r in zxingcpp.read_barcodes(image)]
        assert len(payloads) == 1, payloads
        parts = payloads[0].split(",")
        day = f["issue_date"].replace("-", "")
        if f["invoice_type"] == "10":
            assert parts[:7] == ["01", "10", f["invoice_code"], f["invoice_number"], f["amount"], day, f["check_code"]]
        else:
            assert parts[:7] == ["01", f["invoice_type"], "", f["invoice_number"], f["total"], day, ""]
    assert {"31", "32", "10"} <= types


def test_application_matches_the_documents(demo: Any) -> None:
    _, _, expected = demo
    for pid, exp in expected.items():
        app = exp["application"]
        assert app["id"] == pid and app["policy"] == exp["policy"]
        contract = next(d for d in exp["documents"] if d["kind"] == "contract")["fields"]
        own_invoices = [d for d in exp["documents"] if d["kind"] == "invoice" and d["readable"]
                        and not any(fl["code"] == "duplicate_invoice" and fl["file"] == d["file"]
                                    and "已在" in fl["detail"] for fl in exp["flaws"])]
        lines = app["lines"]
        assert app["contracts"][0]["total"] == contract["total"]
        assert sum((D(line["amount"]) + D(line["tax"]) for line in lines), ZERO) == D(contract["total"])
        assert sum((D(d["fields"]["total"]) for d in own_invoices), ZERO) == D(contract["total"])
        compute = next(line for line in lines if line["service"] == "compute")
        assert compute["domestic"] == (contract["domestic"] == "true")
        assert compute["period_start"] == contract["term_start"] and compute["period_end"] == contract["term_end"]
        log = next((d for d in exp["documents"] if d["kind"] == "usage_log" and d["readable"]), None)
        if log:
            assert sum(int(i["card_hours"]) for i in log["items"]) == int(log["fields"]["card_hours"]) \
                == int(contract["card_hours"])
            assert sum((D(i["amount"]) for i in log["items"]), ZERO) == D(log["fields"]["amount"]) == D(compute["amount"])
            window = WINDOWS.get(exp["policy"])
            if compute["in_window_amount"] is not None:
                assert window is not None
                inside = sum((D(i["amount"]) for i in log["items"]
                              if window[0] <= date.fromisoformat(i["date"]) <= window[1]), ZERO)
                assert D(compute["in_window_amount"]) == inside < D(compute["amount"])
        for key in ("amount", "tax"):
            assert re.fullmatch(r"\d+\.\d{2}", compute[key])
        if exp["policy"] == "beijing-2026":
            table = next(d for d in exp["documents"] if d["kind"] == "application_form")["fields"]
            assert table["form_type"] == "usage_table"
            assert app["direction"] in (1, 2, 3, 4) and table["direction"] == str(app["direction"])
        else:
            assert app["direction"] is None
        assert isinstance(app["applicant"]["sme"], bool)


def test_service_windows_hold_where_intended(demo: Any) -> None:
    _, _, expected = demo
    for pid, exp in expected.items():
        window = WINDOWS.get(exp["policy"])
        if window is None:
            continue
        contract = next(d for d in exp["documents"] if d["kind"] == "contract")["fields"]
        start, end = date.fromisoformat(contract["term_start"]), date.fromisoformat(contract["term_end"])
        inside = window[0] <= start and end <= window[1]
        flagged = any(fl["code"] == "outside_window" for fl in exp["flaws"])
        assert inside is not flagged, pid


def test_usccs_are_valid_except_the_planted_one(demo: Any) -> None:
    _, _, expected = demo
    invalid_seen = 0
    for pid, exp in expected.items():
        planted = any(fl["code"] == "uscc_invalid" for fl in exp["flaws"])
        applicant = exp["application"]["applicant"]["uscc"]
        assert uscc.is_valid(applicant) is not planted, pid
        invalid_seen += planted
        for doc in exp["documents"]:
            for key in ("supplier_id", "seller_id"):
                if key in doc["fields"]:
                    assert uscc.is_valid(doc["fields"][key]), (pid, doc["file"], key)
    assert invalid_seen == 1


def test_flaws_are_visible_in_the_truth(demo: Any) -> None:
    _, _, expected = demo
    numbers: dict[str, set[str]] = {}
    for pid, exp in expected.items():
        codes = {fl["code"] for fl in exp["flaws"]}
        app = exp["application"]
        invoices = [d for d in exp["documents"] if d["kind"] == "invoice" and d["readable"]]
        for d in invoices:
            numbers.setdefault(d["fields"]["invoice_number"], set()).add(pid)
        buyers_ok = all(d["fields"]["buyer_name"] == app["applicant"]["name"] for d in invoices)
        assert buyers_ok is ("buyer_mismatch" not in codes), pid
        excluded = any(i["name"] in ("*信息技术服务*存储服务", "*信息技术服务*网络带宽服务")
                       for d in invoices for i in d["items"])
        assert excluded is ("excluded_service" in codes), pid
        payments = [d for d in exp["documents"] if d["kind"] == "payment_receipt"]
        if all(d["readable"] for d in payments):
            paid = sum((D(d["fields"]["amount"]) for d in payments), ZERO)
            billed = sum((D(d["fields"]["total"]) for d in invoices), ZERO)
            assert (paid == billed) is ("invoice_payment_mismatch" not in codes), pid
        holders = {i["name"] for d in exp["documents"] if d["kind"] == "application_form" for i in d["items"]}
        contract = next(d for d in exp["documents"] if d["kind"] == "contract")["fields"]
        assert (contract["supplier_name"] in holders) is ("related_party" in codes), pid
    duplicated = {n: ids for n, ids in numbers.items() if len(ids) > 1}
    flagged = {pid for pid, exp in expected.items() if any(fl["code"] == "duplicate_invoice" for fl in exp["flaws"])}
    assert duplicated and set().union(*duplicated.values()) == flagged


def test_unreadable_files_fail_as_declared(demo: Any) -> None:
    out, _, expected = demo
    kinds = Counter()
    for pid, doc in _docs(expected):
        path = out / pid / doc["file"]
        if doc["encrypted"]:
            kinds["encrypted"] += 1
            assert not doc["readable"] and doc["fields"] == {}
            with pymupdf.open(path) as pdf:
                assert pdf.needs_pass
                assert not pdf.authenticate("wrong")
            assert len(_text(path, doc["password"])) > 100
        elif not doc["readable"]:
            kinds["broken"] += 1
            assert doc["fields"] == {}
            data = path.read_bytes()
            assert data.startswith(b"%PDF-") and b"%%EOF" not in data[-64:]
            try:
                with pymupdf.open(path) as pdf:
                    text = "".join(page.get_text() for page in pdf)
            except Exception:
                continue
            assert "付款" not in text  # whatever a repairing reader salvages, it is not the receipt
        elif doc["image_only_pages"]:
            kinds["scanned"] += 1
            with pymupdf.open(path) as pdf:
                for number in doc["image_only_pages"]:
                    page = pdf[number - 1]
                    assert page.get_text().strip() == ""
                    assert page.get_images()
    assert kinds == Counter({"encrypted": 1, "broken": 1, "scanned": 1})
