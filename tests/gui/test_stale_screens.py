"""Issue 19 item 12: no screen outlives what it shows — every dock and tab resets when the
workspace changes; the verify window's lines come from one verdict; the demo panel's
applications open their documents."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from slq_desk.ui.review_tabs.scoring_tab import Phase
from slq_desk.workspace import Workspace

APP = "hunan-clean-1"


def _switch(win: object, folder: Path) -> None:
    assert win.open_workspace_folder(folder)  # type: ignore[attr-defined]


def _assert_empty(win: object) -> None:
    tab = win.scoring_tab  # type: ignore[attr-defined]
    assert win.application_id is None  # type: ignore[attr-defined]
    assert tab.application_id is None and tab.phase is Phase.EMPTY and tab.computed is None
    assert "—" in tab.computed_label.text() and "318" not in tab.computed_label.text()
    assert not tab.coi_box.isEnabled() and not tab.coi_none.isEnabled()
    assert not tab.submit_button.isEnabled() and not tab.form.isEnabled()
    assert "未打开" in tab.app_header.text()
    assert win.checklist_tab.data is None  # type: ignore[attr-defined]
    assert win.calculation_tab.data is None  # type: ignore[attr-defined]
    for pane in (win.left_pane, win.right_pane):  # type: ignore[attr-defined]
        assert pane.doc is None
    assert APP not in win.review_placeholder.text()  # type: ignore[attr-defined]


def test_switching_workspace_resets_every_dock_and_tab(review_window: object, review_ws_path: Path,
                                                       tmp_path: Path) -> None:
    win = review_window
    assert win.open_application(APP)  # type: ignore[attr-defined]
    tab = win.scoring_tab  # type: ignore[attr-defined]
    assert tab.declare_no_conflict() and tab.computed is not None
    assert tab.phase is Phase.DRAFT and tab.form.isEnabled()
    win.signing.show_panel()  # type: ignore[attr-defined]
    panel = win.signing._panel  # type: ignore[attr-defined]
    assert panel is not None and panel.isVisible()
    # A workspace with the same application ids (a copy): nothing of the first may show.
    twin = tmp_path / "twin"
    shutil.copytree(review_ws_path, twin)
    for wal in twin.glob("workspace.db-*"):
        wal.unlink()
    _switch(win, twin)
    _assert_empty(win)
    # The chair's panel view showed the previous workspace: it is closed, a new one opens.
    assert not panel.isVisible() and win.signing._panel is None  # type: ignore[attr-defined]
    # An empty workspace: still nothing, and the list says so.
    empty = tmp_path / "empty"
    Workspace.open(empty, create=True).close()
    _switch(win, empty)
    _assert_empty(win)
    assert win.app_model.rowCount() == 0  # type: ignore[attr-defined]


def test_review_data_loaded_from_the_previous_workspace_is_dropped(review_window: object) -> None:
    from slq_desk.desk.service import Desk

    win = review_window
    assert win.open_application(APP)  # type: ignore[attr-defined]
    desk = win.desk  # type: ignore[attr-defined]
    result = (desk.checklist(APP), desk.calculation(APP), None)
    win.checklist_tab.set_data(None)  # type: ignore[attr-defined]
    # Loaded through another Desk (the workspace before a switch, holding the same ids): dropped.
    win._show_review_data(APP, result, Desk(desk.workspace))  # type: ignore[attr-defined]
    assert win.checklist_tab.data is None  # type: ignore[attr-defined]
    win._show_review_data(APP, result, desk)  # type: ignore[attr-defined]
    assert win.checklist_tab.data is not None  # type: ignore[attr-defined]


# --- the verify window: every line from one verdict ----------------------------------------------

@pytest.fixture(scope="module")
def signed_opinion(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from slq_desk.opinion.export import export_opinion
    from slq_desk.opinion.identity import unlock
    from slq_desk.opinion.sample import REVIEWER, add_reviewed_application
    from tests.gui.signing_support import PASS, make_p12

    root = tmp_path_factory.mktemp("verdict")
    ws = Workspace.open(root / "ws")
    try:
        add_reviewed_application(ws, "hunan-verdict-1", root / "pkg")
        out = root / "opinion.pdf"
        export_opinion(ws, "hunan-verdict-1", out, unlock(make_p12(REVIEWER), PASS))
    finally:
        ws.close()
    return out


def _signer_rows(win: object) -> dict[str, str]:
    form = win.signer_form  # type: ignore[attr-defined]
    rows = {}
    for i in range(form.rowCount()):
        label = form.itemAt(i, form.ItemRole.LabelRole).widget().text().rstrip("：")
        rows[label] = form.itemAt(i, form.ItemRole.FieldRole).widget().text()
    return rows


@pytest.fixture()
def verify_win(qtbot: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[object]:
    from slq_desk.ui.signing.verify_window import VerifyWindow
    from tests.gui.signing_support import isolate

    for _ in isolate(monkeypatch, tmp_path):
        w = VerifyWindow(run_sync=True)
        qtbot.addWidget(w)  # type: ignore[attr-defined]
        yield w


def test_tampered_inside_the_signature_never_reads_unmodified(verify_win: object,
                                                               signed_opinion: Path,
                                                               tmp_path: Path) -> None:
    win = verify_win
    win.verify_path(signed_opinion)  # type: ignore[attr-defined]
    assert "签名有效" in win.verdict.text() and _signer_rows(win)["签名后修改"] == "无"  # type: ignore[attr-defined]
    # A byte flipped inside the signed range, as the opinion tests tamper: pyHanko reports
    # modification level NONE (no later revision), the digest no longer matches.
    data = bytearray(signed_opinion.read_bytes())
    data[data.find(b"stream") + 300] ^= 0x01
    bad = tmp_path / "flipped.pdf"
    bad.write_bytes(bytes(data))
    win.verify_path(bad)  # type: ignore[attr-defined]
    assert win.outcome.result.modification == "NONE"  # type: ignore[attr-defined]
    assert "签名无效" in win.verdict.text() and "摘要不符" in win.reasons.text()  # type: ignore[attr-defined]
    rows = _signer_rows(win)
    assert rows["签名后修改"] != "无" and "改动" in rows["签名后修改"]
    assert rows["覆盖范围"] != "整个文件"
    # English is not mixed into the Chinese reasons.
    assert "digest mismatch" not in win.reasons.text()  # type: ignore[attr-defined]


def test_change_appended_after_signing_is_named(verify_win: object, signed_opinion: Path,
                                                tmp_path: Path) -> None:
    import pymupdf

    f = tmp_path / "appended.pdf"
    f.write_bytes(signed_opinion.read_bytes())
    with pymupdf.open(f) as doc:
        doc[0].insert_text((72, 72), "不推荐")
        doc.saveIncr()
    verify_win.verify_path(f)  # type: ignore[attr-defined]
    assert "签名无效" in verify_win.verdict.text()  # type: ignore[attr-defined]
    assert _signer_rows(verify_win)["签名后修改"] not in ("无", "—")


# --- the demo panel's applications show their documents ----------------------------------------

def test_demo_panel_applications_open_their_documents(qtbot: object, tmp_path: Path,
                                                      settings: object) -> None:
    import hashlib

    from slq_desk.desk.service import Desk
    from slq_desk.panel.demo import APPLICANTS, add_applications
    from slq_desk.ui.main_window import MainWindow
    from tests.gui.helpers import WAIT_MS

    ws = Workspace.open(tmp_path / "panel-ws")
    ids = add_applications(ws, 1, ws.path / "demo-panel" / "packages")
    docs = Desk(ws).documents(ids[0])
    assert docs is not None and len(docs) == 4
    for doc in docs:  # real files in the workspace's store, the bytes the opinions list
        assert doc.path.is_file() and doc.path.is_relative_to(ws.path)
        assert hashlib.sha256(doc.path.read_bytes()).hexdigest() == doc.sha256
        assert (ws.path / "demo-panel" / "packages" / ids[0] / doc.original_name).read_bytes() \
            == doc.path.read_bytes()
    win = MainWindow(ws, settings, remember_geometry=False)  # type: ignore[arg-type]
    win.synchronous_operations = True
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.resize(1400, 900)
    win.show()
    try:
        assert win.open_application(ids[0])
        for pane in (win.left_pane, win.right_pane):
            qtbot.waitUntil(pane.is_loaded, timeout=WAIT_MS)  # type: ignore[attr-defined]
            assert pane.message is None and pane.doc is not None
        assert win.left_pane.doc.original_name == "01-服务合同.pdf"
        import pymupdf

        with pymupdf.open(win.left_pane.doc.path) as pdf:  # the page says whose document it is
            assert pdf.page_count == 6 and APPLICANTS[0] in pdf[0].get_text()
    finally:
        win.close()
        win.shutdown()
