"""Offline review kits and the pledge (评审纪律与保密承诺书) that opens them.

Chair side: ``export_kit`` writes one ZIP per expert — the assigned applications' packages,
the rubric(s), the panel settings, the pledge text, the expert's open 复核 requests, the
chair's certificate — with ``manifest.json`` (every file's SHA-256) signed by the chair's key
(``manifest.sig``: RSA PKCS#1 v1.5 or ECDSA over SHA-256). ``import_pledges`` takes the signed
pledges back and ``pledges`` lists who pledged when.

Expert side: ``import_kit`` verifies the chair's signature and every file (and the chair's
fingerprint when the expert was given it) and stores the kit *locked*: nothing of the packages
is in the workspace yet. ``sign_pledge`` has the expert sign the pledge (PAdES, with
``pledge.json`` naming the kit and its hash); only then are the packages imported into the
expert's workspace, where they review and export signed opinions as usual.
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from slq_desk import audit
from slq_desk.errors import BadInput
from slq_desk.models.panel_process import PanelPledge
from slq_desk.models.schema import Application, Document, Setting
from slq_desk.opinion.identity import LoadedIdentity
from slq_desk.resources import resource_path
from slq_desk.workspace import Workspace

KIT_SCHEMA = "slq-desk/review-kit"
PLEDGE_SCHEMA = "slq-desk/pledge"
PLEDGE_ATTACHMENT = "pledge.json"
PLEDGE_FILE = "评审纪律与保密承诺书.txt"
SIGNED_FILES = ("manifest.json", "manifest.sig")
LOCKED, OPEN = "locked", "open"
MAX_KIT_BYTES = 4 * 1024**3  # unpacked; a batch's packages are far below this
BEIJING = timezone(timedelta(hours=8), "北京时间")


def pledge_text(path: Path | None = None) -> str:
    """The panel's own pledge text if given, else the one shipped in resources."""
    source = path or resource_path("pledges", PLEDGE_FILE)
    try:
        text = source.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as err:
        raise BadInput(f"承诺书文本无法读取 / cannot read the pledge text {source}: {err}") from None
    if not text:
        raise BadInput(f"承诺书文本为空 / the pledge text {source} is empty")
    return text


