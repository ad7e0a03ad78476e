"""The attack suite: forged, wrapped, edited and badly-keyed opinions, each refused with its own
reason by ``slq-desk verify`` and by ``slq-desk panel import``; a genuine opinion stays valid for
our verifier, for pyHanko and for poppler's pdfsig.

The attacks are built in ``tests/support/attacks.py`` the way an attacker would build them;
The README's Security section lists them with their results.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest
from cryptography.hazmat.primitives import serialization

from slq_desk.opinion.data import Criterion, DocumentRef, OpinionData
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.panel.demo import sign_opinion
from tests.support.attacks import (
    SERVER_AUTH,
    countersign,
    edit_attachment,
    make_identity,
    signing_clock,
    wrap_signature,
)

SLQ = [sys.executable, "-m", "slq_desk"]
pytestmark = pytest.mark.xdist_group("attacks")
APP = "hunan-attack-01"
APP2 = "hunan-attack-02"
NOW = datetime.now(UTC)
WEIGHTS = (("real_usage", 30), ("scenario_plan", 25), ("innovation", 20), ("effect", 25))


def opinion(reviewer: str, total: str = "80", *, app: str = APP, version: int = 1,
            ident: LoadedIdentity | None = None, scores: dict[str, str] | None = None,
            claimed_total: str | None = None) -> OpinionData:
    parts = {k: Decimal(total) * w / 100 for k, w in WEIGHTS}
    parts.update({k: Decimal(v) for k, v in (scores or {}).items()})
    return OpinionData(
        application_id=app, applicant_name="长沙麓谷算力有限公司", policy_id="hunan-2026",
        reviewer=reviewer, review_date=date(2026, 11, 20), rubric_id="hunan-2026",
        rubric_version="2026.1",
        documents=[DocumentRef("01-服务合同.pdf", "contract", 6, "e" * 64)],
        criteria=[Criterion(k, k, parts[k], Decimal(w), Decimal(w), "评语内容足够长，说明理由")
                  for k, w in WEIGHTS],
        total=Decimal(claimed_total or total), recommendation="推荐",
        computed_subsidy=Decimal("318000.00"), recommended_subsidy=Decimal("300000.00"),
        coi_declared=True, version=version,
        cert_sha256=ident.info.cert_sha256 if ident is not None else "")


def signed(data: OpinionData, ident: LoadedIdentity) -> bytes:
    return sign_opinion(data, ident)


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SLQ, *args], capture_output=True, text=True, timeout=180, env=env,
                          stdin=subprocess.DEVNULL)


def pem(ident: LoadedIdentity, path: Path) -> Path:
    path.write_bytes(ident.certificate.public_bytes(serialization.Encoding.PEM))
    return path


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("data")
    e = dict(os.environ)
    e.update({"SLQ_DESK_DATA_DIR": str(data), "SLQ_DESK_USER": "组长",
              "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    e.pop("SLQ_DESK_TRUST_ROOTS", None)
    return e


@pytest.fixture(scope="module")
def world(env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A roster of two genuine reviewers, a genuine opinion, and every attack on it."""
    root = tmp_path_factory.mktemp("attacks")
    day = timedelta(days=1)
    zhang = make_identity("张伟", "湖南省评审专家库", not_before=NOW - day,
                          not_after=NOW + 365 * day)
    li = make_identity("李娜", "湖南省评审专家库", not_before=NOW - day, not_after=NOW + 365 * day)
    ws = root / "ws"
    from slq_desk.workspace import Workspace

    Workspace.open(ws).close()
    for who, ident in (("张伟", zhang), ("李娜", li)):
        added = run(env, "panel", "roster", "add", "--workspace", str(ws), "--name", who,
                    "--cert", str(pem(ident, root / f"{who}.pem")))
        assert added.returncode == 0, added.stderr

    genuine = signed(opinion("张伟", ident=zhang), zhang)
    raw = json.loads(opinion("张伟", "99", ident=zhang).json_bytes())
    new_json = json.dumps(raw, ensure_ascii=False).encode()

    page_edit = root / "page-edit.pdf"
    page_edit.write_bytes(genuine)
    with pymupdf.open(page_edit) as doc:
        doc[0].insert_text((72, 72), "总分 99")
        doc.saveIncr()

    forger = make_identity("张伟", "湖南省评审专家库", not_before=NOW - day)
    with signing_clock(NOW + 30 * day):
        future = signed(opinion("张伟", ident=zhang), zhang)
    expired = make_identity("张伟", not_before=NOW - 400 * day, not_after=NOW - day)
    weak = make_identity("张伟", bits=1024, not_before=NOW - day)
    enc_only = make_identity("张伟", key_usage="encipher", not_before=NOW - day)
    tls = make_identity("张伟", eku=SERVER_AUTH, not_before=NOW - day)

    # name → (bytes, reason code expected from verify and from import)
    attacks: dict[str, tuple[bytes, str]] = {
        "wrap-literal": (wrap_signature(genuine, new_json), "BYTERANGE_GAP"),
        "wrap-hex": (wrap_signature(genuine, new_json, hex_contents=True), "BYTERANGE_GAP"),
        "edit-page": (page_edit.read_bytes(), "LATER_REVISION"),
        "edit-attachment": (edit_attachment(genuine, new_json), "LATER_REVISION"),
        "countersign-overlay": (countersign(genuine, li, overlay_text="99"),
                                "MULTIPLE_SIGNATURES"),
        "forged-same-name": (signed(opinion("张伟", "100", version=2, ident=forger), forger),
                             "NOT_ON_ROSTER"),
        "json-names-other": (signed(opinion("李娜", "20", ident=zhang), zhang),
                             "REVIEWER_MISMATCH"),
        "score-out-of-range": (signed(opinion("张伟", ident=zhang, scores={"real_usage": "300"},
                                              claimed_total="356"), zhang),
                               "SCORE_OUT_OF_RANGE"),
        "total-mismatch": (signed(opinion("张伟", ident=zhang, claimed_total="99"), zhang),
                           "TOTAL_MISMATCH"),
        "future-M": (future, "SIGNING_TIME_FUTURE"),
        "expired-cert": (signed(opinion("张伟", ident=expired), expired), "CERT_EXPIRED"),
        "weak-rsa-1024": (signed(opinion("张伟", ident=weak), weak), "CERT_WEAK_KEY"),
        "wrong-key-usage": (signed(opinion("张伟", ident=enc_only), enc_only), "CERT_KEY_USAGE"),
        "wrong-eku": (signed(opinion("张伟", ident=tls), tls), "CERT_EKU"),
    }
    folder = root / "in"
    folder.mkdir()
    for name, (data, _code) in attacks.items():
        (folder / f"{name}.pdf").write_bytes(data)
    (root / "genuine.pdf").write_bytes(genuine)
    return {"root": root, "ws": ws, "genuine": root / "genuine.pdf", "folder": folder,
            "attacks": attacks, "zhang": zhang, "li": li, "forger": forger}


