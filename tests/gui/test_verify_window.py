"""The verify window: a dropped PDF (and package) shows valid/invalid with the reason."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.gui.signing_support import PASS, isolate, make_p12

pytestmark = pytest.mark.gui

APP = "hunan-verify-1"


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One signed opinion and its package folder, made once for the module."""
    from slq_desk.opinion.export import export_opinion
    from slq_desk.opinion.identity import unlock
    from slq_desk.opinion.sample import REVIEWER, add_reviewed_application
    from slq_desk.workspace import Workspace

    root = tmp_path_factory.mktemp("verify")
    ws = Workspace.open(root / "ws")
    try:
        package = root / "pkg" / APP
        add_reviewed_application(ws, APP, package)
        ident = unlock(make_p12(REVIEWER), PASS)
        out = root / "opinion.pdf"
        export_opinion(ws, APP, out, ident)
    finally:
        ws.close()
    return out, package


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    yield from isolate(monkeypatch, tmp_path)


@pytest.fixture()
def win(qtbot: object) -> object:
    from slq_desk.ui.signing.verify_window import VerifyWindow

    w = VerifyWindow(run_sync=True)
    qtbot.addWidget(w)  # type: ignore[attr-defined]
    return w


def test_valid_opinion_with_package(win: object, signed: tuple[Path, Path]) -> None:
    pdf, package = signed
    win.verify_path(pdf, package)
    assert win.outcome is not None and win.outcome.result.valid
    assert "签名有效" in win.verdict.text()
    assert win.docs_table.rowCount() == 4
    states = {win.docs_table.item(i, 4).text() for i in range(4)}
    assert states == {"一致"}
    assert win.criteria_table.rowCount() == 4
    signer = [win.signer_form.itemAt(i, win.signer_form.ItemRole.FieldRole).widget().text()
              for i in range(win.signer_form.rowCount())]
    assert "王五" in signer


def test_flipped_byte_is_invalid(win: object, signed: tuple[Path, Path], tmp_path: Path) -> None:
    pdf, _ = signed
    data = bytearray(pdf.read_bytes())
    at = data.find(b"stream") + 300
    data[at] ^= 0x01
    bad = tmp_path / "flipped.pdf"
    bad.write_bytes(bytes(data))
    win.verify_path(bad)
    assert not win.outcome.result.valid
    assert "签名无效" in win.verdict.text()
    assert win.reasons.text().strip()
    assert "未经验证" in win.unverified_label.text()


def test_changed_package_file_is_named(win: object, signed: tuple[Path, Path],
                                       tmp_path: Path) -> None:
    pdf, package = signed
    changed = tmp_path / "pkg"
    shutil.copytree(package, changed)
    victim = min(changed.iterdir())
    victim.write_bytes(victim.read_bytes() + b"\n% changed\n")
    win.verify_path(pdf, changed)
    assert not win.outcome.result.valid
    assert "申报材料已改动" in win.reasons.text() and victim.name in win.reasons.text()
    states = [win.docs_table.item(i, 4).text() for i in range(4)]
    assert "已改动" in states


def test_truncated_file_is_invalid(win: object, signed: tuple[Path, Path], tmp_path: Path) -> None:
    pdf, _ = signed
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(pdf.read_bytes()[:-4000])
    win.verify_path(cut)
    assert not win.outcome.result.valid and "截断" in win.reasons.text()


def test_not_a_pdf_and_missing_file_are_messages(win: object, tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_text("hello", "utf-8")
    win.verify_path(fake)
    assert win.outcome is None and "not a PDF" in win.reasons.text()
    assert "无法核验" in win.verdict.text() and "Traceback" not in win.reasons.text()
    win.verify_path(tmp_path / "nowhere.pdf")
    assert "no file" in win.reasons.text()


def test_drop_pdf_and_package(qtbot: object, win: object, signed: tuple[Path, Path]) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    pdf, package = signed
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf)), QUrl.fromLocalFile(str(package))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    win.dropEvent(event)
    assert win.package == package and win.pdf == pdf
    assert win.outcome.result.valid and win.outcome.result.package is not None


def test_threaded_verification(qtbot: object, signed: tuple[Path, Path]) -> None:
    from slq_desk.ui.signing.verify_window import VerifyWindow

    w = VerifyWindow()
    qtbot.addWidget(w)  # type: ignore[attr-defined]
    with qtbot.waitSignal(w.verified, timeout=20000):  # type: ignore[attr-defined]
        w.verify_path(signed[0])
    qtbot.waitUntil(lambda: not w.is_busy(), timeout=5000)  # type: ignore[attr-defined]
    assert w.outcome.result.valid
