"""Review kits: signed by the chair, every file checked; a changed file, a foreign fingerprint
or someone else's key is refused; the documents open only after the expert signs the pledge,
which the chair imports (poppler's pdfsig agrees it is valid)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from slq_desk.errors import BadInput
from slq_desk.models.schema import Application, Document
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.panel import kit
from slq_desk.panel.demo import add_applications, throwaway_identity
from slq_desk.workspace import Workspace


@pytest.fixture(scope="module")
def idents() -> dict[str, LoadedIdentity]:
    return {n: throwaway_identity(n, "测试") for n in ("组长", "张伟", "李娜")}


def _rezip(blob: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w") as dst:
        for n in src.namelist():
            dst.writestr(n, data if n == name else src.read(n))
    return out.getvalue()


def test_kit_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        idents: dict[str, LoadedIdentity]) -> None:
    monkeypatch.setenv("SLQ_DESK_DATA_DIR", str(tmp_path / "data"))
    chair_ws = Workspace.open(tmp_path / "chair")
    apps = add_applications(chair_ws, 4, tmp_path / "pkgs")[:2]
    out = tmp_path / "kit.zip"
    # The demo keeps its documents in the store (the window shows them): take one original
    # away to see the refusal, then name the package folder that still holds it.
    with chair_ws.session() as s:
        sha = s.scalars(select(Document.sha256).where(Document.application_id == apps[0])).first()
    assert sha is not None
    chair_ws.blob_path(sha).unlink()
    with chair_ws.session() as s:
        with pytest.raises(BadInput, match="找不到原件"):
            kit.export_kit(chair_ws, s, "张伟", apps, idents["组长"], out)
        assert not out.exists()
        done = kit.export_kit(chair_ws, s, "张伟", apps, idents["组长"], out,
                              packages=tmp_path / "pkgs")
    blob = out.read_bytes()
    fp = idents["组长"].info.cert_sha256
    checked = kit.read_kit(blob, fp)
    assert checked.kit_id == done.kit_id and checked.expert == "张伟"
    assert "保密" in checked.files["pledge.txt"].decode("utf-8")
    assert "rubrics/hunan-2026.toml" in checked.files
    assert kit.read_kit(blob).warnings  # no fingerprint given: told to compare it

    first = next(n for n in checked.files if n.startswith("packages/"))
    with pytest.raises(BadInput, match="改动"):
        kit.read_kit(_rezip(blob, first, b"%PDF-1.7 forged"), fp)
    with pytest.raises(BadInput, match="指纹"):
        kit.read_kit(blob, idents["李娜"].info.cert_sha256)
    # a certificate swapped into the kit breaks the signed manifest
    from cryptography.hazmat.primitives.serialization import Encoding

    swapped = _rezip(blob, "chair.pem", idents["李娜"].certificate.public_bytes(Encoding.PEM))
    with pytest.raises(BadInput, match="签名无效|改动"):
        kit.read_kit(swapped, fp)
    # a whole kit made by someone else is consistent, but not the chair's: the fingerprint
    with chair_ws.session() as s:
        kit.export_kit(chair_ws, s, "张伟", apps, idents["李娜"], tmp_path / "other.zip",
                       packages=tmp_path / "pkgs")
    with pytest.raises(BadInput, match="指纹"):
        kit.read_kit((tmp_path / "other.zip").read_bytes(), fp)
    with pytest.raises(BadInput, match="签名无效"):
        kit.read_kit(_rezip(blob, "manifest.sig", b"\x00" * 384), fp)

    expert_ws = Workspace.open(tmp_path / "expert")
    opened = kit.import_kit(expert_ws, out, fp)
    with expert_ws.session() as s:
        assert list(s.scalars(select(Application.id))) == []  # locked: nothing open yet
    with pytest.raises(BadInput, match="已导入"):
        kit.import_kit(expert_ws, out, fp)
    with pytest.raises(BadInput, match="评审包属于"):
        kit.sign_pledge(expert_ws, opened.kit_id, idents["李娜"], tmp_path / "p.pdf")
    pledge = tmp_path / "pledges" / "张伟.pdf"
    got = kit.sign_pledge(expert_ws, opened.kit_id, idents["张伟"], pledge)
    assert got == apps
    with expert_ws.session() as s:
        docs = list(s.scalars(select(Document).where(Document.application_id == apps[0])))
        assert docs and all((expert_ws.path / d.stored_path).is_file() for d in docs)
    with pytest.raises(BadInput, match="已签署"):
        kit.sign_pledge(expert_ws, opened.kit_id, idents["张伟"], tmp_path / "again.pdf")
    if shutil.which("pdfsig"):
        out_text = subprocess.run(["pdfsig", str(pledge)], capture_output=True, text=True).stdout
        assert "Signature is Valid." in out_text
    back = kit.import_pledges(chair_ws, pledge.parent)
    assert back.imported == [("张伟.pdf", "张伟")] and not back.refused
    assert kit.import_pledges(chair_ws, pledge.parent).already == ["张伟.pdf"]
    with chair_ws.session() as s:
        rows = kit.pledges(s)
        assert [(p.expert, p.kit_id) for p in rows] == [("张伟", opened.kit_id)]
        assert rows[0].signed_at is not None
