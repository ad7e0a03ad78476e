"""A demo panel: Hunan applications, three reviewers with throw-away identities, their signed
opinions imported into the chair's workspace, one application with a divergence alert.

The reviewers' keys are created in a temporary folder and thrown away: the demo never touches
the user's identity or keyring. The same seed gives the same scores (the signatures differ,
they carry the signing time). Tests reuse ``throwaway_identity`` and ``sign_opinion``.
"""

from __future__ import annotations

import random
import secrets
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from slq_desk.money import D, quantize
from slq_desk.opinion.data import ATTACHMENT_NAME, OpinionData
from slq_desk.opinion.identity import LoadedIdentity, create_self_signed, unlock
from slq_desk.panel.collect import CollectReport, import_opinions
from slq_desk.workspace import Workspace

POLICY = "hunan-2026"
RUBRIC = ("hunan-2026", "2026.1")
# (key, max score) in rubric order; weights equal the maxima, so the total is their sum.
CRITERIA = (("real_usage", 30), ("scenario_plan", 25), ("innovation", 20), ("effect", 25))
REVIEWERS = (("张伟", "湖南大学信息科学与工程学院"), ("李娜", "湖南省算力产业研究院"),
             ("王强", "长沙市数据资源服务中心"))
APPLICANTS = ("长沙星算智能科技有限公司", "湘江云脑信息技术有限公司", "麓谷深度计算有限公司",
              "岳麓智图科技有限公司", "株洲轨交智能装备有限公司", "衡阳云帆数据服务有限公司")
COMPUTED = ("318000.00", "150000.00", "420000.00", "96000.00", "250000.00", "180000.00")
# The application whose reviewers disagree by more than 30 points.
DIVERGENT = 2
COMMENTS = {
    "real_usage": "合同、结算凭证与平台使用记录相互印证。",
    "scenario_plan": "应用场景与年度算力计划较为明确。",
    "innovation": "在国产算力适配方面有一定创新。",
    "effect": "已形成可验证的应用成效，建议持续跟踪。",
}


@dataclass(frozen=True)
class DemoPanel:
    applications: list[str]
    reviewers: list[str]
    divergent: str
    opinions_dir: Path
    report: CollectReport


def throwaway_identity(name: str, organisation: str) -> LoadedIdentity:
    """A new self-signed RSA-3072 identity held in memory only (slow: ~0.5–2 s)."""
    passphrase = secrets.token_urlsafe(16)
    return unlock(create_self_signed(name, organisation, passphrase, days=30), passphrase,
                  f"demo identity {name}")


def sign_opinion(data: OpinionData, ident: LoadedIdentity | None) -> bytes:
    """Render and sign an opinion exactly as a reviewer's export does."""
    from slq_desk.opinion.layout import render
    from slq_desk.opinion.sign import Attachment, SignRequest, finalise

    rendered = render(data, draft=ident is None)
    return finalise(rendered.pdf, SignRequest(
        box=rendered.signature_box,
        attachments=(Attachment(ATTACHMENT_NAME, data.json_bytes()),), identity=ident))


def _scores(rng: random.Random, quality: float) -> dict[str, str]:
    out = {}
    for key, top in CRITERIA:
        raw = Decimal(str(round(top * min(max(quality + rng.uniform(-0.05, 0.05), 0.2), 0.98), 1)))
        out[key] = str(quantize(raw, "0.5", "half_up"))
    return out


