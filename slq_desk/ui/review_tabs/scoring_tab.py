"""The 评分 tab: the rubric's form behind the conflict-of-interest gate, autosaved, undoable.

All rules live in ``slq_desk.review`` (service, scoring, coi); this widget only shows them and
feeds them edits. The order of things a reviewer meets is the order of the duty: declare
conflicts first (until then the form is disabled; a declared conflict keeps it disabled for
good), then score with the running weighted total against the pass threshold, then recommend.

Saving: every edit is queued and written by a single-shot timer started at the *first* queued
edit (not restarted by later ones), so a change is on disk within ``SAVE_DELAY_MS`` however fast
the person types. A save passes the version it loaded; when another window or ``slq-desk review
set`` saved in between, the service raises ``ConcurrentEdit``: the form says so in red, keeps
the unsaved values on screen and writes nothing until the person reloads. A review write is one
small SQLite transaction (a few ms), so it runs on the UI thread; that keeps the version
bookkeeping strictly ordered.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import Enum
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QRegularExpressionValidator,
    QUndoStack,
    QValidator,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from slq_desk.clock import beijing_text, now_beijing
from slq_desk.errors import SlqError, localised
from slq_desk.money import D, MoneyError, fmt
from slq_desk.review.rubric import Criterion, Rubric
from slq_desk.ui.theme import error_css, muted_css, notice_css, ok_color
from slq_desk.ui.undo import SetValueCommand
from slq_desk.vocabulary import RECOMMENDATIONS

if TYPE_CHECKING:  # the desk service (SQLAlchemy) is imported once a workspace is open
    from slq_desk.desk.service import Desk
    from slq_desk.workspace import Workspace

SAVE_DELAY_MS = 500
# The service's "no amount" problem: not shown while the box holds an amount (the box's own
# problem — not a number, above the cap — is shown instead).
NO_AMOUNT = "未填写推荐金额"


class Phase(Enum):
    """Where the form stands. Only DRAFT takes edits; every other phase is locked, and entering
    one clears the undo history, so Ctrl+Z, autosave and every button agree with the screen.

    EMPTY (no application or no rubric) → UNDECLARED → DRAFT (declared no conflict) →
    SUBMITTED → SIGNED; UNDECLARED → CONFLICT (declared a conflict: recused for good)."""

    EMPTY = "empty"
    UNDECLARED = "undeclared"
    CONFLICT = "conflict"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    SIGNED = "signed"


PHASE_LABELS = {Phase.EMPTY: QT_TRANSLATE_NOOP("ScoringTab", "未打开"),
                Phase.UNDECLARED: QT_TRANSLATE_NOOP("ScoringTab", "待声明利益冲突"),
                Phase.CONFLICT: QT_TRANSLATE_NOOP("ScoringTab", "已回避"),
                Phase.DRAFT: QT_TRANSLATE_NOOP("ScoringTab", "草稿"),
                Phase.SUBMITTED: QT_TRANSLATE_NOOP("ScoringTab", "已提交（锁定）"),
                Phase.SIGNED: QT_TRANSLATE_NOOP("ScoringTab", "已签署（锁定）")}
# Display names; the stored value is always the Chinese word (the opinion prints it).
RECOMMENDATION_LABELS = {"": QT_TRANSLATE_NOOP("ScoringTab", "（未选择）"),
                         "推荐": QT_TRANSLATE_NOOP("ScoringTab", "推荐"),
                         "不推荐": QT_TRANSLATE_NOOP("ScoringTab", "不推荐"),
                         "修改后推荐": QT_TRANSLATE_NOOP("ScoringTab", "修改后推荐")}
# White on strong red reads the same on a light and a dark window.
BANNER_STYLE = "color: white; background: #b91c1c; padding: 6px; border-radius: 3px;"



def half(message: str) -> str:
    """The core's messages are "中文 / English": show the half of the language in use."""
    from slq_desk.ui import i18n

    zh, sep, en = message.partition(" / ")
    if not sep or i18n.current() != "en":
        # "scenario_plan（应用场景规划）: 未评分" reads "应用场景规划：未评分": no code in Chinese.
        return re.sub(r"^[A-Za-z_]\w*（([^）]*)）: ", r"\1：", zh)
    # "key（名称）: 中文 / English" keeps the criterion's key in English too.
    lead = re.match(r"^(\w+)（[^）]*）: ", zh)
    return f"{lead.group(1)}: {en}" if lead else en


def with_criterion_names(message: str, names: dict[str, str]) -> str:
    """English mode keeps a criterion's key ("real_usage: not scored"); name it instead."""
    key, sep, rest = message.partition(": ")
    return f"{names[key]}: {rest}" if sep and key in names else message


def english() -> bool:
    from slq_desk.ui import i18n

    return i18n.current() == "en"