def _sign(identity: LoadedIdentity, data: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    key = identity.key
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    raise BadInput(f"不支持的密钥类型 / unsupported key type {type(key).__name__}")


def _verify_signature(cert_pem: bytes, data: bytes, signature: bytes) -> str:
    """The certificate's SHA-256 fingerprint when ``signature`` is valid; BadInput if not."""
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    try:
        cert = x509.load_pem_x509_certificate(cert_pem)
    except ValueError as err:
        raise BadInput(f"组长证书无法读取 / the chair's certificate is unreadable: {err}") from None
    key = cert.public_key()
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        else:
            raise BadInput("不支持的证书密钥类型 / unsupported certificate key type")
    except InvalidSignature:
        raise BadInput("评审包签名无效：内容被改动或不是该组长签署 / the kit's signature is "
                       "invalid: changed, or not signed by this chair") from None
    return cert.fingerprint(hashes.SHA256()).hex()


# --- chair side -------------------------------------------------------------------------------

@dataclass(frozen=True)
class KitExport:
    kit_id: str
    path: Path
    sha256: str
    applications: tuple[str, ...]
    files: int


def _document_bytes(ws: Workspace, doc: Document, packages: Path | None) -> bytes | None:
    candidates = [ws.blob_path(doc.sha256)]
    if doc.stored_path:
        candidates.append(ws.path / doc.stored_path)
    if packages is not None:
        candidates.append(packages / doc.application_id / doc.original_name)
    for c in candidates:
        if c.is_file():
            data = c.read_bytes()
            if hashlib.sha256(data).hexdigest() == doc.sha256:
                return data
    return None


def export_kit(ws: Workspace, s: Session, expert: str, app_ids: list[str],
               chair: LoadedIdentity, out: Path, *, packages: Path | None = None,
               pledge: Path | None = None, replace: bool = False) -> KitExport:
    """Write the expert's signed kit; refuses (nothing written) if any document is missing."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from slq_desk.models.panel_process import FLAG_RESOLVED, PanelFlag
    from slq_desk.money import fmt
    from slq_desk.opinion.export import write_atomically
    from slq_desk.review.rubric import RubricError, builtin_dir, rubric_for

    if out.exists() and not replace:
        raise BadInput(f"{out} 已存在，未覆盖 / already exists (use --force)")
    if not app_ids:
        raise BadInput("没有分配给该专家的申报 / no applications assigned")
    kit_id = uuid.uuid4().hex
    files: dict[str, bytes] = {}
    apps: list[dict[str, Any]] = []
    missing: list[str] = []
    rubrics: dict[str, str] = {}
    notes: list[str] = []  # said in the kit, never dropped silently
    for app_id in app_ids:
        app = s.get(Application, app_id)
        if app is None:
            raise BadInput(f"工作区中没有申报 {app_id} / no application {app_id}")
        docs = []
        for d in app.documents:
            data = _document_bytes(ws, d, packages)
            if data is None:
                missing.append(f"{app_id}/{d.original_name}")
                continue
            name = f"packages/{app_id}/{d.original_name}"
            files[name] = data
            docs.append({"name": d.original_name, "kind": d.kind, "pages": d.pages,
                         "sha256": d.sha256, "path": name})
        try:
            rubric = rubric_for(app.policy_id, app.direction)
            # A built-in rubric's origin is its file name inside resources/rubrics.
            source = builtin_dir() / f"{rubric.id}.toml"
            rubrics[rubric.id] = source.read_text(encoding="utf-8")
            rubric_id = rubric.id
        except (RubricError, OSError) as err:
            rubric_id = ""
            notes.append(f"{app_id}: 无默认评分表，专家评分时须指定 / no default rubric: {err}")
        apps.append({"id": app.id, "policy_id": app.policy_id,
                     "applicant_name": app.applicant_name, "applicant_uscc": app.applicant_uscc,
                     "direction": app.direction,
                     "claimed_at": app.claimed_at.isoformat() if app.claimed_at else None,
                     "computed_subsidy": None if app.computed_subsidy is None
                     else fmt(app.computed_subsidy), "rubric": rubric_id, "documents": docs})
    if missing:
        raise BadInput("以下材料在工作区中找不到原件，评审包未生成 / originals not found, no kit "
                       "written: " + "、".join(missing) + " (give --packages DIR)")
    for rid, text in rubrics.items():
        files[f"rubrics/{rid}.toml"] = text.encode("utf-8")
    row = s.get(Setting, "panel:settings")
    files["panel-settings.json"] = json.dumps(row.value if row is not None else {},
                                              ensure_ascii=False, indent=2).encode("utf-8")
    files["pledge.txt"] = pledge_text(pledge).encode("utf-8")
    requests = [{"flag": f.id, "application_id": f.application_id, "kind": f.kind,
                 "criterion": f.criterion, "message": f.message, "note": f.request_note}
                for f in s.scalars(select(PanelFlag).where(PanelFlag.reviewer == expert))
                if f.status != FLAG_RESOLVED and f.application_id in app_ids]
    files["recheck-requests.json"] = json.dumps(requests, ensure_ascii=False,
                                                indent=2).encode("utf-8")
    chair_pem = chair.certificate.public_bytes(Encoding.PEM)
    files["chair.pem"] = chair_pem
    kit = {"schema": KIT_SCHEMA, "schema_version": 1, "kit_id": kit_id, "expert": expert,
           "created_at": datetime.now(UTC).isoformat(),
           "chair": {"name": chair.info.name, "organisation": chair.info.organisation,
                     "cert_sha256": chair.info.cert_sha256},
           "applications": apps, "notes": notes}
    files["kit.json"] = json.dumps(kit, ensure_ascii=False, indent=2).encode("utf-8")
    manifest = json.dumps({"kit_id": kit_id, "files": {n: hashlib.sha256(b).hexdigest()
                                                        for n, b in sorted(files.items())}},
                          ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in sorted(files.items()):
            z.writestr(name, data)
        z.writestr("manifest.json", manifest)
        z.writestr("manifest.sig", _sign(chair, manifest))
    blob = buf.getvalue()
    write_atomically(out, blob, replace=True)
    digest = hashlib.sha256(blob).hexdigest()
    audit.record(s, ws.actor, "panel.kit", "panel_kit", kit_id, None,
                 {"expert": expert, "applications": list(app_ids), "sha256": digest,
                  "recheck_requests": [r["flag"] for r in requests]})
    return KitExport(kit_id, out, digest, tuple(app_ids), len(files))


# --- expert side ------------------------------------------------------------------------------

@dataclass
class Kit:
    data: dict[str, Any]
    files: dict[str, bytes]
    chair_sha256: str
    sha256: str
    warnings: list[str] = field(default_factory=list)

    @property
    def kit_id(self) -> str:
        return str(self.data["kit_id"])

    @property
    def expert(self) -> str:
        return str(self.data["expert"])


def read_kit(blob: bytes, chair_fingerprint: str | None = None) -> Kit:
    """Verify the chair's signature over the manifest and every file against it."""
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            names = z.namelist()
            if len(names) != len(set(names)):
                raise BadInput("评审包中有重名文件 / the kit holds duplicate names")
            # Read nothing before knowing it fits: the signature is checked after reading.
            if sum(i.file_size for i in z.infolist()) > MAX_KIT_BYTES:
                raise BadInput("评审包解压后过大 / the kit is too large once unpacked")
            contents = {n: z.read(n) for n in names}
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError) as err:
        raise BadInput(f"不是有效的评审包 / not a readable kit: {err}") from None
    for need in (*SIGNED_FILES, "chair.pem", "kit.json"):
        if need not in contents:
            raise BadInput(f"评审包缺少 {need} / the kit has no {need}")
    fp = _verify_signature(contents["chair.pem"], contents["manifest.json"],
                           contents["manifest.sig"])
    manifest = json.loads(contents["manifest.json"].decode("utf-8"))
    listed: dict[str, str] = manifest.get("files", {})
    files = {n: b for n, b in contents.items() if n not in SIGNED_FILES}
    if set(files) != set(listed):
        extra = sorted(set(files) ^ set(listed))
        raise BadInput(f"评审包文件与签名清单不符 / files differ from the signed manifest: "
                       f"{', '.join(extra)}")
    for n, data in files.items():
        if hashlib.sha256(data).hexdigest() != listed[n]:
            raise BadInput(f"评审包文件 {n} 已被改动 / {n} was changed after signing")
    data = json.loads(files["kit.json"].decode("utf-8"))
    if data.get("schema") != KIT_SCHEMA or data.get("kit_id") != manifest.get("kit_id"):
        raise BadInput("不是 slq-desk 评审包 / not a slq-desk review kit")
    kit = Kit(data, files, fp, hashlib.sha256(blob).hexdigest())
    if chair_fingerprint:
        if fp != chair_fingerprint.lower().replace(":", ""):
            raise BadInput(f"组长证书指纹 {fp} 与给定的不符 / the chair's certificate is not the "
                           "one you were given")
    else:
        kit.warnings.append(f"未核对组长证书指纹，请与组长当面核对 {fp} / compare the chair's "
                            "fingerprint (--chair-fingerprint)")
    return kit


