"""The 评审报告 signed by every member: certification first (DocMDP FILL_FORMS), each signature
covering the revision before it, a dissent inside the signature; pyHanko, our byte-range check
and poppler's pdfsig agree; tampering and an outsider's signature are caught."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from slq_desk.errors import BadInput
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.panel.demo import throwaway_identity
from slq_desk.panel.report import (
    FlagLine,
    Member,
    ReportContent,
    ReportRow,
    build_report,
    revision_ends,
    sign_report,
    verify_report,
)

MEMBERS = (Member("张伟", "湖南大学"), Member("李娜", "湖南省算力产业研究院"),
           Member("王强", "长沙市数据资源服务中心"))


@pytest.fixture(scope="module")
def idents() -> dict[str, LoadedIdentity]:
    return {m.name: throwaway_identity(m.name, m.organisation) for m in MEMBERS}


def content() -> ReportContent:
    rows = (ReportRow(1, "A-01", "长沙星算智能科技有限公司", "84.50", "正选", "318000.00",
                      "318000.00", "318000.00", {"张伟": "88.5", "李娜": "84.5", "王强": "84.5"},
                      "材料齐全，推荐。", "推荐"),
            ReportRow(2, "A-02", "麓谷深度计算有限公司", "67.50", "备选", "420000.00",
                      "420000.00", "0.00", {"张伟": "89.5", "李娜": "51", "王强": "67.5"},
                      "分歧较大，经讨论形成本意见。", "推荐"))
    return ReportContent("hunan-2026", "去掉一个最高分和一个最低分后的平均分（专家不少于3人）", MEMBERS,
                         rows, (FlagLine("A-02", "张伟", "畸高畸低 effect", "已复核（书面说明）"),),
                         "700,000.00", "318,000.00", date(2026, 12, 3))


def test_three_members_sign_in_turn_with_one_dissent(idents: dict, tmp_path: Path) -> None:
    pdf = build_report(content())
    first = verify_report(pdf)
    assert not first.valid and first.unsigned == ["张伟", "李娜", "王强"]
    pdf = sign_report(pdf, idents["张伟"])
    with pytest.raises(BadInput, match="已签署"):
        sign_report(pdf, idents["张伟"])
    pdf = sign_report(pdf, idents["李娜"], dissent="A-02 的使用记录不足以支撑其得分，建议核减。")
    mid = verify_report(pdf)
    assert mid.valid and mid.unsigned == ["王强"]
    pdf = sign_report(pdf, idents["王强"])
    check = verify_report(pdf)
    assert check.valid, check.to_json()
    assert [s.member for s in check.signatures] == ["张伟", "李娜", "王强"]
    assert [s.certification for s in check.signatures] == [True, False, False]
    assert check.dissenters == ["李娜"]
    pool = {m: i.info.cert_sha256 for m, i in idents.items()}
    assert verify_report(pdf, registered=pool).valid
    assert all(s.registered for s in verify_report(pdf, registered=pool).signatures)
    wrong = pool | {"王强": "0" * 64}
    assert not verify_report(pdf, registered=wrong).valid
    assert check.signatures[1].dissent == "A-02 的使用记录不足以支撑其得分，建议核减。"
    ends = revision_ends(pdf)
    ranges = [s.byte_range for s in check.signatures]
    assert all(r[0] == 0 and r[2] + r[3] in ends for r in ranges)
    assert ranges[0][2] + ranges[0][3] < ranges[1][2] + ranges[1][3] < len(pdf) + 1
    assert ranges[2][2] + ranges[2][3] == len(pdf)
    if shutil.which("pdfsig"):
        path = tmp_path / "report.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
        assert out.count("Signature is Valid.") == 3, out
        assert "Total document signed" in out


def test_tampering_and_outsiders_are_caught(idents: dict) -> None:
    pdf = sign_report(build_report(content()), idents["张伟"])
    outsider = throwaway_identity("赵敏", "中南大学")
    with pytest.raises(BadInput, match="不是本报告的评审组成员"):
        sign_report(pdf, outsider)
    # one byte of the signed page content changed
    at = pdf.index(b"stream") + 20
    broken = pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1:]
    assert not verify_report(broken).valid
    # an unsigned incremental update appended after the last signature
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    w.root["/Lang"] = generic.TextStringObject("en")
    w.update_root()
    out = io.BytesIO()
    w.write(out)
    later = verify_report(out.getvalue())
    assert not later.valid and later.problems
    assert not verify_report(b"%PDF-1.7\nnot really\n%%EOF\n").valid