class ScoreSpin(QSpinBox):
    """A score on the criterion's scale, held as a whole number of steps (no float anywhere).

    −1 is "not scored" (shown as the special value text)."""

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        span = (criterion.max_score - criterion.min_score) / criterion.step
        self.setRange(-1, int(span))
        self.setSpecialValueText(self.tr("未评分"))
        self.setValue(-1)
        self.setAccelerated(True)
        self.setMinimumWidth(90)

    def score_text(self, steps: int) -> str:
        if steps < 0:
            return ""
        c = self.criterion
        return str(c.check_score(c.min_score + c.step * steps))

    def steps_of(self, text: str) -> int | None:
        text = text.strip()
        if not text:
            return -1
        try:
            value = D(text)
            c = self.criterion
            c.check_score(value)
        except (MoneyError, SlqError):
            return None
        return int((value - c.min_score) / c.step)

    def textFromValue(self, value: int) -> str:
        return self.score_text(value) if value >= 0 else ""

    def valueFromText(self, text: str) -> int:
        steps = self.steps_of(text)
        return -1 if steps is None else steps

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if text == self.specialValueText():
            return QValidator.State.Acceptable, text, pos
        stripped = text.strip()
        if self.steps_of(stripped) is not None:
            return QValidator.State.Acceptable, text, pos
        ok = all(ch.isdigit() or ch == "." for ch in stripped) and stripped.count(".") <= 1
        return (QValidator.State.Intermediate if ok else QValidator.State.Invalid), text, pos

    def set_score_text(self, text: str) -> None:
        steps = self.steps_of(text)
        self.setValue(-1 if steps is None else steps)