def _kit_key(kit_id: str) -> str:
    return f"kit:{kit_id}"


def import_kit(ws: Workspace, path: Path, chair_fingerprint: str | None = None) -> Kit:
    """Store a verified kit, locked until the pledge is signed."""
    try:
        blob = path.read_bytes()
    except OSError as err:
        raise BadInput(f"评审包无法读取 / cannot read {path}: {err}") from None
    kit = read_kit(blob, chair_fingerprint)
    with ws.session() as s:
        if s.get(Setting, _kit_key(kit.kit_id)) is not None:
            raise BadInput(f"评审包 {kit.kit_id} 已导入 / kit already imported")
        stored = ws.store_blob(kit.sha256, blob)
        s.add(Setting(key=_kit_key(kit.kit_id), value={
            "status": LOCKED, "expert": kit.expert, "sha256": kit.sha256,
            "stored_path": ws.relative(stored), "chair_sha256": kit.chair_sha256,
            "applications": [a["id"] for a in kit.data["applications"]],
            "imported_at": datetime.now(UTC).isoformat()}))
        s.flush()
        audit.record(s, ws.actor, "kit.import", "kit", kit.kit_id, None,
                     {"sha256": kit.sha256, "chair": kit.chair_sha256, "status": LOCKED})
    return kit