def test_genuine_opinion_is_valid_for_us_pyhanko_and_pdfsig(env: dict[str, str],
                                                            world: dict) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    path = world["genuine"]
    done = run(env, "verify", str(path), "--workspace", str(world["ws"]), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    out = json.loads(done.stdout)
    assert out["valid"] and out["certified"] and out["codes"] == []
    assert out["signer"]["cert_sha256"] == world["zhang"].info.cert_sha256
    human = run(env, "verify", str(path))
    assert "有效 / VALID" in human.stdout
    assert world["zhang"].info.cert_sha256[:2].upper() in human.stdout  # fingerprint shown
    sig = PdfFileReader(io.BytesIO(path.read_bytes())).embedded_signatures[0]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[], allow_fetching=False))
    assert status.intact and status.valid and status.docmdp_ok
    assert status.coverage.name == "ENTIRE_FILE"
    with pymupdf.open(path) as doc:  # the fingerprint is printed on the page too
        text = "".join(p.get_text() for p in doc).replace("\n", "")
    assert world["zhang"].info.cert_sha256[:8].upper() in text.replace(":", "")
    if shutil.which("pdfsig"):
        sig_out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True,
                                 timeout=60).stdout
        assert "Signature is Valid" in sig_out and "Total document signed" in sig_out
    done = run(env, "panel", "import", str(path), "--workspace", str(world["ws"]), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["imported"][0]["reviewer"] == "张伟"


@pytest.mark.parametrize("name", [
    "wrap-literal", "wrap-hex", "edit-page", "edit-attachment", "countersign-overlay",
    "forged-same-name", "json-names-other", "score-out-of-range", "total-mismatch", "future-M",
    "expired-cert", "weak-rsa-1024", "wrong-key-usage", "wrong-eku"])
def test_verify_refuses_each_attack_with_its_reason(env: dict[str, str], world: dict,
                                                    name: str) -> None:
    code = world["attacks"][name][1]
    done = run(env, "verify", str(world["folder"] / f"{name}.pdf"), "--workspace",
               str(world["ws"]), "--json")
    assert done.returncode == 1, done.stdout + done.stderr
    out = json.loads(done.stdout)
    assert not out["valid"] and code in out["codes"], out["codes"]
    assert all(r["zh"] and r["en"] for r in out["refusals"])


def test_wrapping_fools_pyhanko_alone_but_not_us(world: dict) -> None:
    """Why the byte-level checks exist: pyHanko's own validator calls the wrapped file intact
    and covering the entire file, and reads the new data."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from slq_desk.opinion.verify import verify_bytes

    data = world["attacks"]["wrap-literal"][0]
    sig = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures[0]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[], allow_fetching=False))
    assert status.intact and status.coverage.name == "ENTIRE_FILE"
    result = verify_bytes(data)
    assert result.data is not None and result.data.total == Decimal("99")
    assert not result.valid and {"BYTERANGE_GAP", "MULTIPLE_SIGNATURES"} <= set(result.codes)


def test_counter_signature_is_a_docmdp_violation_pdfsig_sees(world: dict) -> None:
    from slq_desk.opinion.verify import verify_bytes

    data = world["attacks"]["countersign-overlay"][0]
    result = verify_bytes(data)
    assert "DOCMDP_VIOLATION" in result.codes and result.signer == "张伟"
    if shutil.which("pdfsig"):
        f = world["root"] / "cs.pdf"
        f.write_bytes(data)
        out = subprocess.run(["pdfsig", str(f)], capture_output=True, text=True,
                             timeout=60).stdout
        # The certified signature no longer covers the whole document.
        first = out.split("Signature #2")[0]
        assert "Not total document signed" in first


def test_panel_import_refuses_each_attack_with_its_reason(env: dict[str, str],
                                                          world: dict) -> None:
    # The genuine opinion is in (imported here too, so the test holds in any order under xdist;
    # a second import of the same file is reported as already imported).
    first = run(env, "panel", "import", str(world["genuine"]), "--workspace", str(world["ws"]))
    assert first.returncode == 0, first.stdout + first.stderr
    done = run(env, "panel", "import", str(world["folder"]), "--workspace", str(world["ws"]),
               "--json")
    assert done.returncode == 1, done.stderr
    out = json.loads(done.stdout)
    assert out["imported"] == []
    refused = {r["name"]: r["codes"] for r in out["refused"]}
    for name, (_data, code) in world["attacks"].items():
        assert code in refused[f"{name}.pdf"], (name, refused[f"{name}.pdf"])
    listed = run(env, "panel", "opinions", "--workspace", str(world["ws"]), "--json")
    rows = json.loads(listed.stdout)
    assert [(r["reviewer"], r["total"], r["status"]) for r in rows] == [("张伟", "80", "active")]


def test_without_a_roster_a_second_certificate_for_a_reviewer_is_refused(
        env: dict[str, str], world: dict, tmp_path: Path) -> None:
    from slq_desk.workspace import Workspace

    ws = tmp_path / "no-roster"
    Workspace.open(ws).close()
    assert run(env, "panel", "import", str(world["genuine"]), "--workspace",
               str(ws)).returncode == 0
    done = run(env, "panel", "import", str(world["folder"] / "forged-same-name.pdf"),
               "--workspace", str(ws), "--json")
    assert done.returncode == 1
    assert "CERT_CONFLICT" in json.loads(done.stdout)["refused"][0]["codes"]


def test_version_inside_the_data_decides_never_the_clock(env: dict[str, str], world: dict,
                                                         tmp_path: Path) -> None:
    zhang = world["zhang"]
    with signing_clock(NOW - timedelta(hours=2)):  # v2, but its /M says earlier
        v2 = signed(opinion("张伟", "90", app=APP2, version=2, ident=zhang), zhang)
    v1 = signed(opinion("张伟", "60", app=APP2, version=1, ident=zhang), zhang)
    (tmp_path / "v2.pdf").write_bytes(v2)
    (tmp_path / "v1.pdf").write_bytes(v1)
    for name in ("v2.pdf", "v1.pdf"):  # the newer version arrives first
        done = run(env, "panel", "import", str(tmp_path / name), "--workspace", str(world["ws"]))
        assert done.returncode == 0, done.stdout + done.stderr
    listed = run(env, "panel", "opinions", "--workspace", str(world["ws"]), "--application",
                 APP2, "--json")
    rows = {r["total"]: r["status"] for r in json.loads(listed.stdout)}
    assert rows == {"90": "active", "60": "superseded"}  # the chair sees both
