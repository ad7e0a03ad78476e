"""The signing, verification and panel operations, on the window's one framework
(``ui/operations.py``): key generation and signing take a second or more, so they run off the
GUI thread; tests run them synchronously (``run_sync``).

The work itself is the desk service's (``Desk``) or the identity module's; what lives here is
the GUI's part: asking a passphrase on the GUI thread from a worker (``PromptBridge``) and
handing a typed passphrase to an operation as a ``Secret`` that is wiped when it ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from slq_desk.desk.service import Desk
from slq_desk.ui.operations import Cancelled, Operation, Report, Secret

# Qt Linguist (pyside6-lupdate) finds the strings by the name `translate("Context", "…")`.
translate = QCoreApplication.translate


class PromptBridge(QObject):
    """A ``Prompt`` callable usable from any thread: asks on the GUI thread and waits.

    ``asker(label)`` returns the text, or None when the person closed the prompt, which raises
    ``Cancelled`` in the worker: nothing is signed, and the operation says ``cancelled()``.
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
            raise Cancelled()
        return answer

    def notify(self, message: str) -> None:
        """A ``Notify`` callable: safe from any thread (a queued signal)."""
        self.notified.emit(message)


def unlock_identity(key_path: Path | None, prompt: Callable[[str], str],
                    notify: Callable[[str], None]) -> Any:
    """The installed identity (or ``key_path``), its passphrase from the keyring or ``prompt``."""
    from slq_desk.opinion import identity

    source = identity.passphrase_source(key_path, prompt=prompt, notify=notify)
    return identity.load_with(key_path, source)


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


def create_identity_op(name: str, organisation: str, secret: Secret, days: int,
                       backup: Path | None = None, parent: QObject | None = None) -> Operation:
    """A new RSA-3072 key and self-signed certificate; the passphrase is wiped when it ends."""

    def work(report: Report) -> IdentityDone:
        from slq_desk.opinion import identity

        report(0, 0, translate("SigningWorkers", "正在生成 RSA-3072 密钥…"))
        info = identity.create(name, organisation, secret.reveal(), out=backup, days=days)
        return IdentityDone(info, [], _remember(info.key_file, secret.reveal()))

    return Operation(work, parent, secrets=[secret])


def import_identity_op(path: Path, secret: Secret, parent: QObject | None = None) -> Operation:
    def work(report: Report) -> IdentityDone:
        from slq_desk.opinion import identity

        report(0, 0, translate("SigningWorkers", "正在打开密钥文件…"))
        info, notes = identity.import_file(path, secret.reveal())
        return IdentityDone(info, notes, _remember(info.key_file, secret.reveal()))

    return Operation(work, parent, secrets=[secret])


# --- signing ----------------------------------------------------------------------------------

@dataclass
class Signed:
    exported: Any  # slq_desk.opinion.export.Exported
    warnings: list[str] = field(default_factory=list)


def sign_opinion_op(desk: Desk, application_id: str, out: Path, prompt: Callable[[str], str],
                    notify: Callable[[str], None], *, reviewer: str | None = None,
                    replace: bool = False, key_path: Path | None = None,
                    parent: QObject | None = None, actor: str | None = None) -> Operation:
    """Unlock the identity, then build, render, sign and write one application's opinion."""

    def work(report: Report) -> Signed:
        from slq_desk.opinion import identity

        report(0, 0, translate("SigningWorkers", "正在解锁签名密钥…"))
        ident = unlock_identity(key_path, prompt, notify)
        warnings = identity.usage_warnings(ident)
        report(0, 0, translate("SigningWorkers", "正在生成意见表并签名…"))
        done = desk.sign_opinion(application_id, out, ident, reviewer=reviewer, replace=replace,
                                 actor=actor)
        return Signed(done, warnings)

    return Operation(work, parent)


# --- verification -----------------------------------------------------------------------------

def verify_op(pdf: Path, package: Path | None = None, parent: QObject | None = None) -> Operation:
    """``Desk.verify``: an expert opinion or a panel summary, with a typed result."""

    def work(report: Report) -> Any:
        report(0, 0, translate("SigningWorkers", "正在核验签名…"))
        return Desk.verify(pdf, package)

    return Operation(work, parent)


# --- panel ------------------------------------------------------------------------------------

def import_opinions_op(desk: Desk, source: Path, parent: QObject | None = None) -> Operation:
    def work(report: Report) -> Any:
        report(0, 0, translate("SigningWorkers", "正在核验并导入意见…"))
        return desk.import_opinions(source)

    return Operation(work, parent)


@dataclass(frozen=True)
class ExportInputs:
    """The chair's inputs shown when the export was asked for."""

    settings: Any  # PanelSettings
    budget: Decimal | None
    cut_off: Decimal | None
    mode: str | None
    policy_id: str | None


def panel_export_op(desk: Desk, out_dir: Path, inputs: ExportInputs,
                    prompt: Callable[[str], str], notify: Callable[[str], None], *,
                    draft: bool = False, replace: bool = False, chair: str | None = None,
                    parent: QObject | None = None) -> Operation:
    """评审结果汇总表 (signed unless ``draft``), 名单 CSV/XLSX and the raw scores."""

    def work(report: Report) -> Any:
        ident = None
        if not draft:
            report(0, 0, translate("SigningWorkers", "正在解锁签名密钥…"))
            ident = unlock_identity(None, prompt, notify)
        report(0, 0, translate("SigningWorkers", "正在生成并签署汇总表…"))
        return desk.panel_export(inputs.settings, out_dir, ident, budget=inputs.budget,
                                 cut_off=inputs.cut_off, mode=inputs.mode,
                                 policy_id=inputs.policy_id, chair=chair, replace=replace)

    return Operation(work, parent)