def kit_state(s: Session, kit_id: str) -> dict[str, Any]:
    row = s.get(Setting, _kit_key(kit_id))
    if row is None:
        raise BadInput(f"没有导入过评审包 {kit_id} / no kit {kit_id} here")
    return dict(row.value)


def render_pledge(text: str, expert: str, organisation: str, kit_id: str, kit_sha256: str,
                  day: date) -> tuple[bytes, Any]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from slq_desk.opinion.layout import signature_area
    from slq_desk.opinion.pdfstyle import pdf_styles

    st = pdf_styles(base_size=11, base_leading=19)
    lines = text.splitlines()
    title, body = (lines[0], lines[1:]) if lines else ("评审纪律与保密承诺书", [])
    story: list[Any] = [st.para(title, st.title), Spacer(1, 8)]
    story += [st.para(line) for line in body if line.strip()]
    story += [Spacer(1, 10),
              st.para(f"承诺人：{expert}　　工作单位：{organisation or '—'}　　日期：{day:%Y年%m月%d日}"),
              st.para(f"评审包编号：{kit_id}　评审包 SHA-256：{kit_sha256}", st.tiny), Spacer(1, 6)]
    area = signature_area(st.font, False)
    story.append(area)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                      topMargin=20 * mm, bottomMargin=20 * mm, title=title, author=expert,
                      creator="slq-desk", lang="zh-CN", initialFontName=st.font).build(story)
    return buf.getvalue(), area.box


