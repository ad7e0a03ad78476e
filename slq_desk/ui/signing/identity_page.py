"""The reviewer's signing identity, as a page for the settings dialog.

Shows the installed identity (name, organisation, issuer, validity, fingerprint, key file),
where its passphrase lives (OS keyring, or asked every time when no keyring backend exists),
and lets the reviewer create a self-signed RSA-3072 identity or import a CA's .p12/.pfx.
Key generation and import run as background operations; passphrases are read from password
fields, handed to the operation once as a ``Secret`` (wiped when it ends) and cleared from the
fields.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from slq_desk.errors import BadInput
from slq_desk.ui.operations import Operation, Secret
from slq_desk.ui.signing import signing_ops
from slq_desk.ui.signing.common import (
    BAD_STYLE,
    INFO_STYLE,
    OK_STYLE,
    message_label,
    show_message,
)

# Qt Linguist (pyside6-lupdate) finds the strings by the name `translate("Context", "…")`.
translate = QCoreApplication.translate

Confirm = Callable[[str], bool]


def _password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class IdentityPage(QWidget):
    """``IdentityPage(parent=None)``: a settings page; ``changed(info)`` after create/import.

    ``confirm(question) -> bool`` replaces the "replace the current identity?" question box
    (tests); ``run_sync`` runs key generation on the calling thread (tests).
    """

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, confirm: Confirm | None = None,
                 run_sync: bool = False, name: str = "", organisation: str = "") -> None:
        super().__init__(parent)
        self.run_sync = run_sync
        self._confirm = confirm or self._ask_replace
        self._op: Operation | None = None
        self._build()
        # The reviewer the window already knows (asked once, kept): a new identity is theirs.
        self.name_edit.setText(name)
        self.org_edit.setText(organisation)
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        current = QGroupBox(translate("IdentityPage", "当前签名身份"), self)
        self.current_form = QFormLayout(current)
        layout.addWidget(current)
        self.keyring_label = message_label(self)
        layout.addWidget(self.keyring_label)

        create = QGroupBox(translate("IdentityPage", "创建自签名身份（RSA-3072）"), self)
        cf = QFormLayout(create)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(64)
        self.org_edit = QLineEdit(self)
        self.org_edit.setMaxLength(64)
        self.days_spin = QSpinBox(self)  # a whole number of days, not money
        self.days_spin.setRange(1, 20 * 365)
        self.days_spin.setValue(3 * 365)
        self.days_spin.setSuffix(translate("IdentityPage", " 天"))
        self.new_pass = _password_field(self, translate("IdentityPage", "新口令"))
        self.new_pass2 = _password_field(self, translate("IdentityPage", "再次输入口令"))
        self.backup_edit = QLineEdit(self)
        self.backup_edit.setPlaceholderText(translate("IdentityPage", "可选：另存一份 .p12 备份"))
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_edit, 1)
        self.backup_button = QPushButton(translate("IdentityPage", "选择(&P)…"), self)
        self.backup_button.clicked.connect(self._choose_backup)
        backup_row.addWidget(self.backup_button)
        for text, w in [(translate("IdentityPage", "姓名(&N)："), self.name_edit), (translate("IdentityPage", "单位(&G)："), self.org_edit),
                        (translate("IdentityPage", "有效期(&D)："), self.days_spin), (translate("IdentityPage", "口令(&W)："), self.new_pass),
                        (translate("IdentityPage", "确认口令(&C)："), self.new_pass2)]:
            lab = QLabel(text, self)
            lab.setBuddy(w)
            cf.addRow(lab, w)
        cf.addRow(translate("IdentityPage", "备份副本："), backup_row)
        self.create_button = QPushButton(translate("IdentityPage", "创建身份(&E)"), self)
        self.create_button.clicked.connect(self.create_identity)
        cf.addRow("", self.create_button)
        layout.addWidget(create)

        imp = QGroupBox(translate("IdentityPage", "导入 CA 签发的证书（.p12 / .pfx）"), self)
        imf = QFormLayout(imp)
        self.p12_edit = QLineEdit(self)
        self.p12_edit.setAccessibleName(translate("IdentityPage", "密钥文件"))
        p12_row = QHBoxLayout()
        p12_row.addWidget(self.p12_edit, 1)
        self.p12_button = QPushButton(translate("IdentityPage", "浏览(&B)…"), self)
        self.p12_button.clicked.connect(self._choose_p12)
        p12_row.addWidget(self.p12_button)
        self.import_pass = _password_field(self, translate("IdentityPage", "密钥文件口令"))
        lab = QLabel(translate("IdentityPage", "密钥文件(&F)："), self)
        lab.setBuddy(self.p12_edit)
        imf.addRow(lab, p12_row)
        lab2 = QLabel(translate("IdentityPage", "口令(&K)："), self)
        lab2.setBuddy(self.import_pass)
        imf.addRow(lab2, self.import_pass)
        self.import_button = QPushButton(translate("IdentityPage", "导入(&I)"), self)
        self.import_button.clicked.connect(self.import_identity)
        imf.addRow("", self.import_button)
        layout.addWidget(imp)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.message = message_label(self)
        layout.addWidget(self.message)
        from slq_desk.ui.outputs import OutputBar

        # The backup copy written with a new identity: its folder is one click away.
        self.output_bar = OutputBar(self, printable=False, mnemonics=False)
        self.output_bar.open_button.hide()  # a key file is not opened, its folder is
        layout.addWidget(self.output_bar)
        self._backup: Path | None = None
        layout.addStretch(1)

    # --- display ------------------------------------------------------------------------------

    def refresh(self) -> None:
        from slq_desk.opinion import identity, passphrase

        while self.current_form.rowCount():
            self.current_form.removeRow(0)
        try:
            info = identity.current()
        except BadInput as err:
            self.current_form.addRow(QLabel(str(err)))
            info = None
        self.info = info
        if info is None:
            self.current_form.addRow(QLabel(translate("IdentityPage", "尚无签名身份。可在下方创建自签名身份，或导入 CA 签发的证书。")))
        else:
            issuer = translate("IdentityPage", "自签名") if info.self_signed else info.issuer
            rows = [(translate("IdentityPage", "评审专家"), info.name), (translate("IdentityPage", "单位"), info.organisation or "—"),
                    (translate("IdentityPage", "证书主体"), info.subject), (translate("IdentityPage", "颁发者"), issuer),
                    (translate("IdentityPage", "有效期"), f"{info.not_before[:10]} — {info.not_after[:10]}"),
                    (translate("IdentityPage", "密钥"), info.key_type), (translate("IdentityPage", "证书 SHA-256"), info.cert_sha256),
                    (translate("IdentityPage", "密钥文件"), info.key_file)]
            for label, value in rows:
                v = QLabel(value)
                v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                v.setWordWrap(True)
                self.current_form.addRow(label + "：", v)
        self.current_form.addRow(translate("IdentityPage", "数据文件夹："), QLabel(str(identity.user_data_dir())))
        if passphrase.keyring_available():
            show_message(self.keyring_label, translate("IdentityPage", 
                "口令保存在系统钥匙串（服务名 slq-desk）中：首次签名时输入一次，之后自动使用。"
                "口令从不以明文写入磁盘。"), OK_STYLE)
        else:
            show_message(self.keyring_label, translate("IdentityPage", 
                "没有可用的系统钥匙串（keyring）：口令不会被保存，每次签名都需要输入。"
                "口令从不以明文写入磁盘。"), INFO_STYLE)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.is_busy()
        for w in (self.create_button, self.import_button, self.p12_button, self.backup_button):
            w.setEnabled(not busy)

    def is_busy(self) -> bool:
        return self._op is not None and not self._op.is_done

    # --- actions ------------------------------------------------------------------------------

    def _ask_replace(self, question: str) -> bool:
        answer = QMessageBox.question(self, translate("IdentityPage", "替换签名身份"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _may_replace(self) -> bool:
        if self.info is None:
            return True
        return self._confirm(translate(
            "IdentityPage", "已有签名身份（{0}）。新身份将替换它，旧密钥文件会被覆盖；如需保留，请先备份。是否继续？"
        ).format(self.info.name))

    def _choose_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("IdentityPage", "备份副本"), "", translate("IdentityPage", "PKCS#12 (*.p12)"))
        if path:
            self.backup_edit.setText(path)

    def _choose_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("IdentityPage", "选择密钥文件"), "",
                                              translate("IdentityPage", "PKCS#12 (*.p12 *.pfx);;所有文件 (*)"))
        if path:
            self.p12_edit.setText(path)

    def create_identity(self) -> None:
        if self.is_busy():
            return
        name = self.name_edit.text().strip()
        first, second = self.new_pass.text(), self.new_pass2.text()
        backup = Path(self.backup_edit.text().strip()).expanduser() \
            if self.backup_edit.text().strip() else None
        problem = ""
        if not name:
            problem = translate("IdentityPage", "请填写姓名（证书中的评审专家姓名）。")
        elif not first:
            problem = translate("IdentityPage", "口令不能为空：密钥文件从不以无口令方式保存。")
        elif first != second:
            problem = translate("IdentityPage", "两次输入的口令不一致。")
        elif backup is not None and backup.exists():
            problem = translate("IdentityPage", "备份文件已存在，未覆盖：{0}").format(backup)
        if not problem:
            from slq_desk.errors import BadInput
            from slq_desk.opinion.passphrase import check_new_passphrase

            try:  # said before the fields are cleared, so the person can lengthen it
                check_new_passphrase(first)
            except BadInput as weak:
                problem = str(weak)  # the core's bilingual sentence
        if problem:
            show_message(self.message, problem, BAD_STYLE)
            return
        if not self._may_replace():
            return
        self._clear_passwords()
        self._backup = backup
        self._run(signing_ops.create_identity_op(name, self.org_edit.text().strip(), Secret(first),
                                                 self.days_spin.value(), backup))

    def import_identity(self) -> None:
        if self.is_busy():
            return
        text = self.p12_edit.text().strip()
        secret = self.import_pass.text()
        if not text:
            show_message(self.message, translate("IdentityPage", "请选择 .p12 / .pfx 文件。"), BAD_STYLE)
            return
        if not secret:
            show_message(self.message, translate("IdentityPage", "请输入密钥文件的口令。"), BAD_STYLE)
            return
        if not self._may_replace():
            return
        self.import_pass.clear()
        self._backup = None
        self._run(signing_ops.import_identity_op(Path(text).expanduser(), Secret(secret)))

    def _clear_passwords(self) -> None:
        self.new_pass.clear()
        self.new_pass2.clear()

    def _run(self, op: Operation) -> None:
        op.progress.connect(lambda _done, _total, text: show_message(self.message, text, INFO_STYLE))
        op.finished.connect(self._done)
        op.failed.connect(lambda text: show_message(self.message, translate("IdentityPage", "未完成：{0}").format(text), BAD_STYLE))
        op.ended.connect(self._finished)
        self._op = op
        self.progress.show()
        self._update_buttons()
        op.launch(self.run_sync)

    def _done(self, done: signing_ops.IdentityDone) -> None:
        lines = [translate("IdentityPage", "签名身份已就绪：{0}").format(done.info.name)]
        if done.stored_in_keyring:
            lines.append(translate("IdentityPage", "口令已保存到系统钥匙串。"))
        else:
            lines.append(translate("IdentityPage", "口令未保存（没有可用的系统钥匙串），每次签名时输入。"))
        lines += [translate("IdentityPage", "注意：{0}").format(n) for n in done.notes]
        show_message(self.message, "\n".join(lines), INFO_STYLE if done.notes else OK_STYLE)
        if self._backup is not None and self._backup.is_file():
            self.output_bar.show_file(self._backup, translate("IdentityPage", "备份副本：{0}").format(
                self._backup.name))
        else:
            self.output_bar.hide()
        self.refresh()
        self.changed.emit(done.info)

    def _finished(self) -> None:
        self.progress.hide()
        self._update_buttons()
