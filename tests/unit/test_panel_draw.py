"""The expert pool and the draw: recusal against the applicant, its shareholders, legal
representative and suppliers from the extracted facts; reproducible from the seed; audited;
manual substitution only by an eligible expert and with a reason."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import select

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.schema import AuditEvent, Document, ExtractedField
from slq_desk.panel.demo import add_applications
from slq_desk.panel.draw import (
    current_members,
    draw,
    get_draw,
    latest_panel,
    load_pool,
    redraw_check,
    substitute,
)
from slq_desk.workspace import Workspace

POOL = """
[[expert]]
name = "甲"
organisation = "湖南大学"
fields = ["人工智能"]

[[expert]]
name = "乙"
organisation = "长沙星算智能科技有限公司"   # works for an applicant

[[expert]]
name = "丙"
organisation = "中南大学"
[expert.ties]
shareholdings = ["湖南 云图 算力（长沙）有限公司"]  # a supplier, written with spaces

[[expert]]
name = "丁"
organisation = "国防科技大学"
[expert.ties]
relatives_companies = ["湘江投资有限公司"]  # a shareholder of an applicant

[[expert]]
name = "戊"
organisation = "湖南省财政科学研究所"

[[expert]]
name = "刘洋"
organisation = "湖南师范大学"  # the legal representative of an applicant

[[expert]]
name = "己"
organisation = "湘潭大学"
[expert.ties]
employers = ["某无关公司"]
"""


@pytest.fixture()
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    w = Workspace.open(tmp_path / "ws")
    ids = add_applications(w, 5, tmp_path / "pkgs")
    with w.session() as s:
        doc = s.scalars(select(Document).where(Document.application_id == ids[1])).first()
        assert doc is not None
        s.add_all([
            ExtractedField(document_id=doc.id, name="supplier_name",
                           value="湖南云图算力(长沙)有限公司"),
            ExtractedField(document_id=doc.id, name="legal_representative", value="刘洋"),
            ExtractedField(document_id=doc.id, name="item.name", item_index=0,
                           value="湘江投资有限公司"),
            ExtractedField(document_id=doc.id, name="item.share", item_index=0, value="60"),
            # an invoice line: a name without a share is no shareholder
            ExtractedField(document_id=doc.id, name="item.name", item_index=1, value="湘潭大学"),
            # a corrected value is the one screened
            ExtractedField(document_id=doc.id, name="seller_name", value="误读公司",
                           corrected_value="湘江云脑信息技术有限公司", corrected_by="官员"),
        ])
    return w


def test_pool_reading(tmp_path: Path) -> None:
    p = tmp_path / "pool.toml"
    p.write_text(POOL, encoding="utf-8")
    experts = load_pool(p)
    assert [e.name for e in experts] == ["甲", "乙", "丙", "丁", "戊", "刘洋", "己"]
    assert experts[2].shareholdings == ("湖南 云图 算力（长沙）有限公司",)
    c = tmp_path / "pool.csv"
    c.write_text("name,organisation,fields,employers,shareholdings\n"
                 "甲,湖南大学,人工智能；算力,,\n乙,中南大学,,A公司;B公司,C公司\n", encoding="utf-8")
    csv_experts = load_pool(c)
    assert csv_experts[0].fields == ("人工智能", "算力")
    assert csv_experts[1].employers == ("A公司", "B公司")
    dup = tmp_path / "dup.toml"
    dup.write_text('[[expert]]\nname = "甲"\n[[expert]]\nname = "甲"\n', encoding="utf-8")
    with pytest.raises(BadInput, match="重复"):
        load_pool(dup)
    bad_cert = tmp_path / "cert.toml"
    bad_cert.write_text('[[expert]]\nname = "甲"\ncertificate = "missing.pem"\n', encoding="utf-8")
    with pytest.raises(BadInput, match="证书"):
        load_pool(bad_cert)


def test_recusal_reasons_and_reproducible_draw(ws: Workspace, tmp_path: Path) -> None:
    p = tmp_path / "pool.toml"
    p.write_text(POOL, encoding="utf-8")
    experts = load_pool(p)
    with ws.session() as s:
        from slq_desk.models.schema import Application

        apps = list(s.scalars(select(Application.id).order_by(Application.id)))
        result = draw(s, "组长", experts, "第一批", 2, apps, seed=20261203)
        assert set(result.excluded) == {"乙", "丙", "丁", "刘洋"}
        assert "申报单位 长沙星算智能科技有限公司" in result.excluded["乙"][0]
        assert "供应商" in result.excluded["丙"][0] and "持股企业" in result.excluded["丙"][0]
        assert "股东 湘江投资有限公司" in result.excluded["丁"][0]
        assert any("法定代表人" in r for r in result.excluded["刘洋"])
        # 己's employer matches nothing; the invoice line 湘潭大学 is no shareholder
        assert "己" not in result.excluded
        # the same seed over the eligible experts sorted by name gives the same panel
        expected = random.Random(20261203).sample(sorted(["甲", "戊", "己"]), 2)
        assert list(result.drawn) == expected
        row = get_draw(s)
        assert redraw_check(row) == result.drawn and row.seed == "20261203"
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "panel.draw")))
        assert len(events) == 1 and audit.verify(s).ok
        with pytest.raises(BadInput, match="少于"):
            draw(s, "组长", experts, "第二批", 4, apps, seed=1)
        out = result.drawn[0]
        spare = next(n for n in ("甲", "戊", "己") if n not in result.drawn)
        with pytest.raises(BadInput, match="须回避"):
            substitute(s, "组长", out, "乙", "临时有事")
        with pytest.raises(BadInput, match="理由"):
            substitute(s, "组长", out, spare, " ")
        substitute(s, "组长", out, spare, "临时出差")
        members = current_members(get_draw(s))
        assert spare in members and out not in members
        panel = latest_panel(s)
        assert panel is not None and [m.name for m in panel] == members
