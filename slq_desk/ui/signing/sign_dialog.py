"""Sign and export the current application's review as a signed 专家评审意见表 PDF.

Before anything is asked, the dialog says whether the review can be signed (``build``'s list of
problems: no conflict-of-interest declaration, unscored criteria, no recommendation …) and
whether an identity is installed; signing is refused with those reasons, never attempted. The
passphrase comes from the OS keyring or a password prompt on the GUI thread; key unlocking,
layout and signing run in a worker (``SignOpinionOp``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from slq_desk.errors import BadInput
from slq_desk.ui.operations import Operation
from slq_desk.ui.outputs import Opener, OutputBar
from slq_desk.ui.signing import signing_ops
from slq_desk.ui.signing.common import (
    BAD_STYLE,
    INFO_STYLE,
    OK_STYLE,
    ask_passphrase,
    message_label,
    show_message,
)
from slq_desk.workspace import Workspace

# Qt Linguist (pyside6-lupdate) finds the strings by the name `translate("Context", "…")`.
translate = QCoreApplication.translate

Asker = Callable[[str], "str | None"]


class SignDialog(QDialog):
    """``SignDialog(workspace, application_id, parent)``; ``signed(path)`` after success.

    ``ask`` replaces the password prompt (tests); ``open_verify(path)`` lets the main window
    show the file in its own verify window instead of a new one; ``run_sync`` runs the
    signing on the calling thread (tests).
    """

    signed = Signal(Path)
    verify_requested = Signal(Path)

    def __init__(self, workspace: Workspace, application_id: str, parent: QWidget | None = None,
                 *, ask: Asker | None = None, key_path: Path | None = None,
                 run_sync: bool = False,
                 open_verify: Callable[[Path], None] | None = None,
                 actor: str | None = None, opener: Opener | None = None) -> None:
        super().__init__(parent)
        self.opener = opener  # what opens the signed file or its folder (tests pass their own)
        self.actor = actor or None  # the reviewer's name for the audit log (else the key's holder)
        self.open_verify = open_verify
        self.workspace = workspace
        self.desk = Desk(workspace)
        self.application_id = application_id
        self.key_path = key_path
        self.run_sync = run_sync
        self.problems: list[str] = []
        self.exported_path: Path | None = None
        self.verify_window: QWidget | None = None
        self._op: Operation | None = None
        self._bridge = signing_ops.PromptBridge(ask or (lambda label: ask_passphrase(self, label)),
                                            self)
        self._bridge.notified.connect(self._on_notice)
        self.setWindowTitle(translate("SignDialog", "签署并导出评审意见"))
        self.setMinimumWidth(640)
        self._build()
        self.refresh()

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.header.setFont(font)
        layout.addWidget(self.header)

        form = QFormLayout()
        self.identity_label = QLabel(self)
        self.identity_label.setWordWrap(True)
        self.identity_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(translate("SignDialog", "签名身份："), self.identity_label)
        self.reviewer_box = QComboBox(self)
        self.reviewer_box.setAccessibleName(translate("SignDialog", "评审专家"))
        self.reviewer_box.currentIndexChanged.connect(lambda _i: self._check_review())
        reviewer_label = QLabel(translate("SignDialog", "评审记录(&R)："), self)
        reviewer_label.setBuddy(self.reviewer_box)
        form.addRow(reviewer_label, self.reviewer_box)

        out_row = QHBoxLayout()
        self.out_edit = QLineEdit(self)
        self.out_edit.setAccessibleName(translate("SignDialog", "输出文件"))
        self.browse_button = QPushButton(translate("SignDialog", "浏览(&B)…"), self)
        self.browse_button.clicked.connect(self._browse)
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.browse_button)
        out_label = QLabel(translate("SignDialog", "输出文件(&O)："), self)
        out_label.setBuddy(self.out_edit)
        form.addRow(out_label, out_row)
        self.replace_box = QCheckBox(translate("SignDialog", "覆盖已有文件(&W)"), self)
        form.addRow("", self.replace_box)
        layout.addLayout(form)

        self.readiness = message_label(self)
        layout.addWidget(self.readiness)
        self.notice = message_label(self)
        layout.addWidget(self.notice)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: signing has no measurable steps
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.result_label = message_label(self)
        layout.addWidget(self.result_label)
        # After signing: open the file, its folder, or print it — not only a path to copy.
        self.output_bar = OutputBar(self, opener=self.opener)
        layout.addWidget(self.output_bar)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox(self)
        self.sign_button = self.buttons.addButton(translate("SignDialog", "签署并导出(&S)"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.verify_button = self.buttons.addButton(translate("SignDialog", "立即验证(&V)"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.verify_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(translate("SignDialog", "关闭"))
        self.sign_button.clicked.connect(self.sign)
        self.verify_button.clicked.connect(self.verify_now)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.sign_button.setDefault(True)

    # --- state --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the application, its reviews and the installed identity again."""
        from slq_desk.opinion import identity
        from slq_desk.opinion.export import default_name

        self._identity_error = ""
        try:
            info = identity.current()
        except BadInput as err:
            info, self._identity_error = None, str(err)
        self.identity_info = info
        if info is None:
            self.identity_label.setText(self._identity_error or translate("SignDialog", 
                "尚无签名身份：请先在“设置 › 签名身份”中创建或导入。"))
        else:
            kind = translate("SignDialog", "自签名") if info.self_signed else translate("SignDialog", "CA 签发")
            org = f"（{info.organisation}）" if info.organisation else ""
            self.identity_label.setText(translate("SignDialog", "{0}{1} · {2} · {3} · 有效期至 {4}").format(
                info.name, org, kind, info.key_type, info.not_after[:10]))
        context = self.desk.sign_context(self.application_id)
        reviewers = list(context.reviewers)
        applicant = context.applicant
        self._app_exists = context.exists
        # The application, its applicant and its policy: what is about to be signed.
        self.header.setText(translate("SignDialog", "申报")
                            + " · ".join(p for p in (f" {self.application_id}", applicant,
                                                     context.policy) if p))
        self.reviewer_box.blockSignals(True)
        self.reviewer_box.clear()
        self.reviewer_box.addItems(reviewers)
        if info is not None and info.name in reviewers:
            self.reviewer_box.setCurrentIndex(reviewers.index(info.name))
        self.reviewer_box.setEnabled(len(reviewers) > 1)
        self.reviewer_box.blockSignals(False)
        if not self.out_edit.text():
            self.out_edit.setText(str(self.workspace.path / "opinions"
                                      / default_name(self.application_id)))
        self._check_review()

    def reviewer(self) -> str | None:
        return self.reviewer_box.currentText() or None

    def _check_review(self) -> None:
        """Refusals shown before anything is asked: the same checks signing applies."""
        problems: list[str] = []
        notes: list[str] = []
        if not self._app_exists:
            problems.append(translate("SignDialog", "工作区中没有这个申报。"))
        elif self.reviewer_box.count() == 0:
            problems.append(translate("SignDialog", "这个申报还没有评审记录：请先完成评分。"))
        else:
            try:
                built = self.desk.sign_readiness(self.application_id, self.reviewer())
                problems.extend(built.problems)
                notes.extend(built.notes)
                info = self.identity_info
                if info is not None and info.name and info.name != built.data.reviewer:
                    notes.append(translate("SignDialog", "证书姓名（{0}）与评审记录中的评审专家（{1}）不同。").format(
                        info.name, built.data.reviewer))
            except BadInput as err:
                problems.append(str(err))
        if self.identity_info is None:
            problems.append(self._identity_error or translate("SignDialog", 
                "尚无签名身份：请先在“设置 › 签名身份”中创建或导入。"))
        self.problems = problems
        if problems:
            show_message(self.readiness, translate("SignDialog", "评审尚不能签署：{0}").format("\n• " + "\n• ".join(problems)),
                         BAD_STYLE)
        else:
            text = translate("SignDialog", "评审已完成，可以签署。")
            if notes:
                text += "\n" + "\n".join(f"注意：{n}" for n in notes)
            show_message(self.readiness, text, INFO_STYLE if notes else OK_STYLE)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.is_busy()
        self.sign_button.setEnabled(not busy and not self.problems)
        self.browse_button.setEnabled(not busy)
        self.out_edit.setEnabled(not busy)
        self.close_button.setEnabled(not busy)

    def _browse(self) -> None:
        start = self.out_edit.text() or str(self.workspace.path)
        path, _ = QFileDialog.getSaveFileName(self, translate("SignDialog", "保存签名的评审意见"), start,
                                              translate("SignDialog", "PDF 文件 (*.pdf)"))
        if path:
            self.out_edit.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    # --- signing ------------------------------------------------------------------------------

    def output_path(self) -> Path:
        text = self.out_edit.text().strip()
        if not text:
            raise BadInput(translate("SignDialog", "请选择输出文件。"))
        path = Path(text).expanduser()
        if path.suffix.lower() != ".pdf":
            raise BadInput(translate("SignDialog", "输出文件应以 .pdf 结尾。"))
        if path.exists() and path.is_dir():
            raise BadInput(translate("SignDialog", "输出位置是一个文件夹：{0}").format(path))
        if path.exists() and not self.replace_box.isChecked():
            raise BadInput(translate("SignDialog", "文件已存在，未覆盖：{0}\n如需替换，请勾选“覆盖已有文件”。").format(path))
        return path

    def sign(self) -> None:
        if self.is_busy():
            return
        self._check_review()
        if self.problems:
            return
        show_message(self.result_label, "", OK_STYLE)
        self.verify_button.hide()
        self.output_bar.hide()
        try:
            out = self.output_path()
        except BadInput as err:
            show_message(self.result_label, str(err), BAD_STYLE)
            return
        op = signing_ops.sign_opinion_op(
            self.desk, self.application_id, out, self._bridge, self._bridge.notify,
            reviewer=self.reviewer(), replace=self.replace_box.isChecked(),
            key_path=self.key_path, actor=self.actor)
        op.progress.connect(lambda _done, _total, text: self.status.setText(text))
        op.finished.connect(self._on_signed)
        op.failed.connect(self._on_failed)
        op.cancelled.connect(self._on_cancelled)
        op.ended.connect(self._on_finished)
        self._op = op
        self.progress.show()
        self._update_buttons()
        op.launch(self.run_sync)

    def is_busy(self) -> bool:
        return self._op is not None and not self._op.is_done

    def _on_notice(self, message: str) -> None:
        # The no-keyring notice, Chinese half first: said once, then the prompt follows.
        show_message(self.notice, message.split(" No OS keyring")[0], INFO_STYLE)

    def _on_signed(self, done: signing_ops.Signed) -> None:
        exp = done.exported
        self.exported_path = exp.path
        lines = [translate("SignDialog", "已签署并导出：{0}").format(exp.path),
                 translate("SignDialog", "签名人：{0}").format(exp.signer), f"SHA-256：{exp.sha256}"]
        lines += [translate("SignDialog", "注意：{0}").format(n) for n in [*exp.notes, *done.warnings]]
        show_message(self.result_label, "\n".join(lines), OK_STYLE)
        self.status.setText(translate("SignDialog", "完成。"))
        self.output_bar.show_file(exp.path, translate("SignDialog", "已签署：{0}").format(exp.path.name))
        self.verify_button.show()
        self.verify_button.setFocus()
        self.signed.emit(exp.path)

    def _on_failed(self, message: str) -> None:
        show_message(self.result_label, translate("SignDialog", "未签署：{0}").format(message), BAD_STYLE)
        self.status.setText("")

    def _on_cancelled(self) -> None:
        show_message(self.result_label, translate("SignDialog", "已取消，未签署。"), BAD_STYLE)
        self.status.setText("")

    def _on_finished(self) -> None:
        self.progress.hide()
        self._update_buttons()
        self._check_review()  # the file now exists; the readiness text stays true

    def verify_now(self) -> None:
        if self.exported_path is None:
            return
        self.verify_requested.emit(self.exported_path)
        if self.open_verify is not None:
            self.open_verify(self.exported_path)  # the main window shows its own window
            return
        from slq_desk.ui.signing.verify_window import VerifyWindow

        window = VerifyWindow(run_sync=self.run_sync)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.verify_path(self.exported_path)
        self.verify_window = window

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_busy():
            event.ignore()  # the worker may be waiting on this dialog's passphrase prompt
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self.is_busy():
            return  # never abandon a signature half-written; the worker finishes in seconds
        super().reject()