class FormTextEdit(QPlainTextEdit):
    """A comment field whose Ctrl+Z / Ctrl+Shift+Z go to the form's undo stack.

    A text edit claims those keys for its own undo (ShortcutOverride); the form's stack already
    records every text change (merged per field), so the editor's own history is switched off
    and the keys are left to the window's Undo/Redo actions — one history for the whole form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()
            return False
        return super().event(event)


class CriterionBox(QGroupBox):
    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The rubric carries its own English; the window's language picks the text.
        name = criterion.name_en if english() and criterion.name_en else criterion.name
        description = (criterion.description_en if english() and criterion.description_en
                       else criterion.description)
        self.setTitle(self.tr("{0}（权重 {1}%）").format(name, criterion.weight))
        self.criterion = criterion
        desc = QLabel(description, self)
        desc.setWordWrap(True)
        desc.setStyleSheet(muted_css())
        desc.setToolTip(self.tr("条款：{0}").format(criterion.article))
        self.spin = ScoreSpin(criterion, self)
        self.spin.setObjectName(f"score_{criterion.key}")
        self.spin.setAccessibleName(self.tr("{0} 评分").format(name))
        scale_text = self.tr("/ {0} 分 · 步长 {1} · 阈值 {2}").format(
            criterion.max_score, criterion.step, criterion.threshold)
        self.spin.setAccessibleDescription(scale_text)
        scale = QLabel(scale_text, self)
        scale.setWordWrap(True)  # English is longer; wrap rather than scroll sideways
        self.part = QLabel(self)
        row = QHBoxLayout()
        score_label = QLabel(self.tr("评分"), self)
        score_label.setBuddy(self.spin)
        row.addWidget(score_label)
        row.addWidget(self.spin)
        row.addWidget(scale, 1)
        row.addWidget(self.part)
        self.comment = FormTextEdit(self)
        self.comment.setObjectName(f"comment_{criterion.key}")
        self.comment.setAccessibleName(self.tr("{0} 评语").format(name))
        self.comment.setPlaceholderText(self.tr("评语（低于阈值或满分时必填）"))
        self.comment.setFixedHeight(52)
        self.flag = QLabel(self)
        self.flag.setWordWrap(True)  # a long rule in English must not be clipped
        self.flag.setStyleSheet(error_css())
        self.flag.hide()
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(desc)
        layout.addLayout(row)
        layout.addWidget(self.comment)
        layout.addWidget(self.flag)


class ScoringTab(QWidget):
    saved = Signal(object)  # ReviewState after every successful write
    stale = Signal(str)  # someone else saved: the message shown
    phase_changed = Signal(object)  # the new Phase
    identity_needed = Signal()  # a review was started without the reviewer's name: ask for it

    def __init__(self, parent: QWidget | None = None, save_delay_ms: int = SAVE_DELAY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("ScoringTab")
        self.ws: Workspace | None = None
        self.desk: Desk | None = None  # all reads and writes go through the desk service
        self.application_id: str | None = None
        self.reviewer = ""
        self.rubric: Rubric | None = None
        self.rubric_ref: str | None = None  # a panel's own rubric file, before the first score
        self.version: int | None = None
        self.computed: Decimal | None = None
        self.phase = Phase.EMPTY
        self.applicant = ""
        self.policy = ""
        self.signed = False
        self.problem_list: list[str] = []
        self.is_stale = False
        self.loading = False  # begin_context: the form is being read on a worker
        self.status_text = ""
        self.values: dict[str, str] = {}
        self.pending: dict[str, str] = {}
        self.boxes: dict[str, CriterionBox] = {}
        self.undo_stack = QUndoStack(self)
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(save_delay_ms)
        self.save_timer.timeout.connect(self.save_now)
        self._build()

    @property
    def locked(self) -> bool:
        """True in every phase but DRAFT: no edit, undo or save reaches the review."""
        return self.phase is not Phase.DRAFT

    def application_text(self) -> str:
        """"申报 ID · 申报单位 · 政策", as the header and every confirmation name it."""
        parts = [self.tr("申报 {0}").format(self.application_id or "—")]
        parts += [p for p in (self.applicant, self.policy) if p]
        return " · ".join(parts)

    # -- construction ------------------------------------------------------------------
    def _build(self) -> None:
        self.app_header = QLabel(self)
        self.app_header.setObjectName("application_header")
        self.app_header.setWordWrap(True)
        self.app_header.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(notice_css())
        self.reviewer_label = QLabel(self)
        self.rubric_button = QPushButton(self.tr("载入评分表文件…"), self)
        self.rubric_button.setToolTip(self.tr("评审组可使用自己的评分表（TOML），须在评分之前载入"))
        self.rubric_button.clicked.connect(self._choose_rubric)
        who = QHBoxLayout()
        who.addWidget(self.reviewer_label, 1)
        who.addWidget(self.rubric_button)

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.reload_button = QPushButton(self.tr("重新载入"), self)
        self.reload_button.clicked.connect(self.reload)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.reload_button)
        self.banner_box = QWidget(self)
        self.banner_box.setLayout(banner_row)
        banner_row.setContentsMargins(0, 0, 0, 0)
        self.banner_box.hide()

        self.coi_box = QGroupBox(self.tr("第一步：利益冲突声明"), self)
        self.coi_text = QLabel(self.coi_box)
        self.coi_text.setWordWrap(True)
        self.coi_none = QPushButton(self.tr("声明无利益冲突"), self.coi_box)
        self.coi_none.setObjectName("coi_none")
        self.coi_none.clicked.connect(lambda: self.declare_no_conflict())
        self.coi_conflict = QPushButton(self.tr("存在利益冲突…"), self.coi_box)
        self.coi_conflict.clicked.connect(lambda: self.declare_conflict())
        coi_buttons = QHBoxLayout()
        coi_buttons.addWidget(self.coi_none)
        coi_buttons.addWidget(self.coi_conflict)
        coi_buttons.addStretch(1)
        coi_layout = QVBoxLayout(self.coi_box)
        coi_layout.addWidget(self.coi_text)
        coi_layout.addLayout(coi_buttons)

        self.form = QWidget(self)
        self.criteria_layout = QVBoxLayout()
        self.criteria_layout.setContentsMargins(0, 0, 0, 0)
        rec_box = QGroupBox(self.tr("推荐意见"), self.form)
        self.recommendation = QComboBox(rec_box)
        self.recommendation.setObjectName("recommendation")
        self.recommendation.setAccessibleName(self.tr("推荐意见"))
        self.recommendation.addItem(self.tr(str(RECOMMENDATION_LABELS[""])), "")
        for rec in RECOMMENDATIONS:
            self.recommendation.addItem(self.tr(str(RECOMMENDATION_LABELS[rec])), rec)
        self.recommendation.activated.connect(
            lambda _i: self._edited("recommendation", str(self.recommendation.currentData() or "")))
        self.amount = QLineEdit(rec_box)
        self.amount.setObjectName("amount")
        self.amount.setAccessibleName(self.tr("推荐金额（元）"))
        # Money stays text: digits and at most two decimals, checked again as Decimal.
        self.amount.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"^\d{0,12}(\.\d{0,2})?$"), self.amount))
        self.amount.textEdited.connect(lambda text: self._edited("amount", text))
        self.computed_label = QLabel(rec_box)
        # An amount the form will not save is said beside the box, never dropped silently.
        self.amount_error = QLabel(rec_box)
        self.amount_error.setObjectName("amount_error")
        self.amount_error.setWordWrap(True)
        self.amount_error.setStyleSheet(error_css())
        self.amount_error.hide()
        amount_line = QHBoxLayout()
        amount_line.addWidget(self.amount, 1)
        amount_line.addWidget(self.computed_label)
        amount_row = QVBoxLayout()
        amount_row.addLayout(amount_line)
        amount_row.addWidget(self.amount_error)
        self.reason = FormTextEdit(rec_box)
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(self.tr("理由"))
        self.reason.setFixedHeight(52)
        self.reason.setPlaceholderText(self.tr("理由（推荐金额低于测算金额、不推荐或修改后推荐时必填）"))
        self.reason.textChanged.connect(lambda: self._edited("reason", self.reason.toPlainText()))
        rec_form = QFormLayout(rec_box)
        rec_form.addRow(self.tr("意见"), self.recommendation)
        rec_form.addRow(self.tr("推荐金额（元）"), amount_row)
        amount_label = rec_form.labelForField(amount_row)
        if isinstance(amount_label, QLabel):  # a row holding a layout gets no buddy by itself
            amount_label.setBuddy(self.amount)
        rec_form.addRow(self.tr("理由"), self.reason)
        form_layout = QVBoxLayout(self.form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addLayout(self.criteria_layout)
        form_layout.addWidget(rec_box)
        form_layout.addStretch(1)

        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 6, 0)
        inner_layout.addWidget(self.coi_box)
        inner_layout.addWidget(self.form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self.scroll_area = scroll

        self.total = QLabel(self)
        self.total.setObjectName("total")
        self.total.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(error_css())
        self.status = QLabel(self)
        self.status.setWordWrap(True)  # "未提交：…" carries the service's whole reason
        self.status.setStyleSheet(muted_css())
        self.submit_button = QPushButton(self.tr("提交评审"), self)
        self.submit_button.setObjectName("submit_review")
        self.submit_button.clicked.connect(lambda: self.submit())
        # Why 提交评审 is disabled, in words beside it (the problems are listed above).
        self.submit_hint = QLabel(self)
        self.submit_hint.setObjectName("submit_hint")
        self.submit_hint.setWordWrap(True)
        self.submit_hint.setStyleSheet(muted_css())
        foot = QHBoxLayout()
        foot.addWidget(self.status, 1)
        foot.addWidget(self.submit_hint)
        foot.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.app_header)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addLayout(who)
        layout.addWidget(self.banner_box)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.problems)
        layout.addLayout(foot)
        self._set_tab_order()
        self._set_enabled()

    def _build_criteria(self, rubric: Rubric) -> None:
        for box in self.boxes.values():
            box.setParent(None)
            box.deleteLater()
        self.boxes = {}
        for c in rubric.criteria:
            box = CriterionBox(c, self.form)
            key = c.key
            box.spin.valueChanged.connect(
                lambda v, k=key, b=box: self._edited(f"score:{k}", b.spin.score_text(v)))
            box.comment.textChanged.connect(
                lambda k=key, b=box: self._edited(f"comment:{k}", b.comment.toPlainText()))
            self.criteria_layout.addWidget(box)
            self.boxes[key] = box
        self._set_tab_order()

    def tab_chain(self) -> list[QWidget]:
        """The scoring form in keyboard order: declaration, each criterion's score then comment,
        the recommendation, amount and reason, then submit."""
        chain: list[QWidget] = [self.rubric_button, self.reload_button, self.coi_none, self.coi_conflict]
        for box in self.boxes.values():
            chain += [box.spin, box.comment]
        return chain + [self.recommendation, self.amount, self.reason, self.submit_button]

    def _set_tab_order(self) -> None:
        chain = self.tab_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _named(self, message: str) -> str:
        if self.rubric is None or not english():
            return message
        names = {c.key: c.name_en or c.name for c in self.rubric.criteria}
        return with_criterion_names(message, names)

    # -- loading ---------------------------------------------------------------------------
    def set_context(self, ws: Workspace | None, application_id: str | None, reviewer: str) -> None:
        """Show this reviewer's form for the application (saving what the previous one had)."""
        self._switch(ws, application_id, reviewer)
        self.reload()

    def begin_context(self, ws: Workspace | None, application_id: str, reviewer: str) -> None:
        """Switch to the application now, its form to follow from a worker (``show_form``):
        the window opens an application without reading the form on the UI thread (issue 18,
        item 3). Until then the form is empty and locked, so nothing typed can be lost."""
        self._switch(ws, application_id, reviewer)
        self._forget_edits()
        self.loading = True
        self.computed = None
        self.applicant, self.policy, self.signed = "", "", False
        self.app_header.setText(self.application_text())
        self.reviewer_label.setText(self._reviewer_text())
        self.title.setText(self.tr("正在读取评分表…"))
        self.notice.hide()
        self._fill(None)

    def show_form(self, application_id: str, reviewer: str, form: object) -> None:
        """The form ``begin_context`` is waiting for (a ``ReviewForm``, or the ``SlqError`` or
        message saying why there is none); read again if the context changed in between."""
        if not self.loading:
            return  # shown already (read again since)
        if application_id != self.application_id or reviewer.strip() != self.reviewer:
            self.reload()
            return
        self._show_form(form)

    def _switch(self, ws: Workspace | None, application_id: str | None, reviewer: str) -> None:
        self.flush()
        self.ws, self.application_id, self.reviewer = ws, application_id, reviewer.strip()
        if ws is not None:
            from slq_desk.desk.service import Desk

            self.desk = Desk(ws)
        else:
            self.desk = None
        self.rubric_ref = None

    def _forget_edits(self) -> None:
        self.save_timer.stop()
        self.pending.clear()
        self.is_stale = False
        self.banner_box.hide()
        self.undo_stack.clear()

    def _reviewer_text(self) -> str:
        return self.tr("评审专家：{0}").format(
            self.reviewer or self.tr("（未设置：开始评审时将询问姓名与单位）"))

    def reload(self) -> None:
        """Read the review from the workspace and show it exactly; forgets unsaved edits."""
        self._forget_edits()
        self.applicant, self.policy, self.signed = "", "", False
        if self.desk is None or self.application_id is None:
            self.loading = False
            self.computed = None  # no cap left over from the previous workspace or application
            self.app_header.setText(self.tr("未打开申报。"))
            self._show_rubric(None, "")
            self._fill(None)
            return
        form: object
        try:
            form = self.desk.review_form(self.application_id, self.reviewer, self.rubric_ref)
        except SlqError as err:  # RubricError included
            form = err
        self._show_form(form)

    def _show_form(self, form: object) -> None:
        from slq_desk.desk.service import ReviewForm

        self.loading = False
        self._forget_edits()
        self.reviewer_label.setText(self._reviewer_text())
        message = ""
        state = None
        rubric: Rubric | None = None
        if isinstance(form, ReviewForm):
            self.computed, state, rubric = form.computed, form.state, form.rubric
            self.applicant, self.policy, self.signed = form.applicant, form.policy, form.signed
        else:  # why there is no form: its Chinese sentence in Chinese mode
            self.computed = None
            message = localised(form, not english()) if isinstance(form, SlqError) else str(form)
        self.app_header.setText(self.application_text())
        self._show_rubric(rubric, message)
        self._fill(state)

    def refresh_computed(self) -> None:
        """After the checks re-ran: the new computed amount, without touching the form."""
        if self.desk is None or self.application_id is None:
            return
        self.computed = self.desk.computed_subsidy(self.application_id)
        self._refresh_local()

    def _show_rubric(self, rubric: Rubric | None, message: str) -> None:
        if rubric is not self.rubric or rubric is None:
            self._build_criteria(rubric) if rubric is not None else self._build_criteria_empty()
        self.rubric = rubric
        if rubric is None:
            self.title.setText(message or self.tr("未打开申报。"))
            self.notice.hide()
            return
        title = rubric.title_en if english() and rubric.title_en else rubric.title
        notice = rubric.notice_en if english() and rubric.notice_en else rubric.notice
        self.title.setText(f"{title}（{rubric.id} v{rubric.version}）")
        self.title.setToolTip(rubric.source)
        self.notice.setText(self.tr("注意：{0}。通过线 {1} 分（满分 100）。").format(
            notice.rstrip("。."), rubric.pass_threshold))
        self.notice.show()

    def _build_criteria_empty(self) -> None:
        for box in self.boxes.values():
            box.setParent(None)
            box.deleteLater()
        self.boxes = {}

    def _fill(self, state: object) -> None:
        """Put the stored review into the widgets, without creating undo steps or saves."""
        st = None
        if state is not None:  # the review service (SQLAlchemy) only once there is a review
            from slq_desk.review.service import ReviewState

            st = state if isinstance(state, ReviewState) else None
        self.values = {}
        self.version = st.version if st else None
        if st is not None:
            for r in st.scoring.criteria:
                self.values[f"score:{r.criterion.key}"] = str(r.score) if r.score is not None else ""
                self.values[f"comment:{r.criterion.key}"] = r.comment
            self.values["recommendation"] = st.recommendation or ""
            self.values["amount"] = fmt(st.recommended_amount) if st.recommended_amount is not None else ""
            self.values["reason"] = st.reason
        for key in list(self.boxes):
            self.values.setdefault(f"score:{key}", "")
            self.values.setdefault(f"comment:{key}", "")
        for key in ("recommendation", "amount", "reason"):
            self.values.setdefault(key, "")
        for key, value in self.values.items():
            self._set_widget(key, value)
        self._coi(st)
        self.status.setText(self.tr("已保存（版本 {0}）").format(st.version) if st else "")
        self._refresh_local()

    def _coi(self, st: object) -> None:
        declared = bool(getattr(st, "coi_declared", False))
        conflict = bool(getattr(st, "coi_conflict", False))
        submitted = getattr(st, "status", "") == "submitted"
        if not declared:
            self.coi_text.setText(self.tr(
                "评分之前，请就本申报的申报单位及其算力供给方声明是否存在利益冲突"
                "（投资、隶属、任职、亲属或其他利益关系）。声明之前评分表保持锁定。"))
        elif conflict:
            self.coi_text.setText(self.tr("已声明存在利益冲突（{0}）：{1}\n您须回避本项评审，评分表保持锁定。")
                                  .format(beijing_text(getattr(st, "coi_at", None), zone=self.tr("北京时间")), getattr(st, "coi_text", "")))
        else:
            self.coi_text.setText(self.tr("已声明（{0}）：{1}").format(beijing_text(getattr(st, "coi_at", None), zone=self.tr("北京时间")),
                                                               getattr(st, "coi_text", "")))
        self.coi_none.setVisible(not declared)
        self.coi_conflict.setVisible(not conflict)
        if self.rubric is None or self.application_id is None or self.loading:
            phase = Phase.EMPTY
        elif conflict:
            phase = Phase.CONFLICT
        elif not declared:
            phase = Phase.UNDECLARED
        elif submitted:
            phase = Phase.SIGNED if self.signed else Phase.SUBMITTED
        else:
            phase = Phase.DRAFT
        self._enter(phase)

    def _enter(self, phase: Phase) -> None:
        """The one place the phase changes. Leaving DRAFT drops the undo history and anything
        queued: a submitted review cannot be edited, so nothing may be replayed onto it."""
        if phase is not Phase.DRAFT:
            self.undo_stack.clear()
            self.save_timer.stop()
            self.pending.clear()
        changed = phase is not self.phase
        self.phase = phase
        self._set_enabled()
        if changed:
            self.phase_changed.emit(phase)

    def mark_signed(self) -> None:
        """After a signed opinion was written for this review (the window calls it)."""
        if self.phase is Phase.SUBMITTED:
            self.signed = True
            self._enter(Phase.SIGNED)

    def _set_enabled(self) -> None:
        has_form = self.rubric is not None and self.application_id is not None and not self.loading
        editable = has_form and not self.locked and not self.is_stale
        # A draft can still declare a conflict found later (only that button is shown then).
        self.coi_box.setEnabled(has_form and not self.is_stale
                                and self.phase in (Phase.UNDECLARED, Phase.DRAFT))
        self.form.setEnabled(editable)
        self.rubric_button.setEnabled(self.application_id is not None and not self.loading and self.phase in (
            Phase.EMPTY, Phase.UNDECLARED, Phase.DRAFT) and not self.is_stale and not any(
            self.values.get(f"score:{k}") for k in self.boxes))
        problems = list(getattr(self, "problem_list", []))
        self.submit_button.setEnabled(editable and not problems)
        if self.phase in (Phase.SUBMITTED, Phase.SIGNED, Phase.CONFLICT):
            hint = self.tr(str(PHASE_LABELS[self.phase]))
        elif editable and problems:
            hint = self.tr("尚有 {0} 项问题，不能提交").format(len(problems))
        elif self.phase is Phase.UNDECLARED:
            hint = self.tr("请先声明利益冲突")
        else:
            hint = ""
        self.submit_hint.setText(hint)
        self.submit_button.setToolTip("\n".join(problems) if editable and problems else "")

    def _set_widget(self, key: str, value: str) -> None:
        if key.startswith("score:"):
            box = self.boxes.get(key[6:])
            if box is not None and box.spin.score_text(box.spin.value()) != value:
                box.spin.blockSignals(True)
                box.spin.set_score_text(value)
                box.spin.blockSignals(False)
        elif key.startswith("comment:"):
            box = self.boxes.get(key[8:])
            if box is not None and box.comment.toPlainText() != value:
                box.comment.blockSignals(True)
                box.comment.setPlainText(value)
                box.comment.blockSignals(False)
        elif key == "recommendation":
            index = max(0, self.recommendation.findData(value))
            self.recommendation.setCurrentIndex(index)
        elif key == "amount":
            if self.amount.text() != value:
                self.amount.setText(value)
        elif key == "reason" and self.reason.toPlainText() != value:
            self.reason.blockSignals(True)
            self.reason.setPlainText(value)
            self.reason.blockSignals(False)

    # -- editing --------------------------------------------------------------------------
    def _edited(self, key: str, new: str) -> None:
        if key.startswith("score:") and new and key[6:] in self.boxes:
            # One spelling per score ("25" → "25.0" on a 0.5 scale), as the spin box shows it.
            spin = self.boxes[key[6:]].spin
            steps = spin.steps_of(new)
            if steps is None:
                return
            new = spin.score_text(steps)
        old = self.values.get(key, "")
        if old == new or self.locked:
            return
        label = {"recommendation": self.tr("推荐意见"), "amount": self.tr("推荐金额"), "reason": self.tr("理由")}.get(key)
        if label is None:
            box = self.boxes.get(key.split(":", 1)[1])
            what = self.tr("评分") if key.startswith("score:") else self.tr("评语")
            label = f"{box.criterion.name if box else key} {what}"
        self.undo_stack.push(SetValueCommand(self, key, old, new, label))

    def apply_value(self, key: str, value: str) -> None:
        """Set one value (from an edit, an undo or a redo) and queue it for saving."""
        if self.locked or self.is_stale:
            # The stack is cleared on leaving DRAFT; this guards any command still held.
            return
        self.values[key] = value
        self._set_widget(key, value)
        self.pending[key] = value
        if not self.save_timer.isActive():
            self.save_timer.start()
        self.status.setText(self.tr("有未保存的修改…"))
        self._refresh_local()

    def set_value(self, key: str, value: str) -> None:
        """What a person's edit does (used by tests and shortcuts): an undoable change."""
        self._edited(key, value)

    def _amount_problem(self, text: str) -> str:
        if not text:
            return ""
        try:
            value = D(text)
        except MoneyError:
            return self.tr("推荐金额不是有效金额")
        if self.computed is not None and value > self.computed:
            return self.tr("推荐金额 {0} 超过测算金额 {1}").format(fmt(value), fmt(self.computed))
        return ""

    def _refresh_local(self) -> None:
        """Running total, per-criterion flags and what is still missing, from the screen values."""
        self.computed_label.setText(self.tr("≤ 测算金额 {0}").format(
            fmt(self.computed) if self.computed is not None else "—"))
        if self.rubric is None:
            self.total.clear()
            self.problems.setText("")
            self._set_enabled()
            return
        # The review service (SQLAlchemy) once there is a form: not while the window starts.
        from slq_desk.review.scoring import evaluate
        from slq_desk.review.service import recommendation_problems

        scores = {k[6:]: v for k, v in self.values.items() if k.startswith("score:") and v}
        comments = {k[8:]: v for k, v in self.values.items() if k.startswith("comment:") and v}
        result = evaluate(self.rubric, scores, comments)
        for r in result.criteria:
            box = self.boxes.get(r.criterion.key)
            if box is None:
                continue
            box.part.setText(self.tr("得分 {0}").format(fmt(r.contribution)) if r.contribution is not None else "")
            if r.comment_missing:
                why = self.tr("低于阈值") if r.below_threshold else self.tr("满分")
                box.flag.setText(self.tr("{0}：须填写评语（至少 {1} 字）").format(
                    why, self.rubric.comment_rules.min_chars))
                box.flag.show()
            else:
                box.flag.hide()
        verdict = {True: self.tr("达到通过线"), False: self.tr("低于通过线"), None: self.tr("未评完")}[result.passed]
        color = {True: f"color: {ok_color()};", False: error_css(), None: ""}[result.passed]
        self.total.setText(self.tr("加权总分 {0} / 100 · 通过线 {1} · {2}").format(
            fmt(result.total_display), self.rubric.pass_threshold, verdict))
        self.total.setStyleSheet("font-size: 15px; font-weight: bold;" + color)
        amount_problem = self._amount_problem(self.values.get("amount", ""))
        amount = None
        if self.values.get("amount") and not amount_problem:
            amount = D(self.values["amount"])
        amount_text = self.values.get("amount", "")
        problems = [self._named(half(p)) for p in result.problems]
        problems += [half(p) for p in recommendation_problems(
            self.values.get("recommendation") or None, amount, self.values.get("reason", "").strip(),
            self.computed) if not (amount_text and p.startswith(NO_AMOUNT))]
        if amount_problem:
            problems.insert(0, amount_problem)
            self.amount_error.setText(self.tr("未保存：{0}").format(amount_problem))
        self.amount_error.setVisible(bool(amount_problem) and not self.locked)
        self.amount.setStyleSheet("border: 2px solid #b91c1c;" if amount_problem and not self.locked else "")
        if self.locked:
            problems = []
        self.problem_list = problems
        shown = problems[:4] + ([self.tr("……另有 {0} 项").format(len(problems) - 4)] if len(problems) > 4 else [])
        self.problems.setText("\n".join("• " + p for p in shown))
        self.problems.setToolTip("\n".join(problems))
        self._set_enabled()

    # -- saving -----------------------------------------------------------------------------
    def flush(self) -> None:
        """Write what is queued now (before switching application or closing)."""
        if self.pending:
            self.save_now()

    def save_now(self) -> bool:
        from slq_desk.errors import BadInput
        from slq_desk.review import service

        self.save_timer.stop()
        if not self.pending or self.is_stale or self.desk is None or self.application_id is None:
            return False
        pending = dict(self.pending)
        amount = pending.get("amount")
        if amount is not None and self._amount_problem(amount):
            # Kept on screen (and in the problems), not written: the service would refuse it.
            del pending["amount"]
        changes = service.ReviewChanges(
            scores={k[6:]: v for k, v in pending.items() if k.startswith("score:")},
            comments={k[8:]: v for k, v in pending.items() if k.startswith("comment:")},
            recommendation=pending.get("recommendation"),
            amount=pending.get("amount"),
            reason=pending.get("reason"),
        )
        try:
            state = self.desk.save_review(self.reviewer, self.application_id, self.reviewer,
                                          changes, self.version)
        except service.ConcurrentEdit as err:
            self._go_stale(str(err))
            return False
        except (BadInput, SlqError) as err:
            # Refused (a submitted review, a closed COI gate…): said, never a traceback.
            self.pending.clear()
            self.status.setText(self.tr("未保存：{0}").format(half(str(err))))
            self.status.setStyleSheet(error_css())
            return False
        self.pending = {k: v for k, v in self.pending.items() if k not in pending or pending[k] != v}
        self.version = state.version
        # The service fills in what follows from a choice (the computed amount on 推荐, 0 on
        # 不推荐); show it, as a value of the form rather than an edit of the person.
        server_amount = fmt(state.recommended_amount) if state.recommended_amount is not None else ""
        if "amount" not in self.pending and self.values.get("amount") != server_amount:
            self.values["amount"] = server_amount
            self._set_widget("amount", server_amount)
        self.status.setStyleSheet(muted_css())
        self.status.setText(self.tr("已自动保存 {0}（版本 {1}）").format(
            now_beijing().strftime("%H:%M:%S"), state.version))
        self._refresh_local()
        self.saved.emit(state)
        return True

    def _go_stale(self, message: str) -> None:
        self.is_stale = True
        self.save_timer.stop()
        self.banner.setText(self.tr("此评审已在别处被修改（另一窗口或命令行），您的修改未保存、也未覆盖对方。"
                               "请点击“重新载入”查看最新内容后再修改。\n{0}").format(half(message)))
        self.banner_box.show()
        self.status.setText(self.tr("未保存：版本冲突"))
        self._set_enabled()
        self.stale.emit(message)

    # -- declarations and submission ------------------------------------------------------------
    def declare_no_conflict(self) -> bool:
        return self._declare("none")

    def declare_conflict(self, text: str | None = None) -> bool:
        if text is None:
            text, ok = QInputDialog.getMultiLineText(
                self, self.tr("声明利益冲突"),
                self.application_text() + "\n\n"
                + self.tr("请写明与申报单位或其算力供给方的利益关系。\n声明后您将回避本项评审，且不能撤回。"))
            if not ok or not text.strip():
                return False
        return self._declare(text)

    def _declare(self, declaration: str) -> bool:
        from slq_desk.review import service

        if self.desk is None or self.application_id is None:
            return False
        if self.phase not in (Phase.UNDECLARED, Phase.DRAFT):
            # Submitted, signed or recused: the declaration stands (Ctrl+Shift+D included).
            self.status.setStyleSheet(error_css())
            self.status.setText(self.tr("声明不能再更改：{0}").format(self.tr(str(PHASE_LABELS[self.phase]))))
            return False
        if not self.reviewer:
            # Never the login name: the window asks who is reviewing, once, and keeps it.
            self.status.setStyleSheet(error_css())
            self.status.setText(self.tr("请先填写评审专家的姓名与单位。"))
            self.identity_needed.emit()
            return False
        try:
            state = self.desk.declare_coi(self.reviewer, self.application_id, self.reviewer,
                                          declaration, self.version, rubric_ref=self.rubric_ref)
        except service.ConcurrentEdit as err:
            self._go_stale(str(err))
            return False
        except SlqError as err:
            # Shown in the form, not in a modal box: the declaration stays as it was.
            self.status.setStyleSheet(error_css())
            self.status.setText(half(str(err)))
            return False
        self._show_rubric(state.rubric, "")
        self._fill(state)
        self.saved.emit(state)
        return True

    def submit(self, confirm: bool = True) -> bool:
        from slq_desk.review import service

        self.flush()
        if self.desk is None or self.application_id is None or self.is_stale or self.locked:
            return False
        if self.problem_list:
            # Refused before anything is asked: the button is disabled for the same reason.
            self.status.setStyleSheet(error_css())
            self.status.setText(self.tr("未提交：尚有 {0} 项问题（见上方列表）").format(len(self.problem_list)))
            return False
        if confirm and QMessageBox.question(
                self, self.tr("提交评审"),
                self.tr("即将提交对以下申报的评审：\n{0}\n评审专家：{1}\n\n提交后不能再修改。确定提交吗？").format(
                    self.application_text(), self.reviewer)) != QMessageBox.StandardButton.Yes:
            return False
        try:
            state = self.desk.submit_review(self.reviewer, self.application_id, self.reviewer,
                                            self.version)
        except service.ConcurrentEdit as err:
            self._go_stale(str(err))
            return False
        except SlqError as err:
            self.status.setStyleSheet(error_css())
            self.status.setText(self.tr("未提交：{0}").format(half(str(err))))
            return False
        self._fill(state)
        self.status.setText(self.tr("已提交（版本 {0}），评审表已锁定；可签署评审意见。").format(state.version))
        self.saved.emit(state)
        return True

    def _choose_rubric(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("载入评分表"), "", self.tr("评分表 (*.toml)"))
        if path:
            self.load_rubric_file(Path(path))

    def load_rubric_file(self, path: Path) -> bool:
        """Use a panel's own rubric for this review (only before any score is given)."""
        from slq_desk.review import service
        from slq_desk.review.rubric import resolve

        try:
            rubric = resolve(str(path))
            if self.version is not None and self.desk is not None and self.application_id:
                state = self.desk.save_review(self.reviewer, self.application_id, self.reviewer,
                                              service.ReviewChanges(rubric=str(path)),
                                              self.version)
                self._show_rubric(state.rubric, "")
                self._fill(state)
                return True
        except service.ConcurrentEdit as err:
            self._go_stale(str(err))
            return False
        except SlqError as err:
            QMessageBox.warning(self, self.tr("载入评分表"), str(err))
            return False
        self.rubric_ref = str(path)
        self._show_rubric(rubric, "")
        self._fill(None)
        return True

    def undo_action_pair(self) -> tuple[QAction, QAction]:
        undo = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)  # every platform binding, not the first
        redo = self.undo_stack.createRedoAction(self, self.tr("重做"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Y and Ctrl+Shift+Z
        return undo, redo
