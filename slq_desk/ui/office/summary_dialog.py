"""Export the 初审汇总表 for the hand-off to the panel: XLSX and PDF (signed with the installed
identity, or an unsigned 草稿), of the applications in the chosen statuses (初审通过 by
default), with the 初审人 and the office; then open the file or its folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from slq_desk.desk.service import Desk
from slq_desk.office import status as wf
from slq_desk.ui.office.common import open_path, status_name
from slq_desk.ui.operations import Operation, Report
from slq_desk.ui.signing import signing_ops
from slq_desk.ui.signing.common import (
    BAD_STYLE,
    INFO_STYLE,
    OK_STYLE,
    ask_passphrase,
    message_label,
    show_message,
)

Launcher = Callable[[Operation], Operation]
Asker = Callable[[str], "str | None"]
OFFERED = (wf.PASSED, wf.FAILED, wf.PENDING, wf.SUPPLEMENTING, wf.REVIEWING)


class SummaryDialog(QDialog):
    def __init__(self, desk: Desk, launch: Launcher, official: str, *, ask: Asker | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SummaryDialog")
        self.desk = desk
        self.launch = launch
        self.written: Any = None
        self._op: Operation | None = None
        self._bridge = signing_ops.PromptBridge(ask or (lambda label: ask_passphrase(self, label)), self)
        self._bridge.notified.connect(self._notice)
        self.setWindowTitle(self.tr("导出初审汇总表"))
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        statuses = QHBoxLayout()
        self.status_boxes: dict[str, QCheckBox] = {}
        for code in OFFERED:
            box = QCheckBox(status_name(code), self)
            box.setChecked(code == wf.PASSED)
            box.toggled.connect(lambda _on: self._count())
            statuses.addWidget(box)
            self.status_boxes[code] = box
        statuses.addStretch(1)
        form.addRow(self.tr("列入状态："), statuses)
        self.count_label = QLabel(self)
        form.addRow("", self.count_label)
        self.official_edit = QLineEdit(official, self)
        self.official_edit.setAccessibleName(self.tr("初审人"))
        self._row(form, self.tr("初审人(&P)："), self.official_edit)
        self.office_edit = QLineEdit(desk.office.office_name(), self)
        self.office_edit.setAccessibleName(self.tr("发文机关"))
        self._row(form, self.tr("机关(&G)："), self.office_edit)
        out_row = QHBoxLayout()
        self.out_edit = QLineEdit(str(desk.path / "summary"), self)
        self.out_edit.setAccessibleName(self.tr("输出文件夹"))
        browse = QPushButton(self.tr("浏览(&B)…"), self)
        browse.clicked.connect(self._browse)
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(browse)
        out_label = QLabel(self.tr("输出文件夹(&O)："), self)
        out_label.setBuddy(self.out_edit)
        form.addRow(out_label, out_row)
        self.unsigned_box = QCheckBox(self.tr("不签名，只生成草稿(&N)"), self)
        form.addRow("", self.unsigned_box)
        layout.addLayout(form)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.message = message_label(self)
        self.message.setObjectName("SummaryResult")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        layout.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(self.tr("导出(&E)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.clicked.connect(self.export)
        self.open_xlsx_button = buttons.addButton(self.tr("打开 XLSX(&X)"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.open_xlsx_button.clicked.connect(lambda: self.written and open_path(self.written.xlsx))
        self.open_pdf_button = buttons.addButton(self.tr("打开 PDF(&F)"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        self.open_pdf_button.clicked.connect(lambda: self.written and open_path(self.written.pdf))
        self.open_folder_button = buttons.addButton(self.tr("打开文件夹(&L)"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.clicked.connect(
            lambda: self.written and open_path(self.written.pdf.parent))
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._count()
        self._update_buttons()

    def _notice(self, message: str) -> None:
        show_message(self.message, message, INFO_STYLE)

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        form.addRow(label, field)

    def statuses(self) -> list[str]:
        return [code for code, box in self.status_boxes.items() if box.isChecked()]

    def _count(self) -> None:
        chosen = self.statuses()
        count = len(self.desk.office.summary_candidates(chosen)) if chosen else 0
        self.count_label.setText(self.tr("将列入 {0} 份申报。").format(count))
        self._ready = count > 0
        if hasattr(self, "export_button"):
            self._update_buttons()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("输出文件夹"), self.out_edit.text())
        if folder:
            self.out_edit.setText(folder)

    def export(self) -> None:
        if self._op is not None and not self._op.is_done:
            return
        official, office = self.official_edit.text().strip(), self.office_edit.text().strip()
        if not official or not office:
            show_message(self.message, self.tr("请填写初审人和机关。"), BAD_STYLE)
            return
        out = Path(self.out_edit.text().strip()).expanduser()
        statuses, unsigned = self.statuses(), self.unsigned_box.isChecked()
        desk, bridge = self.desk, self._bridge

        def work(report: Report) -> Any:
            identity = None
            if not unsigned:
                report(0, 0, "")
                identity = signing_ops.unlock_identity(None, bridge, bridge.notify)
            return desk.office.write_summary(out, statuses, official, office, identity)

        op = Operation(work)
        op.finished.connect(self._written)
        op.failed.connect(lambda m: show_message(self.message, self.tr("未导出：{0}").format(m),
                                                 BAD_STYLE))
        op.cancelled.connect(lambda: show_message(self.message, self.tr("已取消。"), BAD_STYLE))
        op.ended.connect(self._ended)
        self._op = op
        self.progress.show()
        self._update_buttons()
        self.launch(op)

    def _written(self, written: Any) -> None:
        self.written = written
        state = self.tr("已签名") if not self.unsigned_box.isChecked() else self.tr("草稿，未签名")
        show_message(self.message, self.tr("已导出 {0} 份申报（{1}）：\n{2}\n{3}").format(
            written.rows, state, written.xlsx, written.pdf), OK_STYLE)

    def _ended(self) -> None:
        self.progress.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._op is not None and not self._op.is_done
        self.export_button.setEnabled(not busy and self._ready)
        for button in (self.open_xlsx_button, self.open_pdf_button, self.open_folder_button):
            button.setVisible(self.written is not None)
        self.close_button.setEnabled(not busy)

    def reject(self) -> None:
        if self._op is not None and not self._op.is_done:
            return
        super().reject()
