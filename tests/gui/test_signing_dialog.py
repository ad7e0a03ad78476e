"""The sign-and-export dialog: refusals before asking, signing in a worker, clear failures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.gui.signing_support import (
    PASS,
    Asker,
    install,
    isolate,
    make_p12,
)
from tests.support.keyring_memory import MemoryKeyring

pytestmark = pytest.mark.gui

APP = "hunan-sign-1"
BARE = "hunan-bare-1"


@pytest.fixture(scope="module")
def p12() -> bytes:
    from slq_desk.opinion.sample import REVIEWER

    return make_p12(REVIEWER)  # the one RSA-3072 key of this module


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    yield from isolate(monkeypatch, tmp_path)


@pytest.fixture()
def ws(tmp_path: Path) -> Iterator[object]:
    from slq_desk.opinion.sample import add_reviewed_application
    from slq_desk.workspace import Workspace

    w = Workspace.open(tmp_path / "ws")
    add_reviewed_application(w, APP, tmp_path / "pkg" / APP)
    add_reviewed_application(w, BARE, tmp_path / "pkg" / BARE, with_review=False)
    yield w
    w.close()


def dialog(qtbot: object, ws: object, app_id: str = APP, **kw: object) -> object:
    from slq_desk.ui.signing.sign_dialog import SignDialog

    dlg = SignDialog(ws, app_id, **({"run_sync": True} | kw))  # type: ignore[arg-type]
    qtbot.addWidget(dlg)  # type: ignore[attr-defined]
    return dlg


def test_refuses_without_identity(qtbot: object, ws: object) -> None:
    asker = Asker(PASS)
    dlg = dialog(qtbot, ws, ask=asker)
    assert not dlg.sign_button.isEnabled()
    assert "尚无签名身份" in dlg.readiness.text()
    dlg.sign()
    assert asker.asked == 0


def test_refuses_application_without_review(qtbot: object, ws: object, p12: bytes) -> None:
    install(p12)
    asker = Asker(PASS)
    dlg = dialog(qtbot, ws, BARE, ask=asker)
    assert not dlg.sign_button.isEnabled()
    assert "还没有评审记录" in dlg.readiness.text()
    dlg.sign()
    assert asker.asked == 0


def test_refuses_incomplete_review_with_reasons(qtbot: object, ws: object, p12: bytes) -> None:
    from sqlalchemy import select

    from slq_desk.models.schema import Review

    install(p12)
    with ws.session() as s:  # type: ignore[attr-defined]
        review = s.scalars(select(Review).where(Review.application_id == APP)).one()
        review.coi_declared = False
        review.recommendation = None
    dlg = dialog(qtbot, ws, ask=Asker(PASS))
    assert not dlg.sign_button.isEnabled()
    text = dlg.readiness.text()
    assert "利益冲突" in text and "recommendation" in text


def test_signs_and_offers_verification(qtbot: object, ws: object, p12: bytes,
                                       tmp_path: Path) -> None:
    from slq_desk.opinion.verify import verify_file

    install(p12)
    asker = Asker(PASS)
    seen: list[Path] = []
    dlg = dialog(qtbot, ws, ask=asker, open_verify=seen.append)
    out = tmp_path / "out" / "意见.pdf"
    dlg.out_edit.setText(str(out))
    assert dlg.sign_button.isEnabled()
    with qtbot.waitSignal(dlg.signed, timeout=30000):  # type: ignore[attr-defined]
        dlg.sign()
    assert asker.asked == 1
    assert out.exists() and str(out) in dlg.result_label.text()
    assert not dlg.verify_button.isHidden()
    assert "没有可用的系统钥匙串" in dlg.notice.text()  # the no-keyring path says so
    dlg.verify_button.click()
    assert seen == [out]
    assert verify_file(out).valid


def test_signs_in_a_worker_thread(qtbot: object, ws: object, p12: bytes, tmp_path: Path) -> None:
    """The real path: the prompt is answered on the GUI thread while the worker waits."""
    install(p12)
    asker = Asker(PASS)
    dlg = dialog(qtbot, ws, ask=asker, run_sync=False)
    out = tmp_path / "threaded.pdf"
    dlg.out_edit.setText(str(out))
    with qtbot.waitSignal(dlg.signed, timeout=30000):  # type: ignore[attr-defined]
        dlg.sign()
        assert dlg.is_busy() and not dlg.close_button.isEnabled()
    qtbot.waitUntil(lambda: not dlg.is_busy(), timeout=5000)  # type: ignore[attr-defined]
    assert asker.asked == 1 and out.exists()


def test_wrong_passphrase_is_a_message(qtbot: object, ws: object, p12: bytes,
                                       tmp_path: Path) -> None:
    install(p12)
    dlg = dialog(qtbot, ws, ask=Asker("not-it"))
    out = tmp_path / "wrong.pdf"
    dlg.out_edit.setText(str(out))
    dlg.sign()
    assert "口令错误" in dlg.result_label.text()
    assert "Traceback" not in dlg.result_label.text()
    assert not out.exists() and dlg.verify_button.isHidden()


def test_cancelled_prompt_signs_nothing(qtbot: object, ws: object, p12: bytes,
                                        tmp_path: Path) -> None:
    install(p12)
    dlg = dialog(qtbot, ws, ask=Asker(None))
    out = tmp_path / "cancel.pdf"
    dlg.out_edit.setText(str(out))
    dlg.sign()
    assert "已取消" in dlg.result_label.text() and not out.exists()


def test_existing_file_is_refused_before_asking(qtbot: object, ws: object, p12: bytes,
                                                tmp_path: Path) -> None:
    install(p12)
    out = tmp_path / "exists.pdf"
    out.write_bytes(b"keep me")
    asker = Asker(PASS)
    dlg = dialog(qtbot, ws, ask=asker)
    dlg.out_edit.setText(str(out))
    dlg.sign()
    assert asker.asked == 0 and "已存在" in dlg.result_label.text()
    assert out.read_bytes() == b"keep me"
    dlg.out_edit.setText(str(tmp_path / "not-a-pdf.txt"))
    dlg.sign()
    assert asker.asked == 0 and ".pdf" in dlg.result_label.text()


def test_keyring_keeps_the_passphrase_for_next_time(qtbot: object, ws: object, p12: bytes,
                                                    tmp_path: Path) -> None:
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    install(p12)
    first = Asker(PASS)
    dlg = dialog(qtbot, ws, ask=first)
    dlg.out_edit.setText(str(tmp_path / "one.pdf"))
    dlg.sign()
    assert first.asked == 1 and (tmp_path / "one.pdf").exists()
    assert list(ring.store.values()) == [PASS]
    assert dlg.notice.isHidden()
    second = Asker()
    dlg2 = dialog(qtbot, ws, ask=second)
    dlg2.out_edit.setText(str(tmp_path / "two.pdf"))
    dlg2.sign()
    assert second.asked == 0 and (tmp_path / "two.pdf").exists()
