"""Chinese by default, English switchable (Qt translation in resources/i18n), remembered."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from slq_desk.resources import resource_path
from slq_desk.ui import i18n


@pytest.fixture()
def english(qapp):
    assert i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "zh_CN")


def _menu_titles(win) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def test_every_string_of_the_window_has_an_english_translation():
    ts = Path(resource_path("i18n", "slq_desk_en.ts"))
    messages = list(ET.parse(ts).iter("message"))
    assert len(messages) > 150
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert unfinished == []
    assert Path(i18n.qm_path("en")).stat().st_mtime >= ts.stat().st_mtime - 1  # .qm rebuilt


def _sources(ts: Path) -> set[tuple[str, str]]:
    return {(c.findtext("name") or "", m.findtext("source") or "")
            for c in ET.parse(ts).iter("context") for m in c.iter("message")}


def test_the_committed_translation_holds_every_string_the_code_asks_for(tmp_path):
    """A tr() string added without re-running scripts/i18n.sh would show in Chinese in English."""
    root = Path(__file__).resolve().parents[2]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "")
    assert lupdate.is_file(), "pyside6-lupdate comes with PySide6"
    fresh = tmp_path / "fresh.ts"
    ui = sorted(str(p) for p in (root / "slq_desk" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *ui, "-no-obsolete", "-locations", "none", "-source-language", "zh_CN",
                    "-target-language", "en", "-ts", str(fresh)], check=True, capture_output=True, cwd=root)
    missing = _sources(fresh) - _sources(Path(resource_path("i18n", "slq_desk_en.ts")))
    assert sorted(missing) == [], "run: bash scripts/i18n.sh (and add the English to resources/i18n/en_*.py)"


def test_chinese_by_default_and_english_when_switched(qapp, qtbot, tmp_path, english):
    from slq_desk.ui.main_window import MainWindow

    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "&File"
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = MainWindow(None, settings, remember_geometry=False)
    qtbot.addWidget(win)
    assert _menu_titles(win)[:4] == ["&File", "&Edit", "&View", "&Review"]
    assert win.windowTitle() == "Computing-voucher review desk"
    assert win.scoring_tab.recommendation.itemText(1) == "Recommend"
    assert win.scoring_tab.recommendation.itemData(1) == "推荐"  # stored value stays Chinese
    # 撤销 is Undo in the edit menu and the status "withdrawn" in the same class.
    assert win.undo_action.text() == "Undo" and win.redo_action.text() == "Redo"
    assert QCoreApplication.translate("MainWindow", "撤销") == "Withdrawn"
    win.shutdown()

    i18n.install(qapp, "zh_CN")
    zh = MainWindow(None, settings, remember_geometry=False)
    qtbot.addWidget(zh)
    assert _menu_titles(zh)[:4] == ["文件(&F)", "编辑(&E)", "视图(&V)", "审核(&R)"]
    zh.shutdown()


def test_language_and_reviewer_are_remembered(qtbot, tmp_path, monkeypatch):
    from slq_desk.ui.settings_dialog import SettingsDialog, reviewer_name

    monkeypatch.delenv("SLQ_DESK_LANG", raising=False)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.chosen_language(settings) == "zh_CN"
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.name.setText("李专家")
    dialog.organisation.setText("省工信厅")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    again = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.chosen_language(again) == "en"
    assert reviewer_name(again) == "李专家"
    monkeypatch.setenv("SLQ_DESK_LANG", "zh_CN")  # one run in Chinese, the setting untouched
    assert i18n.chosen_language(again) == "zh_CN"


def test_qt_own_dialogs_follow_the_language(qapp):
    """qtbase's translations: OK / Cancel / Yes / No and the file dialog in Chinese by default."""
    from PySide6.QtWidgets import QDialogButtonBox

    try:
        i18n.install(qapp, "zh_CN")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
        assert "是" in box.button(QDialogButtonBox.StandardButton.Yes).text()
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        i18n.install(qapp, "en")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    finally:
        i18n.install(qapp, "zh_CN")


def test_unreadable_documents_and_core_errors_are_said_in_chinese(qapp):
    from slq_desk.errors import BadInput
    from slq_desk.ui.operations import Operation
    from slq_desk.ui.viewer.pane import unreadable_reason

    assert unreadable_reason("pdf_broken: truncated file (offset 1234)") == "文件已损坏"
    assert unreadable_reason(None) == "导入时无法读取"

    def refuse(_report):
        raise BadInput("bad.zip is neither a folder nor a zip archive", zh="“bad.zip”既不是文件夹也不是 zip 压缩包")

    failures: list[str] = []
    op = Operation(refuse)
    op.failed.connect(failures.append)
    op.run()
    qapp.processEvents()
    assert op.error == "“bad.zip”既不是文件夹也不是 zip 压缩包"
    try:
        i18n.install(qapp, "en")
        assert unreadable_reason("pdf_broken: truncated file") == "file damaged (truncated file)"
        op = Operation(refuse)
        op.run()
        assert op.error == "bad.zip is neither a folder nor a zip archive"
    finally:
        i18n.install(qapp, "zh_CN")


def test_the_declaration_time_names_its_zone_in_english(qtbot, tmp_path, english):
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from slq_desk.ui.review_tabs.scoring_tab import ScoringTab

    tab = ScoringTab()
    qtbot.addWidget(tab)
    tab._coi(SimpleNamespace(coi_declared=True, coi_conflict=False, status="draft",
                             coi_at=datetime(2026, 3, 1, 17, 30, tzinfo=UTC), coi_text="无利益冲突"))
    assert "2026-03-02 01:30 Beijing time" in tab.coi_text.text() and "北京时间" not in tab.coi_text.text()