def stand_in_pdf(app_id: str, applicant: str, name: str, pages: int) -> bytes:
    """A real, readable PDF standing in for one of the application's documents: the viewer
    opens it and the reviewer sees whose document it is (the same bytes for the same input)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from slq_desk.fonts import register_cjk_font

    font = register_cjk_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)  # invariant: no date, no random id
    _width, height = A4
    title = Path(name).stem.split("-", 1)[-1]
    for n in range(1, pages + 1):
        c.setFont(font, 20)
        c.drawString(72, height - 90, title)
        c.setFont(font, 11)
        c.drawString(72, height - 120, f"申报单位：{applicant}")
        c.drawString(72, height - 138, f"申报编号：{app_id}")
        c.drawString(72, height - 156, f"第 {n} 页，共 {pages} 页")
        c.drawString(72, height - 190, "演示评审组的示意材料：内容为演示而生成，不是真实申报材料。")
        c.showPage()
    c.save()
    return buf.getvalue()


def add_applications(ws: Workspace, seed: int, packages: Path) -> list[str]:
    """Hunan applications whose documents are real PDFs, kept in the workspace's store like
    imported files (so the window shows them) and in ``packages`` (so `verify --package`
    works)."""
    import hashlib

    from slq_desk.models.schema import Application, Document
    from slq_desk.opinion.sample import DOCUMENTS

    ids = []
    start = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    with ws.session() as s:
        for i, (name, computed) in enumerate(zip(APPLICANTS, COMPUTED, strict=False)):
            app_id = f"hunan-panel-{seed}-{i + 1:02d}"
            folder = packages / app_id
            folder.mkdir(parents=True, exist_ok=True)
            s.add(Application(id=app_id, policy_id=POLICY, applicant_name=name,
                              applicant_uscc=f"9143010{seed % 10}MA4L{i:04d}X{i % 10}",
                              status="reviewing", claimed_at=start + timedelta(days=7 * i, hours=i),
                              package_name=app_id, computed_subsidy=D(computed)))
            s.flush()
            for doc_name, kind, pages in DOCUMENTS:
                data = stand_in_pdf(app_id, name, doc_name, pages)
                (folder / doc_name).write_bytes(data)
                sha = hashlib.sha256(data).hexdigest()
                stored = ws.store_blob(sha, data)
                s.add(Document(application_id=app_id, sha256=sha, kind=kind,
                               original_name=doc_name, stored_path=ws.relative(stored),
                               pages=pages, size=len(data)))
            ids.append(app_id)
    return ids


def add_reviews(ws: Workspace, app_ids: list[str], seed: int) -> None:
    """Each reviewer's submitted review of every application, as a shared workspace holds them."""
    from slq_desk.models.schema import Application, Review

    rng = random.Random(seed)
    qualities = [0.86, 0.74, 0.72, 0.58, 0.80, 0.69]
    bias = {"张伟": 0.03, "李娜": -0.02, "王强": 0.0}
    now = datetime.now(UTC)
    with ws.session() as s:
        for i, app_id in enumerate(app_ids):
            app = s.get(Application, app_id)
            assert app is not None and app.computed_subsidy is not None
            for name, _org in REVIEWERS:
                q = qualities[i % len(qualities)] + bias[name]
                if i == DIVERGENT:  # one reviewer sees far more in this project than the others
                    q = {"张伟": 0.92, "李娜": 0.52, "王强": 0.70}[name]
                scores = _scores(rng, q)
                total = sum(D(v) for v in scores.values())
                passed = total >= 60
                amount = app.computed_subsidy if passed else Decimal("0.00")
                reason = "" if passed else "综合得分低于通过线，不予推荐。"
                if passed and name == "李娜" and i % 2 == 1:
                    amount = quantize(app.computed_subsidy * Decimal("0.9"), "0.01", "down")
                    reason = "部分算力用于测试环境，酌减一成。"
                s.add(Review(application_id=app_id, reviewer=name, rubric_id=RUBRIC[0],
                             rubric_version=RUBRIC[1], scores=scores, comments=dict(COMMENTS),
                             coi_declared=True, coi_conflict=False, coi_at=now,
                             coi_text="本人声明：与申报单位及其算力供应方不存在利益冲突。",
                             recommendation="推荐" if passed else "不推荐",
                             recommended_amount=amount, recommendation_reason=reason,
                             status="submitted"))


def build_demo_panel(ws: Workspace, seed: int = 1,
                     identities: dict[str, LoadedIdentity] | None = None) -> DemoPanel:
    """Fill ``ws`` with the demo panel: applications, reviews, signed opinions imported."""
    from slq_desk.opinion.export import export_opinion

    root = ws.path / "demo-panel"
    app_ids = add_applications(ws, seed, root / "packages")
    add_reviews(ws, app_ids, seed)
    out = root / "opinions"
    with tempfile.TemporaryDirectory(prefix="slq-demo-ids-"):
        # Keys live only in memory here; the temp folder is where an installed identity would
        # have gone, and it is removed with everything in it.
        idents = identities or {name: throwaway_identity(name, org) for name, org in REVIEWERS}
        for app_id in app_ids:
            for name, _org in REVIEWERS:
                export_opinion(ws, app_id, out / f"{app_id}-{name}.pdf", idents[name],
                               reviewer=name, replace=True)
    report = import_opinions(ws, out)
    return DemoPanel(app_ids, [n for n, _ in REVIEWERS], app_ids[DIVERGENT], out, report)
