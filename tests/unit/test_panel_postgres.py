"""A shared panel workspace on a real PostgreSQL server (loopback), two concurrent clients.

Each reviewer sees only their own reviews until they submit (independence); the chair sees
all; two clients editing one review at once are caught by the version column — the second
gets ``ConcurrentEdit`` and the first one's text survives, never silently overwritten. The
panel tables (imported opinions, conclusions) work on PostgreSQL too.
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest

from slq_desk.panel import aggregate
from slq_desk.panel.collect import import_opinions
from slq_desk.panel.demo import add_applications
from slq_desk.panel.panel_opinion import ConclusionConflict, save_conclusion
from slq_desk.review import service
from slq_desk.review.service import ConcurrentEdit, ReviewChanges
from slq_desk.workspace import Workspace

pytestmark = pytest.mark.postgres

SCORES = {"real_usage": "25", "scenario_plan": "20", "innovation": "16", "effect": "20"}
COMMENTS = {k: "评语内容足够长" for k in SCORES}
COI = "none"  # the standard "no conflict" statement


@pytest.fixture()
def clients(tmp_path: Path, postgres_url: str) -> tuple[Workspace, Workspace, str]:
    one = Workspace.open(tmp_path / "laptop-1", database_url=postgres_url)
    two = Workspace.open(tmp_path / "laptop-2", database_url=postgres_url)
    app_id = add_applications(one, 5, tmp_path / "pkgs")[0]
    yield one, two, app_id
    one.close()
    two.close()


def _score(ws: Workspace, app_id: str, reviewer: str, submit: bool) -> int:
    with ws.session() as s:
        service.declare_coi(s, ws.actor, app_id, reviewer, COI)
    with ws.session() as s:
        st = service.update(s, ws.actor, app_id, reviewer, ReviewChanges(
            scores=dict(SCORES), comments=dict(COMMENTS), recommendation="推荐"))
        version = st.version
    if submit:
        with ws.session() as s:
            version = service.submit(s, ws.actor, app_id, reviewer).version
    return version


def test_independence_until_submitted_and_the_chair_sees_all(clients) -> None:
    one, two, app = clients
    _score(one, app, "张伟", submit=False)
    _score(two, app, "李娜", submit=False)
    with two.session() as s:
        seen_by_li = [r.reviewer for r in service.visible_reviews(s, app, "李娜")]
    with one.session() as s:
        seen_by_zhang = [r.reviewer for r in service.visible_reviews(s, app, "张伟")]
        seen_by_chair = [r.reviewer for r in service.visible_reviews(s, app, None)]
    assert seen_by_li == ["李娜"] and seen_by_zhang == ["张伟"]
    assert sorted(seen_by_chair) == ["张伟", "李娜"]
    with one.session() as s:
        service.submit(s, one.actor, app, "张伟")
    with two.session() as s:
        assert sorted(r.reviewer for r in service.visible_reviews(s, app, "李娜")) == ["张伟", "李娜"]
    # The chair's aggregate from the shared database takes submitted reviews only.
    with two.session() as s:
        agg = aggregate.run(s, source="reviews")
    assert [r.reviewer for r in agg.records] == ["张伟"] and agg.results[0].score == Decimal("81")


def test_stale_version_is_refused_not_overwritten(clients) -> None:
    one, two, app = clients
    version = _score(one, app, "王强", submit=False)
    with one.session() as s:
        service.update(s, one.actor, app, "王强", ReviewChanges(comments={"effect": "第一台电脑的评语"}),
                       expected_version=version)
    with pytest.raises(ConcurrentEdit, match="nothing was overwritten"):
        with two.session() as s:
            service.update(s, two.actor, app, "王强",
                           ReviewChanges(comments={"effect": "第二台电脑的评语"}),
                           expected_version=version)
    with two.session() as s:
        review = service.get_review(s, app, "王强")
        assert review is not None and review.comments["effect"] == "第一台电脑的评语"


def test_simultaneous_saves_race_and_the_second_is_caught(clients) -> None:
    one, two, app = clients
    _score(one, app, "王强", submit=False)
    loaded = threading.Barrier(2)
    outcome: dict[str, str] = {}

    def edit(ws: Workspace, text: str, delay: float) -> None:
        try:
            with ws.session() as s:
                service.get_review(s, app, "王强")  # both load the same version…
                loaded.wait(timeout=10)
                time.sleep(delay)  # …the later writer blocks on the row, then finds it stale
                service.update(s, ws.actor, app, "王强", ReviewChanges(comments={"effect": text}))
                time.sleep(0.3)  # hold the transaction open while the other one waits
            outcome[text] = "saved"
        except ConcurrentEdit:
            outcome[text] = "refused"

    threads = [threading.Thread(target=edit, args=(one, "甲电脑保存的评语", 0.0)),
               threading.Thread(target=edit, args=(two, "乙电脑保存的评语", 0.15))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert outcome == {"甲电脑保存的评语": "saved", "乙电脑保存的评语": "refused"}
    with one.session() as s:
        review = service.get_review(s, app, "王强")
        assert review is not None and review.comments["effect"] == "甲电脑保存的评语"


def test_panel_tables_on_postgres(clients, tmp_path: Path) -> None:
    from datetime import date

    from slq_desk.opinion.data import Criterion, OpinionData
    from slq_desk.panel.demo import sign_opinion, throwaway_identity

    one, two, app = clients
    ident = throwaway_identity("张伟", "测试")
    data = OpinionData(application_id=app, applicant_name="x", policy_id="hunan-2026",
                       reviewer="张伟", review_date=date(2026, 11, 1), rubric_id="hunan-2026",
                       # scores on the rubric's scale that add up to the total (import checks)
                       criteria=[Criterion(k, k, Decimal(v)) for k, v in (
                           ("real_usage", "25"), ("scenario_plan", "20.5"), ("innovation", "16"),
                           ("effect", "20"))],
                       total=Decimal("81.5"), recommendation="推荐", coi_declared=True,
                       recommended_subsidy=Decimal("123456.78"))
    (tmp_path / "z.pdf").write_bytes(sign_opinion(data, ident))
    report = import_opinions(one, tmp_path / "z.pdf")
    assert len(report.imported) == 1
    with two.session() as s:
        agg = aggregate.run(s)
        assert agg.results[0].score == Decimal("81.5")
        v = save_conclusion(s, two.actor, app, "赵敏").version
    with one.session() as s:
        save_conclusion(s, one.actor, app, "赵敏", comment="甲", expected_version=v)
    with pytest.raises(ConclusionConflict), two.session() as s:
        save_conclusion(s, two.actor, app, "赵敏", comment="乙", expected_version=v)
