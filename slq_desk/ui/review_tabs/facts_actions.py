"""The window's 认定事实 and 更改文档类型 entries: menu actions, the tabs' buttons, the dialogs
and the operations behind them.

Kept out of main_window.py (like ``office/actions.py``): the window makes one ``FactsActions``.
Each change (and a field's correction, ``change_field``) is a step in the window's undo history
(``review_history.py``). The changes are signed with the reviewer's name (asked once), go
through the desk service (``Desk.set_facts`` / ``Desk.relabel``, audited there) and re-run the
checks, so they run as operations off the UI thread with a progress dialog; the checklist, the
calculation and the list refresh when they end. A refusal from the core (a line that does not
exist, a document of another application) is shown, nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog

from slq_desk.money import yuan
from slq_desk.ui.operations import Operation, Report
from slq_desk.ui.review_tabs.review_history import Apply, State

if TYPE_CHECKING:
    from slq_desk.desk.entry import FieldKey
    from slq_desk.desk.facts import ApplicationFacts
    from slq_desk.ui.main_window import MainWindow
    from slq_desk.ui.review_tabs.calculation_tab import CalculationTab
    from slq_desk.ui.review_tabs.checklist_tab import ChecklistTab


class FactsActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialogs: list[QDialog] = []  # the open ones (tests and screenshots look at them)
        self.progress: QProgressDialog | None = None
        self.facts_action = self._action(self.tr("认定事实(&F)…"), "Ctrl+Shift+F", self.edit_facts)
        self.facts_action.setToolTip(self.tr("人工认定申报方向、服务期限、是否国产等事实 (Ctrl+Shift+F)"))
        self.relabel_action = self._action(self.tr("更改文档类型(&K)…"), "Ctrl+Shift+K", self.relabel_current)
        self.relabel_action.setToolTip(self.tr("按所选材料的正确类型重新读取，并记住此文件的类型 (Ctrl+Shift+K)"))
        menu = window.menus.get("review") or window.add_menu("review", self.tr("审核(&R)"))
        menu.addSeparator()
        menu.addAction(self.facts_action)
        menu.addAction(self.relabel_action)
        # The tabs' buttons, once the tabs exist: they are built after the window's first paint
        # (start-up, issue 18), and building them here had put them back before it.
        window.review_tabs_built.connect(self.connect_tabs)
        built = window.review_tabs_if_built()
        if built is not None:
            self.connect_tabs(built[0], built[2])

    def connect_tabs(self, checklist: ChecklistTab, calculation: CalculationTab) -> None:
        checklist.facts_requested.connect(self.edit_facts)
        checklist.relabel_requested.connect(self.relabel)
        checklist.entry_requested.connect(self.enter_field)
        calculation.facts_requested.connect(self.edit_facts)

    def _action(self, text: str, shortcut: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _current(self) -> tuple[Any, str] | None:
        w = self.window
        if w.desk is None:
            w.statusBar().showMessage(self.tr("请先打开工作区"), 5000)
            return None
        if w.application_id is None:
            w.statusBar().showMessage(self.tr("请先在左侧选择一份申报"), 5000)
            return None
        return w.desk, w.application_id

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self.dialogs.remove(dialog) if dialog in self.dialogs else None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    # --- 认定事实 -------------------------------------------------------------------------------

    def edit_facts(self) -> Operation | None:
        """Read the facts (an operation: it loads the policies), then open the dialog."""
        current = self._current()
        if current is None:
            return None
        desk, app_id = current
        op = Operation(lambda report: desk.application_facts(app_id))
        op.finished.connect(lambda data: self._open_facts(app_id, data))
        op.failed.connect(self._failed)
        return self.window.run_operation(op)

    def _open_facts(self, app_id: str, data: ApplicationFacts) -> None:
        if app_id != self.window.application_id:
            return  # the person moved on while it loaded
        from slq_desk.ui.review_tabs.facts_dialog import FactsDialog

        dialog = FactsDialog(data, self.window)
        dialog.accepted.connect(lambda: self._facts_chosen(app_id, dialog.values))
        self._show(dialog)

    def _facts_chosen(self, app_id: str, values: dict[str, str]) -> None:
        if not values:
            self.window.statusBar().showMessage(self.tr("事实未改变"), 5000)
            return
        if not self.window.reviewer():
            # A fact is set under a person's name, never the login name: ask, then do it.
            self.window.ask_reviewer(lambda: self.set_facts(app_id, values))
            return
        self.set_facts(app_id, values)

    def set_facts(self, app_id: str, values: dict[str, str]) -> Operation | None:
        """Set the facts and run the checks again, as an operation; a step in the undo history."""
        desk = self.window.desk
        if desk is None:
            return None
        # What the facts were, read on the worker just before they change: the way back.
        before: dict[str, str] = {}
        op = self._facts_operation(app_id, values, lambda: before.update(desk.fact_texts(app_id, values)))
        if op is None:
            return None
        op.finished.connect(lambda _result: self.window.review_history.record(
            app_id, self.tr("认定事实"), self._facts_step(app_id), before, dict(values)))
        return self.window.run_operation(op)

    def _facts_step(self, app_id: str) -> Apply:
        return lambda state, _other: self._facts_operation(app_id, state)

    def _facts_operation(self, app_id: str, values: dict[str, str],
                         first: Callable[[], None] | None = None) -> Operation | None:
        desk = self.window.desk
        if desk is None:
            return None
        who = self.window.reviewer()
        self._busy(self.tr("正在认定事实并重新检查与测算…"), self.tr("认定事实"))

        def work(report: Report) -> Any:
            report(0, 0, "初审检查")
            if first is not None:
                first()
            return desk.set_facts(app_id, values, who)

        op = Operation(work)
        op.finished.connect(lambda result: self._done(self.tr("已认定事实并重新检查与测算：测算补贴 {0}")
                                                      .format(yuan(result.subsidy))))
        return self._ending(op)

    # --- 更改文档类型 ----------------------------------------------------------------------------

    def relabel_current(self) -> None:
        tab = self.window.checklist_tab
        doc = tab.document_of(tab.tree.currentItem())
        if doc is None:
            self.window.statusBar().showMessage(self.tr("请先在检查清单中选择一份材料"), 5000)
            return
        self.relabel(doc.document_id)

    def relabel(self, document_id: int) -> QDialog | None:
        data = self.window.checklist_tab.data
        doc = next((d for d in data.documents if d.document_id == document_id), None) if data else None
        if doc is None or self._current() is None:
            return None
        app_id = data.application_id if data is not None else ""
        from slq_desk.ui.review_tabs.facts_dialog import RelabelDialog

        dialog = RelabelDialog(doc, self.window)
        dialog.accepted.connect(lambda: self._kind_chosen(app_id, document_id, dialog.kind))
        return self._show(dialog)

    def _kind_chosen(self, app_id: str, document_id: int, kind: str | None) -> None:
        if kind is None:
            return
        if not self.window.reviewer():
            self.window.ask_reviewer(lambda: self.set_kind(app_id, document_id, kind))
            return
        self.set_kind(app_id, document_id, kind)

    def set_kind(self, app_id: str, document_id: int, kind: str) -> Operation | None:
        """Read the document again as ``kind`` (the reader process; scanned pages are OCR'd,
        with progress), then run the checks again, as an operation; a step in the undo history
        (back: read again as the kind it had, with the corrections this reading had no field
        for carried back)."""
        op = self._kind_operation(app_id, document_id, kind)
        if op is None:
            return None

        def made(result: dict[str, Any]) -> None:
            self.window.review_history.record(
                app_id, self.tr("更改文档类型"), self._kind_step(app_id, document_id),
                {"kind": result["was"], "carry": result["dropped"]}, {"kind": kind, "carry": ()})

        op.finished.connect(made)
        return self.window.run_operation(op)

    def _kind_step(self, app_id: str, document_id: int) -> Apply:
        def apply(state: State, other: State) -> Operation | None:
            op = self._kind_operation(app_id, document_id, state["kind"], state["carry"])
            if op is not None:  # what this reading had no field for goes with the way back
                op.finished.connect(lambda result: other.update(carry=result["dropped"]))
            return op
        return apply

    def _kind_operation(self, app_id: str, document_id: int, kind: str,
                        carry: tuple[Any, ...] = ()) -> Operation | None:
        desk = self.window.desk
        if desk is None:
            return None
        who = self.window.reviewer()
        progress = self._busy(self.tr("正在按新类型重新读取材料…"), self.tr("更改文档类型"))
        op = Operation(lambda report: desk.relabel(app_id, document_id, kind, who, progress=report,
                                                   carry=carry))
        op.progress.connect(lambda done, total, text: self._progress(progress, done, total, text))
        op.finished.connect(lambda result: self._done(
            self.tr("已更改文档类型：{0}，重新读取 {1} 个字段并重新检查与测算").format(result["name"], result["fields"])))
        return self._ending(op)

    # --- 补录字段 --------------------------------------------------------------------------------

    def enter_field(self, document_id: int) -> QDialog | None:
        """A field the reader did not find on the document (a contract's total …)."""
        data = self.window.checklist_tab.data
        doc = next((d for d in data.documents if d.document_id == document_id), None) if data else None
        current = self._current()
        if doc is None or current is None or data is None:
            return None
        desk, app_id = current
        _kind, missing = desk.missing_fields(document_id)
        if not missing:
            self.window.statusBar().showMessage(self.tr("此材料没有可补录的字段"), 5000)
            return None
        from slq_desk.ui.review_tabs.facts_dialog import EntryDialog

        dialog = EntryDialog(doc, missing, self.window)
        dialog.accepted.connect(lambda: self._entered(data.application_id, document_id,
                                                      dialog.name, dialog.value))
        return self._show(dialog)

    def _entered(self, app_id: str, document_id: int, name: str | None, value: str | None) -> None:
        if name is None or value is None:
            return
        if not self.window.reviewer():
            self.window.ask_reviewer(lambda: self.save_entry(app_id, document_id, name, value))
            return
        self.save_entry(app_id, document_id, name, value)

    def save_entry(self, app_id: str, document_id: int, name: str, value: str) -> Operation | None:
        """Enter the field and run the checks again, as an operation; a step in the undo
        history (back: the entered value taken away)."""
        from slq_desk.desk.entry import FieldKey

        return self.change_field(FieldKey(app_id, document_id, name, None), value,
                                 self.tr("补录字段"), self.tr("正在补录字段并重新检查与测算…"),
                                 self.tr("已补录字段并重新检查与测算：测算补贴 {0}"))

    def change_field(self, key: FieldKey, value: str | None, label: str, busy: str,
                     done: str) -> Operation | None:
        """A field's value given by a person, or taken back (None): 更正字段值 / 撤回更正 / 补录字段,
        through ``Desk.set_field``; a step in the undo history."""
        desk = self.window.desk
        if desk is None:
            return None
        before: dict[str, str | None] = {}
        op = self._field_operation(key, value, label, busy, done,
                                   lambda: before.update(value=desk.person_value(key)))
        if op is None:
            return None
        op.finished.connect(lambda _result: self.window.review_history.record(
            key.application_id, label, self._field_step(key, label, busy, done), before, {"value": value}))
        return self.window.run_operation(op)

    def _field_step(self, key: FieldKey, label: str, busy: str, done: str) -> Apply:
        return lambda state, _other: self._field_operation(key, state["value"], label, busy, done)

    def _field_operation(self, key: FieldKey, value: str | None, label: str, busy: str, done: str,
                         first: Callable[[], None] | None = None) -> Operation | None:
        desk = self.window.desk
        if desk is None:
            return None
        who = self.window.reviewer()
        self._busy(busy, label)

        def work(report: Report) -> Any:
            if first is not None:
                first()
            return desk.set_field(key, value, who)

        op = Operation(work)
        op.finished.connect(lambda result: self._done(done.format(yuan(result.subsidy))))
        return self._ending(op)

    # --- progress and outcome --------------------------------------------------------------------

    def _busy(self, text: str, title: str) -> QProgressDialog:
        self.window.checklist_tab.busy.setText(text)
        self.window.statusBar().showMessage(text)
        progress = QProgressDialog(text, "", 0, 0, self.window)
        progress.setCancelButton(None)  # the reading and the checks are one transaction each
        progress.setObjectName("FactsProgress")
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress
        return progress

    def _progress(self, progress: QProgressDialog, done: int, total: int, text: str) -> None:
        if text == "OCR" and total:
            progress.setLabelText(self.tr("正在识别扫描页文字：第 {0}/{1} 页").format(done, total))
            progress.setRange(0, total)
            progress.setValue(done)
        else:
            progress.setLabelText(self.tr("正在重新检查与测算…"))
            progress.setRange(0, 0)

    def _ending(self, op: Operation) -> Operation:
        op.failed.connect(self._failed)
        op.ended.connect(self._idle)
        return op

    def _idle(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.window.checklist_tab.busy.clear()

    def _done(self, message: str) -> None:
        w = self.window
        if getattr(w, "_shut_down", False):
            return
        w.refresh_applications()
        w.reload_review_data()
        w.statusBar().showMessage(message, 10000)

    def _failed(self, message: str) -> None:
        self.window.checklist_tab.busy.clear()
        QMessageBox.warning(self.window, self.tr("操作未完成"), message)
