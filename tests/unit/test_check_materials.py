"""初审 materials rule: every document the policy requires is present."""

from __future__ import annotations

from slq_desk.checks.rules.materials import material_missing, materials_table
from tests.unit.check_builders import codes, contract, doc, form, invoice, params, payment, usage_log, view


def test_clean_wuhan_package_has_every_material() -> None:
    v = view()
    assert material_missing(v, params()) == []
    assert all(row["present"] for row in materials_table(v, params()))


def test_missing_commitment_letter_blocks_with_the_article() -> None:
    v = view(docs=[contract(), doc("authorisation_letter", "a.pdf"), invoice(), payment(),
                   usage_log(), doc("voucher_certificate", "v.pdf")])
    found = material_missing(v, params())
    assert codes(found) == ["material_missing"]
    assert found[0].severity == "block"
    assert "承诺函" in found[0].message_zh
    assert found[0].article == "第九条（一）2"


def test_an_unreadable_file_of_the_kind_counts_as_present() -> None:
    locked = doc("usage_log", "05-算力使用记录.pdf", readable=False)
    v = view(docs=[contract(), doc("commitment_letter", "c.pdf"), doc("authorisation_letter", "a.pdf"),
                   invoice(), payment(), locked, doc("voucher_certificate", "v.pdf")])
    assert material_missing(v, params()) == []


def test_forms_are_told_apart_by_type_and_alternatives_count() -> None:
    hunan = [doc("business_licence", "l.pdf"), doc("legal_rep_id", "id.pdf"), form("declaration"),
             contract(), invoice(),
             payment(), form("subsidy"), doc("usage_report", "r.pdf")]
    found = material_missing(view("hunan-2026", hunan), params("hunan-2026"))
    assert [f.message_en for f in found] == ["required material missing: compute usage filing form"]
    # Beijing accepts a payment proof in place of the invoice (附件14-1 四).
    beijing = [contract(), payment(), usage_log(), form("usage_table"),
               doc("implementation_report", "i.pdf"), doc("commitment_letter", "c.pdf"),
               doc("model_filing", "m.pdf"), doc("supplier_qualification", "q.pdf")]
    assert material_missing(view("beijing-2026", beijing), params("beijing-2026")) == []