def sign_pledge(ws: Workspace, kit_id: str, identity: LoadedIdentity, out: Path,
                replace: bool = False) -> list[str]:
    """The expert signs the pledge; then the kit's packages are imported (the documents
    open). Returns the applications now in the workspace."""
    from slq_desk.money import D
    from slq_desk.opinion.export import write_atomically
    from slq_desk.opinion.sign import Attachment, SignRequest, finalise

    with ws.session() as s:
        state = kit_state(s, kit_id)
    if state["status"] != LOCKED:
        raise BadInput(f"评审包 {kit_id} 的承诺书已签署 / the pledge for this kit is signed")
    if identity.info.name != state["expert"]:
        raise BadInput(f"评审包属于 {state['expert']}，证书是 {identity.info.name} / the kit is "
                       f"{state['expert']}'s, the certificate {identity.info.name}'s")
    kit = read_kit((ws.path / state["stored_path"]).read_bytes())
    with ws.session() as s:
        here = [a["id"] for a in kit.data["applications"] if s.get(Application, a["id"])]
    if here:  # checked before anything is signed or written
        raise BadInput(f"工作区中已有申报 {'、'.join(here)}，请换一个工作区 / already in this "
                       "workspace: open the kit in a workspace of its own")
    text = kit.files["pledge.txt"].decode("utf-8")
    when = datetime.now(BEIJING)  # printed in Beijing time, whatever the machine's zone
    pdf, box = render_pledge(text, kit.expert, identity.info.organisation, kit_id, kit.sha256,
                             when.date())
    payload = json.dumps({"schema": PLEDGE_SCHEMA, "schema_version": 1, "kit_id": kit_id,
                          "kit_sha256": kit.sha256, "expert": kit.expert,
                          "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                          "signed_before_opening": True}, ensure_ascii=False).encode("utf-8")
    signed = finalise(pdf, SignRequest(
        box=box, attachments=(Attachment(PLEDGE_ATTACHMENT, payload,
                                         description="评审承诺 (pledge, machine-readable)"),),
        identity=identity, reason="签署评审纪律与保密承诺书", role="评审专家", when=when))
    write_atomically(out, signed, replace)
    opened: list[str] = []
    with ws.session() as s:
        for a in kit.data["applications"]:
            if s.get(Application, a["id"]) is not None:
                raise BadInput(f"工作区中已有申报 {a['id']} / application already here")
            s.add(Application(
                id=a["id"], policy_id=a["policy_id"], applicant_name=a["applicant_name"],
                applicant_uscc=a.get("applicant_uscc") or "", direction=a.get("direction"),
                status="reviewing", package_name=f"kit {kit_id}",
                claimed_at=datetime.fromisoformat(a["claimed_at"]) if a.get("claimed_at")
                else None,
                computed_subsidy=None if a.get("computed_subsidy") is None
                else D(a["computed_subsidy"])))
            s.flush()
            for d in a["documents"]:
                data = kit.files[d["path"]]
                stored = ws.store_blob(d["sha256"], data)
                s.add(Document(application_id=a["id"], sha256=d["sha256"], kind=d["kind"],
                               original_name=d["name"], stored_path=ws.relative(stored),
                               pages=int(d.get("pages") or 0), size=len(data)))
            opened.append(a["id"])
        row = s.get(Setting, _kit_key(kit_id))
        assert row is not None
        row.value = {**row.value, "status": OPEN,
                     "pledge_sha256": hashlib.sha256(signed).hexdigest(),
                     "pledged_at": datetime.now(UTC).isoformat()}
        s.flush()
        audit.record(s, ws.actor, "kit.pledge", "kit", kit_id, {"status": LOCKED},
                     {"status": OPEN, "pledge": row.value["pledge_sha256"],
                      "applications": opened})
    return opened


# --- chair: pledges back ----------------------------------------------------------------------

@dataclass(frozen=True)
class PledgeImport:
    imported: list[tuple[str, str]]  # (name, expert)
    refused: list[tuple[str, str]]  # (name, reason)
    already: list[str]


def import_pledges(ws: Workspace, path: Path) -> PledgeImport:
    """Signed pledges from a folder, .zip or one PDF; opinions beside them are left alone."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    from slq_desk.opinion.data import ATTACHMENT_NAME
    from slq_desk.opinion.verify import embedded_file, verify_bytes
    from slq_desk.panel.draw import pool_fingerprints
    from slq_desk.panel.sources import read_sources

    imported: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    already: list[str] = []
    for src in read_sources(path):
        if src.data is None:
            refused.append((src.name, src.error))
            continue
        try:
            raw = embedded_file(PdfFileReader(io.BytesIO(src.data), strict=False),
                                PLEDGE_ATTACHMENT)
        except Exception as err:  # noqa: BLE001 — hostile input: refused, never a crash
            refused.append((src.name, f"无法读取 / unreadable: {err}"))
            continue
        if raw is None:
            continue  # an opinion or another file travelling with the pledges
        result = verify_bytes(src.data, src.name)
        reasons = [r for r in result.reasons if f"no embedded {ATTACHMENT_NAME}" not in r]
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            reasons.append(f"承诺数据无法读取 / pledge data unreadable: {err}")
            doc = {}
        if not reasons and doc.get("schema") != PLEDGE_SCHEMA:
            reasons.append("不是评审承诺书 / not a pledge")
        if not reasons and result.signer != doc.get("expert"):
            reasons.append(f"签名人 {result.signer} 不是承诺人 {doc.get('expert')} / signer is not "
                           "the expert")
        if not reasons:
            with ws.session() as s:
                expected = pool_fingerprints(s).get(str(doc.get("expert")), "")
            if expected and result.cert_sha256 != expected:
                reasons.append(f"证书不是专家库为 {doc.get('expert')} 登记的证书 / not the "
                               "certificate the pool registered for this expert")
        if reasons:
            refused.append((src.name, "; ".join(reasons)))
            continue
        digest = hashlib.sha256(src.data).hexdigest()
        with ws.session() as s:
            if s.scalars(select(PanelPledge.id).where(PanelPledge.sha256 == digest)).first():
                already.append(src.name)
                continue
            stored = ws.store_blob(digest, src.data)
            signed_at = result.signed_at
            if signed_at is not None and signed_at.tzinfo is None:
                signed_at = signed_at.replace(tzinfo=UTC)
            row = PanelPledge(sha256=digest, kit_id=str(doc["kit_id"]), expert=doc["expert"],
                              signer=result.signer, cert_sha256=result.cert_sha256,
                              signed_at=signed_at, kit_sha256=str(doc.get("kit_sha256", "")),
                              stored_path=ws.relative(stored), imported_by=ws.actor)
            s.add(row)
            s.flush()
            audit.record(s, ws.actor, "panel.pledge", "panel_pledge", row.id, None,
                         {"expert": row.expert, "kit": row.kit_id, "sha256": digest})
        imported.append((src.name, doc["expert"]))
    return PledgeImport(imported, refused, already)


def pledges(s: Session) -> list[PanelPledge]:
    return list(s.scalars(select(PanelPledge).order_by(PanelPledge.signed_at, PanelPledge.id)))
