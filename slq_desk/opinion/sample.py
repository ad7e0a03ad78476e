"""Sample reviewed applications for tests, benchmarks and trying the signing flow.

Writes a small package folder per application (the files whose SHA-256 the opinion lists) and
the workspace rows a finished review leaves behind: Application, Document, Finding, Review.
Until the demo workspace carries scored reviews, this is how the signing path is exercised
end to end.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from slq_desk.money import D
from slq_desk.workspace import Workspace

REVIEWER = "王五"
SCORES = {"real_usage": "26", "scenario_plan": "20", "innovation": "15", "effect": "20"}
COMMENTS = {
    "real_usage": "合同、发票与调度平台使用记录相互印证，卡型与用途一致。",
    "scenario_plan": "大模型训练场景明确，年度算力需求计划可行。",
    "innovation": "有一定创新，行业对标说明较简略。",
    "effect": "已形成可验证的应用效果，建议持续跟踪。",
}
DOCUMENTS = (
    ("01-服务合同.pdf", "contract", 6),
    ("02-发票-1.pdf", "invoice", 1),
    ("03-付款凭证.pdf", "payment_receipt", 1),
    ("04-算力资源使用报告.pdf", "usage_report", 3),
)


def write_package(folder: Path, app_id: str) -> dict[str, str]:
    """A package folder with stand-in documents; returns name → SHA-256."""
    folder.mkdir(parents=True, exist_ok=True)
    hashes: dict[str, str] = {}
    for name, kind, pages in DOCUMENTS:
        body = f"%PDF-1.4\n% {app_id} {name} {kind} {pages}\n%%EOF\n".encode()
        (folder / name).write_bytes(body)
        hashes[name] = hashlib.sha256(body).hexdigest()
    return hashes


def add_reviewed_application(ws: Workspace, app_id: str, package_dir: Path,
                             reviewer: str = REVIEWER, *, with_review: bool = True) -> None:
    from slq_desk.models.schema import Application, Document, Finding, Review

    hashes = write_package(package_dir, app_id)
    now = datetime.now(UTC)
    with ws.session() as s:
        app = Application(
            id=app_id, policy_id="hunan-2026", applicant_name="长沙星算智能科技有限公司",
            applicant_uscc="91430100MA4L0XXXX0", status="reviewed",
            package_name=package_dir.name, computed_subsidy=D("318000.00"),
            facts={"trace": [
                {"rule": "实际结算金额（窗口期内）", "article": "三", "value": "1060000.00"},
                {"rule": "补贴比例", "article": "三（二）", "value": "30%"},
                {"rule": "补贴金额 = 1060000.00 × 30%", "article": "三（二）",
                 "value": "318000.00"},
            ]},
        )
        s.add(app)
        s.flush()
        docs = []
        for name, kind, pages in DOCUMENTS:
            doc = Document(application_id=app_id, sha256=hashes[name], kind=kind,
                           original_name=name, stored_path=f"packages/{hashes[name]}",
                           pages=pages, size=0)
            s.add(doc)
            docs.append(doc)
        s.flush()
        s.add(Finding(application_id=app_id, document_id=docs[1].id, code="price_above_market",
                      severity="warn", message_zh="卡时单价高于参考价上限", message_en="price high",
                      article="三（二）", page=0))
        if with_review:
            s.add(Review(
                application_id=app_id, reviewer=reviewer, rubric_id="hunan-2026",
                rubric_version="2026.1", scores=dict(SCORES), comments=dict(COMMENTS),
                coi_declared=True, coi_conflict=False, coi_at=now,
                coi_text="本人声明：与申报单位及其算力供应方不存在利益冲突。",
                recommendation="推荐", recommended_amount=D("300000.00"),
                recommendation_reason="部分算力用于测试环境，酌减。", status="submitted",
            ))
