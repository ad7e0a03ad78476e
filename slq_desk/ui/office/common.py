"""Small pieces the office screens share: status names in the window's language, the wording
of a refused status move, and opening a written file or its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import QLabel, QWidget

from slq_desk.desk import office as od
from slq_desk.ui import i18n, outputs
from slq_desk.vocabulary import SEVERITY_LABELS, STATUS_LABELS

# Qt Linguist (pyside6-lupdate) finds the strings by the name `translate("Context", "…")`.
translate = QCoreApplication.translate



def heading_label(parent: QWidget) -> QLabel:
    """The bold, slightly larger first line of an office dialog (which application, whose)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def status_name(code: str) -> str:
    """A status in the window's language (the vocabulary holds both; no tr() needed)."""
    label = STATUS_LABELS.get(code)
    if label is None:
        return code
    return label.en if i18n.current() == "en" else label.zh


def severity_name(code: str) -> str:
    label = SEVERITY_LABELS.get(code)
    if label is None:
        return code
    return label.en if i18n.current() == "en" else label.zh


def refusal_text(check: od.MoveCheck) -> str:
    """Why ``check``'s move cannot be made as asked, in a sentence the official can act on."""
    to, before = status_name(check.to), status_name(check.before)
    if check.refusal == od.SAME:
        return translate("OfficeStatus", "申报已是“{0}”。").format(to)
    if check.refusal == od.NOT_ALLOWED:
        options = "、".join(status_name(c) for c in check.details) or translate("OfficeStatus", "无（终态）")
        return translate("OfficeStatus", "不能从“{0}”转为“{1}”。可转为：{2}。").format(before, to, options)
    if check.refusal == od.BLOCKING:
        head = translate("OfficeStatus", "尚有 {0} 项阻断问题未解决，不能初审通过：").format(len(check.details))
        listed = "\n".join(f"• {d}" for d in check.details[:8])
        more = (translate("OfficeStatus", "\n……另有 {0} 项").format(len(check.details) - 8)
                if len(check.details) > 8 else "")
        tail = translate("OfficeStatus", "请先更正或补正；确需通过的，勾选“越过阻断问题”并写明理由（记入审计日志）。")
        return f"{head}\n{listed}{more}\n{tail}"
    if check.refusal == od.NO_NOTICE:
        return translate("OfficeStatus", "尚未签发补正材料通知书（一次性告知），不能转为补正中。请先签发通知书；"
                         "已书面送达的，勾选“越过”并写明理由。")
    if check.refusal == od.NO_REVIEWS:
        return translate("OfficeStatus", "没有已提交的评审，也没有导入的签名专家意见，不能转为已评审。")
    return translate("OfficeStatus", "不能转为“{0}”：{1}").format(to, "；".join(check.details))


def open_path(path: Path) -> bool:
    """Open a file (or folder) with the desktop's program for it (``ui.outputs``' opener)."""
    return outputs.desktop_opener(QUrl.fromLocalFile(str(path)))
