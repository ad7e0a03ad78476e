"""Background operations for signing, verification and the panel, reporting through signals.

Each operation is a small ``Operation`` object (Picard/Anki style): ``work()`` does the job on
whatever thread runs it and returns a result; ``run()`` wraps it so a refusal (``SlqError``)
becomes ``failed(message)`` and anything unexpected becomes a short message too, never a
traceback in the person's face. ``start(op)`` runs it on Qt's thread pool (RSA-3072 key
generation and signing take a second or more); tests call ``op.run()`` synchronously.

A passphrase needed inside a worker is asked on the GUI thread through ``PromptBridge``; it is
held only as long as the call needs it and never logged.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    Signal,
    Slot,
)

from slq_desk.errors import BadInput, SlqError
from slq_desk.workspace import Workspace

# Qt Linguist (pyside6-lupdate) finds the strings by the name `translate("Context", "…")`.
translate = QCoreApplication.translate

log = logging.getLogger(__name__)




class Cancelled(BadInput):
    """The person closed the passphrase prompt: nothing was signed."""


class Operation(QObject):
    """One piece of background work. Subclasses implement ``work()``."""

    progress = Signal(str)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.result: Any = None
        self.error: str | None = None
        self.done = False

    def work(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def run(self) -> None:
        """Run to the end on the calling thread; results go out through the signals."""
        try:
            self.result = self.work()
        except SlqError as err:
            self.error = str(err) or type(err).__name__
        except Exception as err:  # noqa: BLE001 — shown as a message, logged for the developer
            # The exception text of our own code never carries a passphrase: secrets are only
            # ever passed as arguments, and the log records the type and message only.
            log.error("operation %s failed: %s: %s", type(self).__name__, type(err).__name__, err)
            self.error = translate("SigningWorkers", "内部错误：") + f"{type(err).__name__}: {err}"
        finally:
            self.done = True
            self._clear_secrets()
        if self.error is None:
            self.succeeded.emit(self.result)
        else:
            self.failed.emit(self.error)
        self.finished.emit()

    def _clear_secrets(self) -> None:
        """Drop references to any passphrase the operation held."""

    def say(self, text: str) -> None:
        self.progress.emit(text)


class _Runnable(QRunnable):
    def __init__(self, op: Operation) -> None:
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        self.op.run()


_running: set[Operation] = set()


def start(op: Operation, pool: QThreadPool | None = None) -> Operation:
    """Run ``op`` on the thread pool; it is kept alive until it has finished."""
    _running.add(op)
    op.finished.connect(lambda: _running.discard(op))
    (pool or QThreadPool.globalInstance()).start(_Runnable(op))
    return op


def wait_all(timeout_ms: int = 30000) -> bool:
    """For shutdown and tests: wait until the pool's work is done."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


