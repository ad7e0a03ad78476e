"""Keyboard and screen-reader reach: accessible names, label buddies, tab order, shortcuts."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

from slq_desk.ui.review_tabs.scoring_tab import ScoringTab
from slq_desk.workspace import Workspace
from tests.gui.review_factory import REVIEWER

APP = "hunan-clean-1"


@pytest.fixture()
def scoring(qtbot, review_ws_path):
    ws = Workspace.open(review_ws_path)
    tab = ScoringTab(save_delay_ms=200)
    qtbot.addWidget(tab)
    tab.resize(560, 900)
    tab.show()
    tab.set_context(ws, APP, REVIEWER)
    assert tab.declare_no_conflict()
    yield tab
    tab.flush()
    ws.close()


def _shortcuts(window) -> list[tuple[str, str]]:
    """(key, action text) for every shortcut of every QAction the main window owns."""
    found = []
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty():
                found.append((key.toString(QKeySequence.SequenceFormat.PortableText), action.text()))
    return found


def test_no_shortcut_is_bound_twice(window):
    found = _shortcuts(window)
    assert len(found) >= 15
    counts = Counter(key for key, _text in found)
    duplicated = {key: [t for k, t in found if k == key] for key, n in counts.items() if n > 1}
    assert duplicated == {}


def test_main_actions_have_shortcuts(window):
    actions = [window.import_zip_action, window.import_folder_action, window.check_action,
               window.settings_action, window.search_action, window.next_action,
               window.previous_action, window.declare_action, window.undo_action,
               window.redo_action, window.sync_action, window.signing.sign_action,
               window.signing.verify_action, window.signing.panel_action]
    missing = [a.text() for a in actions if a.shortcut().isEmpty()]
    assert missing == []
    texts = {a.text() for menu in window.menus.values() for a in menu.actions()}
    for needed in ("打开工作区…", "退出", "刷新申报列表", "检查清单", "评分", "测算"):
        assert needed in texts


def test_every_menu_is_reachable_by_a_mnemonic(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert len(titles) >= 6
    letters = []
    for title in titles:
        assert "&" in title, title
        letters.append(title[title.index("&") + 1].lower())
    assert len(set(letters)) == len(letters), titles
    # Every action in a menu is enabled for the keyboard: a shortcut, or the menu's mnemonic
    # plus the arrow keys; none is a widget-only action that a menu cannot show.
    for menu in window.menus.values():
        assert all(a.isSeparator() or a.text() for a in menu.actions())


def test_key_controls_have_accessible_names(review_window):
    win = review_window
    assert win.open_application(APP)
    named = {
        win.app_table: "申报列表", win.search_edit: "搜索申报", win.status_filter: "按状态筛选",
        win.review_tabs: "检查清单 / 评分 / 测算",
        win.checklist_tab.filter_edit: "筛选字段或问题", win.checklist_tab.tree: "检查清单",
        win.calculation_tab.explanation: "测算说明（可直接宣读）",
        win.calculation_tab.steps: "计算步骤", win.calculation_tab.compare: "五项政策对照",
    }
    for widget, name in named.items():
        assert widget.accessibleName() == name, widget.objectName()
    from slq_desk.ui.viewer.pane import ViewerPane

    panes = win.findChildren(ViewerPane)
    assert panes
    for pane in panes:
        assert pane.page_box.accessibleName() == "页码"
        assert pane.zoom_box.accessibleName() == "缩放"
        assert pane.picker.accessibleName() == "选择材料"
        assert pane.search_bar.edit.accessibleName() == "在文档中查找"
        buttons = {b.accessibleName() for b in pane.findChildren(QWidget) if b.metaObject().className() == "QToolButton"}
        assert {"缩小", "放大", "顺时针旋转 90°", "关闭查找"} <= buttons


def test_scoring_controls_are_named_and_labelled(scoring):
    tab = scoring
    assert tab.boxes
    for box in tab.boxes.values():
        assert box.spin.accessibleName().endswith("评分") and len(box.spin.accessibleName()) > 3
        assert "步长" in box.spin.accessibleDescription()
        assert box.comment.accessibleName().endswith("评语")
        buddies = [lab for lab in box.findChildren(QLabel) if lab.buddy() is box.spin]
        assert buddies and buddies[0].text() == "评分"
    assert tab.recommendation.accessibleName() == "推荐意见"
    assert tab.amount.accessibleName() == "推荐金额（元）"
    assert tab.reason.accessibleName() == "理由"
    labels = {lab.buddy(): lab.text() for lab in tab.findChildren(QLabel) if lab.buddy() is not None}
    assert labels[tab.amount] == "推荐金额（元）"
    assert labels[tab.recommendation] == "意见"
    assert labels[tab.reason] == "理由"


def test_scoring_form_tab_order(scoring):
    tab = scoring
    chain = tab.tab_chain()
    expected = [tab.coi_none, tab.coi_conflict]
    for box in tab.boxes.values():
        expected += [box.spin, box.comment]
    expected += [tab.recommendation, tab.amount, tab.reason, tab.submit_button]
    assert [w for w in chain if w in expected] == expected
    # The focus chain Qt follows on Tab visits them in that order.
    members = set(map(id, expected))
    seen: list[QWidget] = []
    widget = expected[0]
    for _ in range(2000):
        if id(widget) in members and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
        if widget is expected[0]:
            break
    assert seen == expected


def test_settings_dialog_labels_are_buddies(qtbot, settings):
    from slq_desk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    buddies = {lab.buddy(): lab.text() for lab in dialog.findChildren(QLabel) if lab.buddy()}
    assert buddies[dialog.name] == "姓名"
    assert buddies[dialog.organisation] == "单位"
    assert buddies[dialog.language] == "界面语言"


@pytest.fixture()
def english(qapp):
    from slq_desk.ui import i18n

    assert i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "zh_CN")


def test_english_menus_keep_distinct_mnemonics(english, window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:4] == ["&File", "&Edit", "&View", "&Review"]
    letters = [t[t.index("&") + 1].lower() for t in titles]
    assert len(set(letters)) == len(letters), titles
    assert window.review_tabs.accessibleName().isascii()  # the accessible names are translated too
