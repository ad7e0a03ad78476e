"""The chair's 评审包与承诺书 tab: export one signed review kit per drawn expert (a background
operation with progress), tell the experts the chair certificate's fingerprint, import the
signed 评审纪律与保密承诺书 and see who pledged when — and who has not.

The kits cover the latest draw's applications (``Desk.panel_export_kit``); the originals come
from the workspace or from the packages folder named here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from slq_desk.errors import SlqError, localised
from slq_desk.ui import i18n
from slq_desk.ui.operations import Report
from slq_desk.ui.panel.widgets import (
    ALERT_BG,
    OK_BG,
    OpenButtons,
    ProcessPage,
    beijing,
    fill_row,
    item,
    path_row,
    table,
)
from slq_desk.ui.signing.common import BAD_STYLE, INFO_STYLE, OK_STYLE, message_label, show_message


@dataclass
class KitsDone:
    folder: Path
    chair_fingerprint: str = ""
    written: list[Any] = field(default_factory=list)  # (expert, KitExport)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (expert, reason)


class KitsPage(ProcessPage):
    """``KitsPage(view)``: kits out, pledges in."""

    kits_exported = Signal(object)  # KitsDone
    pledges_imported = Signal(object)  # PledgeImport

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self.last_kits: KitsDone | None = None
        self.last_pledges: Any = None
        v = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        v.addWidget(split, 1)

        box = QGroupBox(self.tr("评审包（每位抽中的专家一个，组长签名）"), split)
        b = QVBoxLayout(box)
        form = QFormLayout()
        self.kit_dir = QLineEdit(box)
        self.kit_dir.setText(str(view.workspace.path / "panel-kits"))
        self.kit_dir.setAccessibleName(self.tr("评审包导出文件夹"))
        lab = QLabel(self.tr("导出到文件夹(&D)："), box)
        lab.setBuddy(self.kit_dir)
        form.addRow(lab, path_row(box, self.kit_dir, self.tr("选择评审包导出文件夹")))
        self.packages_dir = QLineEdit(box)
        self.packages_dir.setPlaceholderText(self.tr("可选：工作区中没有原件时，原件所在文件夹（文件夹/申报编号/文件）"))
        self.packages_dir.setAccessibleName(self.tr("材料原件文件夹"))
        lab = QLabel(self.tr("材料原件(&G)："), box)
        lab.setBuddy(self.packages_dir)
        form.addRow(lab, path_row(box, self.packages_dir, self.tr("选择材料原件文件夹")))
        self.pledge_file = QLineEdit(box)
        self.pledge_file.setPlaceholderText(self.tr("可选：本评审组自己的承诺书文本（.txt）；默认使用内置文本"))
        self.pledge_file.setAccessibleName(self.tr("承诺书文本"))
        lab = QLabel(self.tr("承诺书文本(&T)："), box)
        lab.setBuddy(self.pledge_file)
        form.addRow(lab, path_row(box, self.pledge_file, self.tr("选择承诺书文本"),
                                  file_filter=self.tr("文本文件 (*.txt)")))
        row = QHBoxLayout()
        self.replace_box = QCheckBox(self.tr("覆盖已有评审包"), box)
        self.export_button = QPushButton(self.tr("为每位专家导出评审包(&K)"), box)
        self.export_button.clicked.connect(self.export_kits)
        row.addWidget(self.replace_box)
        row.addStretch(1)
        row.addWidget(self.export_button)
        form.addRow("", row)
        b.addLayout(form)
        self.kit_message = message_label(box)
        b.addWidget(self.kit_message)
        self.fingerprint = QLabel(box)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        b.addWidget(self.fingerprint)
        self.kits_table = table(box, [self.tr("专家"), self.tr("结果"), self.tr("申报"),
                                      self.tr("文件数"), self.tr("评审包文件"), "SHA-256"],
                                self.tr("评审包"))
        self.kits_table.itemSelectionChanged.connect(self._kit_selected)
        b.addWidget(self.kits_table, 1)
        self.kit_open = OpenButtons(box)
        b.addWidget(self.kit_open)

        box2 = QGroupBox(self.tr("评审纪律与保密承诺书"), split)
        b2 = QVBoxLayout(box2)
        row2 = QHBoxLayout()
        self.import_folder_button = QPushButton(self.tr("导入承诺书文件夹(&M)…"), box2)
        self.import_folder_button.clicked.connect(self._choose_pledges_folder)
        self.import_file_button = QPushButton(self.tr("导入承诺书文件(&F)…"), box2)
        self.import_file_button.clicked.connect(self._choose_pledges_file)
        row2.addWidget(self.import_folder_button)
        row2.addWidget(self.import_file_button)
        hint = QLabel(self.tr("专家在自己的 slq-desk 中导入评审包并签署承诺书后，评审材料才会打开；签署的承诺书随评审意见交回。"), box2)
        hint.setWordWrap(True)
        row2.addWidget(hint, 1)
        b2.addLayout(row2)
        self.pledge_message = message_label(box2)
        b2.addWidget(self.pledge_message)
        self.pledges_table = table(box2, [self.tr("专家"), self.tr("承诺书"), self.tr("签署时间（北京时间）"),
                                          self.tr("签名证书"), self.tr("评审包编号")],
                                   self.tr("承诺书"))
        b2.addWidget(self.pledges_table, 1)
        split.addWidget(box)
        split.addWidget(box2)
        self.load()

    # --- kits ---------------------------------------------------------------------------------

    def export_kits(self) -> bool:
        draw = self.attempt(self.kit_message, self.desk.panel_latest_draw)
        if draw is None:
            if not self.kit_message.text():
                show_message(self.kit_message, self.tr("尚未抽取评审专家：请先在“抽取专家”页抽取。"),
                             BAD_STYLE)
            return False
        text = self.kit_dir.text().strip()
        if not text:
            show_message(self.kit_message, self.tr("请选择导出文件夹。"), BAD_STYLE)
            return False
        folder = Path(text).expanduser()
        packages_text = self.packages_dir.text().strip()
        packages = Path(packages_text).expanduser() if packages_text else None
        pledge_text = self.pledge_file.text().strip()
        pledge = Path(pledge_text).expanduser() if pledge_text else None
        members, replace = list(draw.members), self.replace_box.isChecked()
        desk = self.desk

        def work(report: Report) -> KitsDone:
            chair = self.identity(report)
            done = KitsDone(folder, chair.info.cert_sha256)
            for n, name in enumerate(members):
                report(n, len(members), self.tr("正在生成 {0} 的评审包（{1}/{2}）…").format(
                    name, n + 1, len(members)))
                try:
                    done.written.append((name, desk.panel_export_kit(
                        name, folder / f"评审包-{name}.zip", chair, packages=packages,
                        pledge=pledge, replace=replace)))
                except SlqError as err:  # one expert's kit failing never stops the others
                    done.failed.append((name, localised(err, i18n.current() != "en")))
            return done

        return self.launch(work, self.kit_message, self._kits_done)

    def _kits_done(self, done: KitsDone) -> None:
        self.last_kits = done
        t = self.kits_table
        t.setRowCount(len(done.written) + len(done.failed))
        for i, (name, kit) in enumerate(done.written):
            fill_row(t, i, [item(name), item(self.tr("已导出")), item(len(kit.applications), right=True),
                            item(kit.files, right=True), item(kit.path.name, str(kit.path)),
                            item(kit.sha256[:16] + "…", kit.sha256)])
        for j, (name, reason) in enumerate(done.failed, len(done.written)):
            fill_row(t, j, [item(name), item(self.tr("未导出")), item(""), item(""),
                            item(reason, reason), item("")], ALERT_BG)
        self.fingerprint.setText(self.tr("组长证书指纹（请当面或电话告知专家，导入评审包时核对）：{0}")
                                 .format(done.chair_fingerprint))
        text = self.tr("已导出 {0} 个评审包到 {1}").format(len(done.written), done.folder)
        if done.failed:
            text += self.tr("；{0} 个未导出").format(len(done.failed))
        show_message(self.kit_message, text, BAD_STYLE if done.failed else OK_STYLE)
        self.kit_open.set_path(done.written[0][1].path if done.written else done.folder)
        self.kits_exported.emit(done)

    def _kit_selected(self) -> None:
        rows = self.kits_table.selectionModel().selectedRows()
        if rows and self.last_kits is not None and rows[0].row() < len(self.last_kits.written):
            self.kit_open.set_path(self.last_kits.written[rows[0].row()][1].path)

    # --- pledges ------------------------------------------------------------------------------

    def _choose_pledges_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("选择承诺书所在文件夹"))
        if path:
            self.import_pledges(Path(path))

    def _choose_pledges_file(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("选择承诺书"), "",
                                               self.tr("承诺书 (*.pdf *.zip)"))
        if path:
            self.import_pledges(Path(path))

    def import_pledges(self, path: Path) -> bool:
        desk = self.desk

        def work(report: Report) -> Any:
            report(0, 0, self.tr("正在核验并导入承诺书…"))
            return desk.panel_import_pledges(path)

        return self.launch(work, self.pledge_message, self._pledges_done)

    def _pledges_done(self, done: Any) -> None:
        self.last_pledges = done
        self.load()
        text = self.tr("导入 {0} 份，拒绝 {1} 份，重复 {2} 份。").format(
            len(done.imported), len(done.refused), len(done.already))
        for name, reason in done.refused:
            text += "\n" + self.tr("拒绝 {0}：{1}").format(name, reason)
        show_message(self.pledge_message, text, BAD_STYLE if done.refused else OK_STYLE)
        self.pledges_imported.emit(done)

    def load(self) -> None:
        """Who pledged when; the panel's members (and reviewers) without a pledge."""
        state = self.attempt(self.pledge_message, self.desk.panel_pledges)
        if state is None:
            return
        missing = list(state.members_without_pledge)
        missing += [n for n in state.opinions_without_pledge if n not in missing]
        t = self.pledges_table
        t.setRowCount(len(state.pledges) + len(missing))
        for i, p in enumerate(state.pledges):
            fill_row(t, i, [item(p.expert), item(self.tr("已签署")), item(beijing(p.signed_at)),
                            item(f"{p.signer}　{p.cert_sha256[:16]}…", p.cert_sha256),
                            item(p.kit_id[:12] + "…", p.kit_id)], OK_BG)
        for j, name in enumerate(missing, len(state.pledges)):
            why = (self.tr("尚未签署（已有评审意见）") if name in state.opinions_without_pledge
                   else self.tr("尚未签署"))
            fill_row(t, j, [item(name), item(why), item("—"), item(""), item("")], ALERT_BG)
        if not self.pledge_message.text() and (state.pledges or missing):
            show_message(self.pledge_message, self.tr("已签署承诺书 {0} 人，尚未签署 {1} 人。").format(
                len(state.pledges), len(missing)), INFO_STYLE if missing else OK_STYLE)