class PromptBridge(QObject):
    """A ``Prompt`` callable usable from any thread: asks on the GUI thread and waits.

    ``asker(label)`` returns the text, or None when the person cancelled.
    """

    _request = Signal(str)
    notified = Signal(str)

    def __init__(self, asker: Callable[[str], str | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._asker = asker
        self._answer: str | None = None
        self._lock = threading.Lock()
        self._request.connect(self._on_request, Qt.ConnectionType.BlockingQueuedConnection)

    @Slot(str)
    def _on_request(self, label: str) -> None:
        self._answer = self._asker(label)

    def __call__(self, label: str) -> str:
        with self._lock:
            if QThread.currentThread() is self.thread():
                self._on_request(label)
            else:
                self._request.emit(label)
            answer, self._answer = self._answer, None
        if answer is None:
            raise Cancelled(translate("SigningWorkers", "已取消，未签署 / cancelled: nothing was signed"))
        return answer

    def notify(self, message: str) -> None:
        """A ``Notify`` callable: safe from any thread (a queued signal)."""
        self.notified.emit(message)


# --- identity ---------------------------------------------------------------------------------

@dataclass
class IdentityDone:
    info: Any
    notes: list[str] = field(default_factory=list)
    stored_in_keyring: bool = False


def _remember(key_file: str, secret: str) -> bool:
    from slq_desk.opinion import passphrase
    from slq_desk.opinion.identity import fingerprint_of_file

    if not passphrase.keyring_available():
        return False
    return passphrase.keyring_set(fingerprint_of_file(Path(key_file)), secret)


class CreateIdentityOp(Operation):
    def __init__(self, name: str, organisation: str, secret: str, days: int,
                 backup: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name, self.organisation, self.days, self.backup = name, organisation, days, backup
        self._secret = secret

    def work(self) -> IdentityDone:
        from slq_desk.opinion import identity

        self.say(translate("SigningWorkers", "正在生成 RSA-3072 密钥…"))
        info = identity.create(self.name, self.organisation, self._secret, out=self.backup,
                               days=self.days)
        stored = _remember(info.key_file, self._secret)
        return IdentityDone(info, [], stored)

    def _clear_secrets(self) -> None:
        self._secret = ""


class ImportIdentityOp(Operation):
    def __init__(self, path: Path, secret: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._secret = secret

    def work(self) -> IdentityDone:
        from slq_desk.opinion import identity

        self.say(translate("SigningWorkers", "正在打开密钥文件…"))
        info, notes = identity.import_file(self.path, self._secret)
        stored = _remember(info.key_file, self._secret)
        return IdentityDone(info, notes, stored)

    def _clear_secrets(self) -> None:
        self._secret = ""


# --- signing ----------------------------------------------------------------------------------

@dataclass
class Signed:
    exported: Any  # slq_desk.opinion.export.Exported
    warnings: list[str] = field(default_factory=list)


def unlock_identity(key_path: Path | None, prompt: Callable[[str], str],
                    notify: Callable[[str], None]) -> Any:
    """The installed identity (or ``key_path``), its passphrase from the keyring or ``prompt``."""
    from slq_desk.opinion import identity

    source = identity.passphrase_source(key_path, prompt=prompt, notify=notify)
    return identity.load_with(key_path, source)


class SignOpinionOp(Operation):
    """Unlock the identity, then build, render, sign and write one application's opinion."""

    def __init__(self, workspace: Workspace, application_id: str, out: Path,
                 prompt: Callable[[str], str], notify: Callable[[str], None], *,
                 reviewer: str | None = None, replace: bool = False,
                 key_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.application_id, self.out = workspace, application_id, out
        self.prompt, self.notify = prompt, notify
        self.reviewer, self.replace, self.key_path = reviewer, replace, key_path

    def work(self) -> Signed:
        from slq_desk.opinion import identity
        from slq_desk.opinion.export import export_opinion

        self.say(translate("SigningWorkers", "正在解锁签名密钥…"))
        ident = unlock_identity(self.key_path, self.prompt, self.notify)
        warnings = identity.usage_warnings(ident)
        self.say(translate("SigningWorkers", "正在生成意见表并签名…"))
        done = export_opinion(self.workspace, self.application_id, self.out, ident,
                              reviewer=self.reviewer, replace=self.replace)
        return Signed(done, warnings)


# --- verification -----------------------------------------------------------------------------

@dataclass
class Verified:
    """What the verify window shows: an expert opinion's result, or a panel summary's."""

    path: Path
    kind: str  # opinion | summary
    result: Any = None  # VerifyResult for an opinion
    summary_valid: bool = False
    summary_reasons: list[str] = field(default_factory=list)
    summary: dict[str, Any] | None = None


class VerifyOp(Operation):
    def __init__(self, pdf: Path, package: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pdf, self.package = pdf, package

    def work(self) -> Verified:
        from slq_desk.opinion.data import ATTACHMENT_NAME
        from slq_desk.opinion.verify import embedded_file, read_pdf_bytes, verify_file

        self.say(translate("SigningWorkers", "正在核验签名…"))
        result = verify_file(self.pdf, self.package)
        missing = [r for r in result.reasons if f"no embedded {ATTACHMENT_NAME}" in r]
        if missing and self.package is None:
            # Perhaps a signed 评审结果汇总表 rather than an expert opinion: it carries its own
            # attachment, and the panel's verifier judges it.
            import io

            from pyhanko.pdf_utils.reader import PdfFileReader

            from slq_desk.panel.exports import SUMMARY_ATTACHMENT, verify_summary

            data = read_pdf_bytes(self.pdf)
            try:
                has_summary = embedded_file(PdfFileReader(io.BytesIO(data), strict=False),
                                            SUMMARY_ATTACHMENT) is not None
            except Exception:  # noqa: BLE001 — a damaged file stays an invalid opinion
                has_summary = False
            if has_summary:
                ok, reasons, payload = verify_summary(data, str(self.pdf))
                return Verified(self.pdf, "summary", result, ok, reasons, payload)
        return Verified(self.pdf, "opinion", result)


# --- panel ------------------------------------------------------------------------------------

class ImportOpinionsOp(Operation):
    def __init__(self, workspace: Workspace, source: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.source = workspace, source

    def work(self) -> Any:
        from slq_desk.panel.collect import import_opinions

        if not self.source.exists():
            raise BadInput(translate("SigningWorkers", "找不到 ") + str(self.source))
        self.say(translate("SigningWorkers", "正在核验并导入意见…"))
        return import_opinions(self.workspace, self.source)


class PanelExportOp(Operation):
    """评审结果汇总表 (signed unless ``draft``), 名单 CSV/XLSX and the raw scores."""

    def __init__(self, workspace: Workspace, out_dir: Path, compute: Callable[[Any], Any],
                 prompt: Callable[[str], str], notify: Callable[[str], None], *,
                 draft: bool = False, replace: bool = False, chair: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.out_dir, self.compute = workspace, out_dir, compute
        self.prompt, self.notify = prompt, notify
        self.draft, self.replace, self.chair = draft, replace, chair

    def work(self) -> Any:
        from slq_desk.panel.exports import export_all

        ident = None
        if not self.draft:
            self.say(translate("SigningWorkers", "正在解锁签名密钥…"))
            ident = unlock_identity(None, self.prompt, self.notify)
        chair = self.chair or (ident.info.name if ident is not None else self.workspace.actor)
        self.say(translate("SigningWorkers", "正在生成并签署汇总表…"))
        with self.workspace.session() as s:
            agg, plist = self.compute(s)
            return export_all(s, agg, plist, self.out_dir, ident, chair, self.replace,
                              actor=self.workspace.actor)
