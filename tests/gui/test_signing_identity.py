"""The identity page: create a self-signed identity or import a .p12, with clear refusals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.gui.signing_support import PASS, isolate, make_p12
from tests.support.keyring_memory import MemoryKeyring

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def p12_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("p12") / "ca-issued.p12"
    path.write_bytes(make_p12("赵六", "某认证中心"))
    return path


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    yield from isolate(monkeypatch, tmp_path)


def page(qtbot: object, **kw: object) -> object:
    from slq_desk.ui.signing.identity_page import IdentityPage

    p = IdentityPage(**({"run_sync": True} | kw))  # type: ignore[arg-type]
    qtbot.addWidget(p)  # type: ignore[attr-defined]
    return p


def test_empty_state_explains_no_keyring(qtbot: object) -> None:
    p = page(qtbot)
    assert p.info is None
    assert "没有可用的系统钥匙串" in p.keyring_label.text()


def test_create_refusals(qtbot: object) -> None:
    from slq_desk.opinion import identity

    p = page(qtbot)
    p.create_identity()
    assert "姓名" in p.message.text()
    p.name_edit.setText("孙八")
    p.create_identity()
    assert "口令不能为空" in p.message.text()
    p.new_pass.setText("a")
    p.new_pass2.setText("b")
    p.create_identity()
    assert "不一致" in p.message.text()
    p.new_pass.setText("short")
    p.new_pass2.setText("short")
    p.create_identity()
    assert "口令强度不足" in p.message.text() and p.new_pass.text() == "short"  # kept to fix
    assert identity.current() is None


def test_create_self_signed_in_a_worker(qtbot: object, tmp_path: Path) -> None:
    """The one key generation of this module; it runs on the thread pool, as in the app."""
    from slq_desk.opinion import identity

    p = page(qtbot, run_sync=False)
    p.name_edit.setText("孙八")
    p.org_edit.setText("长沙市数据局")
    p.days_spin.setValue(30)
    p.new_pass.setText(PASS)
    p.new_pass2.setText(PASS)
    backup = tmp_path / "backup.p12"
    p.backup_edit.setText(str(backup))
    with qtbot.waitSignal(p.changed, timeout=30000):  # type: ignore[attr-defined]
        p.create_identity()
        assert p.is_busy() and not p.create_button.isEnabled()
    qtbot.waitUntil(lambda: not p.is_busy(), timeout=5000)  # type: ignore[attr-defined]
    assert p.new_pass.text() == "" and p.new_pass2.text() == ""  # never left in the fields
    info = identity.current()
    assert info is not None and info.name == "孙八" and info.organisation == "长沙市数据局"
    assert info.key_type == "RSA-3072" and backup.exists()
    assert "孙八" in p.message.text() and "未保存" in p.message.text()
    texts = [p.current_form.itemAt(i, p.current_form.ItemRole.FieldRole).widget().text()
             for i in range(p.current_form.rowCount())
             if p.current_form.itemAt(i, p.current_form.ItemRole.FieldRole) is not None]
    assert "孙八" in texts
    identity.load(None, PASS)  # the installed key opens with the typed passphrase


def test_import_wrong_passphrase_then_right(qtbot: object, p12_file: Path) -> None:
    from slq_desk.opinion import identity

    p = page(qtbot)
    p.p12_edit.setText(str(p12_file))
    p.import_pass.setText("wrong")
    p.import_identity()
    assert "口令错误" in p.message.text() and identity.current() is None
    assert p.import_pass.text() == ""
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    p.import_pass.setText(PASS)
    p.import_identity()
    info = identity.current()
    assert info is not None and info.name == "赵六"
    assert "已保存到系统钥匙串" in p.message.text() and list(ring.store.values()) == [PASS]


def test_import_refusals_and_replace_question(qtbot: object, p12_file: Path,
                                              tmp_path: Path) -> None:
    from slq_desk.opinion import identity
    from tests.gui.signing_support import install

    p = page(qtbot)
    p.import_identity()
    assert "请选择" in p.message.text()
    junk = tmp_path / "junk.p12"
    junk.write_bytes(b"not a key at all")
    p.p12_edit.setText(str(junk))
    p.import_pass.setText(PASS)
    p.import_identity()
    assert "PKCS#12" in p.message.text()

    install(p12_file.read_bytes())
    questions: list[str] = []
    p2 = page(qtbot, confirm=lambda q: questions.append(q) or False)
    assert p2.info is not None and p2.info.name == "赵六"
    p2.p12_edit.setText(str(p12_file))
    p2.import_pass.setText(PASS)
    p2.import_identity()
    assert questions and "赵六" in questions[0]
    assert identity.current() is not None
