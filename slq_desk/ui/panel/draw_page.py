"""The chair's 抽取专家 tab: load the expert pool, draw the batch's panel at random with a
recorded seed, see who was recused and why, and substitute a member with a reason.

Everything goes through the desk service (``Desk.panel_draw`` / ``panel_substitute`` /
``panel_latest_draw``); the draw is a short transaction, so it runs here, not as an operation.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
)

from slq_desk.desk.panel_process import DrawView
from slq_desk.ui.panel.widgets import (
    ALERT_BG,
    INFO_BG,
    OK_BG,
    ProcessPage,
    beijing,
    fill_row,
    item,
    path_row,
    table,
)
from slq_desk.ui.signing.common import BAD_STYLE, INFO_STYLE, OK_STYLE, message_label, show_message


class DrawPage(ProcessPage):
    """``DrawPage(view)``: the pool, the seeded draw with recusal, substitutions."""

    drawn = Signal(object)  # DrawView

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self.current: DrawView | None = None
        v = QVBoxLayout(self)
        form = QFormLayout()
        self.pool_edit = QLineEdit(self)
        self.pool_edit.setPlaceholderText(self.tr("专家库文件（.toml 或 .csv）"))
        self.pool_edit.setAccessibleName(self.tr("专家库文件"))
        plabel = QLabel(self.tr("专家库(&L)："), self)
        plabel.setBuddy(self.pool_edit)
        form.addRow(plabel, path_row(self, self.pool_edit, self.tr("选择专家库文件"),
                                     file_filter=self.tr("专家库 (*.toml *.csv)")))
        row = QHBoxLayout()
        self.size_box = QSpinBox(self)
        self.size_box.setRange(1, 99)
        self.size_box.setValue(3)
        self.size_box.setAccessibleName(self.tr("抽取人数"))
        self.batch_edit = QLineEdit(self)
        self.batch_edit.setPlaceholderText(self.tr("默认：今天的日期"))
        self.batch_edit.setAccessibleName(self.tr("批次"))
        self.seed_edit = QLineEdit(self)
        self.seed_edit.setPlaceholderText(self.tr("留空则随机生成并记录"))
        self.seed_edit.setAccessibleName(self.tr("随机种子"))
        self.draw_button = QPushButton(self.tr("抽取(&D)"), self)
        self.draw_button.clicked.connect(self.draw)
        for text, w in ((self.tr("人数(&N)："), self.size_box), (self.tr("批次(&T)："), self.batch_edit),
                        (self.tr("随机种子(&E)："), self.seed_edit)):
            lab = QLabel(text, self)
            lab.setBuddy(w)
            row.addWidget(lab)
            row.addWidget(w, 1 if w is not self.size_box else 0)
        row.addWidget(self.draw_button)
        form.addRow("", row)
        v.addLayout(form)
        self.message = message_label(self)
        v.addWidget(self.message)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.summary)

        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QSplitter(Qt.Orientation.Horizontal, split)
        bottom = QSplitter(Qt.Orientation.Horizontal, split)
        pool_box = QGroupBox(self.tr("专家库"), top)
        pb = QVBoxLayout(pool_box)
        self.pool_table = table(pool_box, [self.tr("专家"), self.tr("本次抽取"), self.tr("单位"),
                                           self.tr("专业领域"), self.tr("声明的关联"),
                                           self.tr("证书指纹")], self.tr("专家库"))
        pb.addWidget(self.pool_table)
        self.pool_experts: list[Any] = []
        self.pool_edit.textChanged.connect(lambda _t: self.preview_pool())
        box = QGroupBox(self.tr("评审组"), top)
        b = QVBoxLayout(box)
        self.members_table = table(box, [self.tr("成员"), self.tr("单位"), self.tr("专业领域"),
                                         self.tr("来源")], self.tr("评审组"))
        b.addWidget(self.members_table)
        sub = QHBoxLayout()
        self.out_box = QComboBox(box)
        self.out_box.setAccessibleName(self.tr("换下的成员"))
        self.in_box = QComboBox(box)
        self.in_box.setAccessibleName(self.tr("替补专家"))
        self.reason_edit = QLineEdit(box)
        self.reason_edit.setPlaceholderText(self.tr("替换理由（必填）"))
        self.reason_edit.setAccessibleName(self.tr("替换理由"))
        self.substitute_button = QPushButton(self.tr("替换(&S)"), box)
        self.substitute_button.clicked.connect(self.substitute)
        olab = QLabel(self.tr("换下(&O)："), box)
        olab.setBuddy(self.out_box)
        ilab = QLabel(self.tr("换上(&I)："), box)
        ilab.setBuddy(self.in_box)
        for part in (olab, self.out_box, ilab, self.in_box):
            sub.addWidget(part)
        sub.addWidget(self.reason_edit, 1)
        sub.addWidget(self.substitute_button)
        b.addLayout(sub)
        self.sub_message = message_label(box)
        b.addWidget(self.sub_message)
        box2 = QGroupBox(self.tr("回避（未参加抽取的专家及原因）"), bottom)
        b2 = QVBoxLayout(box2)
        self.excluded_table = table(box2, [self.tr("专家"), self.tr("回避原因")],
                                    self.tr("回避"))
        self.excluded_table.setWordWrap(True)
        b2.addWidget(self.excluded_table)
        box3 = QGroupBox(self.tr("替换记录"), bottom)
        b3 = QVBoxLayout(box3)
        self.subs_table = table(box3, [self.tr("换下"), self.tr("换上"), self.tr("理由"),
                                       self.tr("操作人"), self.tr("时间（北京时间）")],
                                self.tr("替换记录"))
        b3.addWidget(self.subs_table)
        top.addWidget(pool_box)
        top.addWidget(box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        bottom.addWidget(box2)
        bottom.addWidget(box3)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        v.addWidget(split, 1)
        self.load()

    # --- actions ------------------------------------------------------------------------------

    def load(self) -> None:
        self.show_draw(self.attempt(self.message, self.desk.panel_latest_draw))
        if self.current is None:
            show_message(self.message, self.tr("尚未抽取评审专家：选择专家库文件，填写人数后按“抽取”。"),
                         INFO_STYLE)

    def draw(self) -> DrawView | None:
        text = self.pool_edit.text().strip()
        if not text:
            show_message(self.message, self.tr("请先选择专家库文件。"), BAD_STYLE)
            return None
        seed_text = self.seed_edit.text().strip()
        seed: int | None = None
        if seed_text:
            try:
                seed = int(seed_text)
            except ValueError:
                show_message(self.message, self.tr("随机种子应为整数：{0}").format(seed_text),
                             BAD_STYLE)
                return None
        pool = Path(text).expanduser()
        done = self.attempt(self.message, lambda: self.desk.panel_draw(
            pool, self.size_box.value(), self.batch_edit.text(), seed))
        if done is None:
            return None
        self.show_draw(done)
        text = self.tr("已抽取 {0} 位专家，回避 {1} 人。").format(len(done.members),
                                                           len(done.excluded))
        if done.enrolled:
            text += self.tr("已登记证书：{0}").format("、".join(done.enrolled))
        show_message(self.message, text, OK_STYLE)
        self.view.refresh()
        self.drawn.emit(done)
        return done

    def substitute(self) -> DrawView | None:
        out_name, in_name = self.out_box.currentText(), self.in_box.currentText()
        text = self.pool_edit.text().strip()
        pool = Path(text).expanduser() if text and Path(text).expanduser().is_file() else None
        done = self.attempt(self.sub_message, lambda: self.desk.panel_substitute(
            out_name, in_name, self.reason_edit.text(), pool))
        if done is None:
            return None
        self.reason_edit.clear()
        self.show_draw(done)
        text = self.tr("已替换：{0} → {1}").format(out_name, in_name)
        if done.enrolled:
            text += self.tr("；已登记证书：{0}").format("、".join(done.enrolled))
            self.view.refresh()  # the roster on the import tab
        show_message(self.sub_message, text, OK_STYLE)
        self.drawn.emit(done)
        return done

    # --- display ------------------------------------------------------------------------------

    def preview_pool(self) -> None:
        """The pool file as the draw will read it, once the path names a file."""
        path = Path(self.pool_edit.text().strip()).expanduser()
        if not path.is_file():
            return
        experts = self.attempt(self.message, lambda: self.desk.panel_read_pool(path))
        if experts is None:
            self.pool_experts = []
        else:
            self.pool_experts = experts
            show_message(self.message, self.tr("专家库 {0} 人；抽取时逐一筛查与本批次申报的关联。").format(
                len(experts)), INFO_STYLE)
        self._fill_pool()

    def _fill_pool(self) -> None:
        d = self.current
        if self.pool_experts:
            rows = [(e.name, e.organisation, e.fields, e.cert_sha256, "；".join(e.ties))
                    for e in self.pool_experts]
        elif d is not None:  # the pool as the draw recorded it
            rows = [(name, org, fields, "", "") for name, org, fields in d.pool]
        else:
            rows = []
        barred = {name: reasons for name, reasons in d.excluded} if d is not None else {}
        t = self.pool_table
        t.setRowCount(len(rows))
        for i, (name, org, fields, fp, ties) in enumerate(rows):
            if d is None:
                state, bg = "—", None
            elif name in d.members:
                state, bg = self.tr("评审组成员"), OK_BG
            elif name in barred:
                state, bg = self.tr("回避"), ALERT_BG
            elif name in d.drawn:
                state, bg = self.tr("抽中后被替换"), None
            else:
                state, bg = self.tr("未抽中"), None
            fill_row(t, i, [item(name), item(state, "\n".join(barred.get(name, ()))), item(org),
                            item(fields), item(ties or "—", ties),
                            item(fp[:12] + "…" if fp else self.tr("未登记"), fp)], bg)

    def show_draw(self, d: DrawView | None) -> None:
        self.current = d
        self._fill_pool()
        if d is None:
            for t in (self.members_table, self.excluded_table, self.subs_table):
                t.setRowCount(0)
            self.summary.setText("")
            self.substitute_button.setEnabled(False)
            return
        self.summary.setText(self.tr(
            "抽取 #{0}　批次 {1}　随机种子 {2}（可复现）　申报 {3} 项　专家库 {4} 人　抽取 {5} 人　时间 {6}"
        ).format(d.id, d.batch, d.seed, len(d.applications), len(d.pool), d.size,
                 beijing(d.created_at)))
        pool = {name: (org, fields) for name, org, fields in d.pool}
        subs_in = {s["in"]: s for s in d.substitutions}
        t = self.members_table
        t.setRowCount(len(d.members))
        for i, name in enumerate(d.members):
            org, fields = pool.get(name, ("", ""))
            if name in subs_in:
                how = self.tr("替补（换下 {0}：{1}）").format(subs_in[name]["out"],
                                                        subs_in[name]["reason"])
            else:
                how = self.tr("随机抽中")
            fill_row(t, i, [item(name), item(org), item(fields), item(how, how)],
                     INFO_BG if name in subs_in else None)
        t = self.excluded_table
        rows = [(name, reason) for name, reasons in d.excluded for reason in reasons]
        t.setRowCount(len(rows))
        for i, (name, reason) in enumerate(rows):
            fill_row(t, i, [item(name), item(reason, reason)], ALERT_BG)
        t = self.subs_table
        t.setRowCount(len(d.substitutions))
        for i, s in enumerate(d.substitutions):
            at = s.get("at")
            when = beijing(datetime.fromisoformat(at)) if isinstance(at, str) else "—"
            fill_row(t, i, [item(s["out"]), item(s["in"]), item(s["reason"], s["reason"]),
                            item(s.get("by", "")), item(when)])
        barred = {name for name, _r in d.excluded}
        self.out_box.clear()
        self.out_box.addItems(list(d.members))
        self.in_box.clear()
        self.in_box.addItems([n for n, _o, _f in d.pool if n not in d.members and n not in barred])
        self.substitute_button.setEnabled(self.in_box.count() > 0)
