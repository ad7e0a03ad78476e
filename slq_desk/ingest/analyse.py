"""Everything read from one file of a package: type, pages, kind, fields, findings.

``analyse_file`` is a plain function of a file's name and bytes. The importer runs it in a
worker process (see ``worker.py``) because a hostile PDF can make a parser spin or crash; tests
and benchmarks can call it directly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from slq_desk.extract.evidence import Extraction, Field, FindingData
from slq_desk.extract.uscc import IdStatus, check_id
from slq_desk.ingest import sniff
from slq_desk.ingest.classify import classify
from slq_desk.ingest.hashing import sha256_bytes

if TYPE_CHECKING:
    from slq_desk.extract.ocr import OcrCache, OcrWord

# Fields that hold a 统一社会信用代码 or taxpayer id, checked wherever they were read.
ID_FIELDS = ("buyer_id", "seller_id", "supplier_id", "applicant_id", "uscc")


@dataclass
class FileReport:
    name: str
    sha256: str
    size: int
    media_type: str
    pages: int = 0
    readable: bool = True
    error: str | None = None
    encrypted: bool = False
    kind: str = "other"
    confidence: int = 0
    kind_reason: str = ""
    kind_source: str = "auto"  # auto | manual:<who> (a person's relabel of an identical file)
    image_only_pages: list[int] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # image-only pages read by OCR
    # For OFD and XML files: the PDF the viewer shows (and evidence boxes refer to); the
    # original bytes are kept as they came.
    display_pdf: bytes | None = None
    extraction: Extraction = field(default_factory=Extraction)

    @property
    def is_document(self) -> bool:
        return self.media_type in sniff.DOCUMENT_TYPES

    @property
    def findings(self) -> list[FindingData]:
        return self.extraction.findings

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.name,
            "sha256": self.sha256,
            "media_type": self.media_type,
            "pages": self.pages,
            "readable": self.readable,
            "kind": self.kind,
            "confidence": self.confidence,
            "ocr_pages": self.ocr_pages,
            "kind_reason": self.kind_reason,
            "fields": {k: v.as_json() for k, v in self.extraction.fields.items()},
            "items": [{k: v.as_json() for k, v in item.items()}
                      for item in self.extraction.all_items()],
            "findings": [f.as_json() for f in self.extraction.findings],
        }


@dataclass
class OcrContext:
    """Where OCR results are cached and who hears of each page read; set per reader process."""

    cache: OcrCache | None = None
    # on_page(done, total): called after each OCR'd page of the current file (progress, cancel).
    on_page: Callable[[int, int], None] | None = None
    enabled: bool = True
    # Called before OCR starts on a file (the reader process lowers its priority then).
    before_ocr: Callable[[], None] | None = None


_ocr_context = OcrContext()


def set_ocr_context(context: OcrContext) -> OcrContext:
    """Install the OCR settings of this process; returns the previous ones."""
    global _ocr_context
    previous, _ocr_context = _ocr_context, context
    return previous


def failed_report(name: str, data: bytes, code: str, zh: str, en: str) -> FileReport:
    """The report for a file whose reading was cut short (timeout, crash of the worker)."""
    report = FileReport(name=name, sha256=sha256_bytes(data), size=len(data),
                        media_type=sniff.sniff(data), readable=False, error=en)
    report.extraction.findings.append(FindingData(code, "block", zh, en))
    return report


def analyse_file(name: str, data: bytes, max_pages: int = 2000,
                 kind: str | None = None) -> FileReport:
    """Read one file; ``kind`` set by a person skips the classifier."""
    media = sniff.sniff(data)
    report = FileReport(name=name, sha256=sha256_bytes(data), size=len(data), media_type=media)
    claimed = sniff.claimed(name)
    if media not in sniff.DOCUMENT_TYPES:
        report.readable = False
        if claimed == sniff.PDF:
            # A “.pdf” that is something else is a PDF we cannot read, said plainly.
            what = "为空" if not data else f"实为{sniff.label(media)}"
            _add(report, "pdf_broken" if not data or media == sniff.UNKNOWN else "unsupported_file",
                 "block", f"文件“{name}”{what}，不是可读的 PDF",
                 f"'{name}' is {'empty' if not data else 'really ' + sniff.label(media)}, "
                 "not a readable PDF")
        else:
            _add(report, "unsupported_file", "warn",
                 f"文件“{name}”的类型（{sniff.label(media)}）不受支持，未作为申报材料读取",
                 f"'{name}' ({sniff.label(media)}) is not a supported document type; not read")
        report.error = "unsupported"
        report.kind, report.confidence, report.kind_reason = "other", 0, "unsupported file"
        return report
    if media == sniff.XML:
        _read_xml(report, data, kind)
    elif media == sniff.OFD:
        _read_ofd(report, data, max_pages, kind)
    else:
        _read_document(report, data, max_pages, kind)
    return report


def _read_xml(report: FileReport, data: bytes, kind: str | None) -> None:
    """An e-invoice XML: its fields exactly as written, and a PDF of them for the viewer."""
    from slq_desk.extract import einvoice_xml

    try:
        invoice = einvoice_xml.read_invoice(data)
    except einvoice_xml.XmlInvoiceError as err:
        report.readable = False
        report.error = f"unsupported: {err}"
        report.kind, report.confidence, report.kind_reason = (
            (kind, 100, "set by a person") if kind else ("other", 0, "XML, not an e-invoice"))
        _add(report, "unsupported_file", "warn",
             f"文件“{report.name}”是 XML，但不是可识别的电子发票（{err}），未作为申报材料读取",
             f"'{report.name}' is XML but not a known e-invoice ({err}); not read")
        return
    pdf, boxes, item_boxes = einvoice_xml.render_pdf(invoice)
    report.display_pdf = pdf
    report.pages = 1 + max((page for row in item_boxes for page, _box in row.values()), default=0)
    extraction = einvoice_xml.extraction(invoice, boxes, item_boxes)
    report.kind, report.confidence, report.kind_reason = (
        (kind, 100, "set by a person") if kind else
        ("invoice", 100, f"e-invoice XML <{invoice.dialect}>"))
    extraction.kind, extraction.confidence = report.kind, report.confidence
    extraction.findings[:0] = report.extraction.findings
    report.extraction = extraction
    _check_ids(report)


def _read_ofd(report: FileReport, data: bytes, max_pages: int, kind: str | None) -> None:
    """An OFD document: converted to PDF, then read like one; an e-invoice's XML fills gaps."""
    from slq_desk.extract import einvoice_xml
    from slq_desk.extract.ofd import OfdError, einvoice_attachment, ofd_to_pdf

    try:
        converted = ofd_to_pdf(data, max_pages)
    except OfdError as err:
        report.readable = False
        report.error = f"pdf_broken: {err}"
        _add(report, "pdf_broken", "block", f"OFD 文件“{report.name}”无法读取：{err}",
             f"the OFD file '{report.name}' cannot be read: {err}")
        report.kind, report.confidence, report.kind_reason = (
            (kind, 100, "set by a person") if kind else _kind_from_name(report.name))
        return
    report.display_pdf = converted.pdf
    if converted.skipped:
        what = ", ".join(f"{k} ×{v}" for k, v in sorted(converted.skipped.items()))
        _add(report, "ofd_partly_drawn", "info",
             f"OFD 文件“{report.name}”中有内容未能显示（{what}），请对照原件核对",
             f"parts of the OFD file '{report.name}' could not be drawn ({what}); "
             "compare with the original")
    _read_document(report, converted.pdf, max_pages, kind, filetype="pdf")
    attached = einvoice_attachment(converted)
    if attached is not None and report.readable and report.kind == "invoice":
        try:
            xml = einvoice_xml.extraction(einvoice_xml.read_invoice(attached))
        except einvoice_xml.XmlInvoiceError:
            return
        before = set(report.extraction.fields)
        einvoice_xml.fill_missing(report.extraction, xml)
        _check_ids(report, [n for n in ID_FIELDS if n not in before])


def _read_document(report: FileReport, data: bytes, max_pages: int, kind: str | None,
                   filetype: str | None = None) -> None:
    from slq_desk.extract.pdf import open_document, read_text

    if filetype is None:
        filetype = {sniff.PDF: "pdf", sniff.JPEG: "jpeg", sniff.PNG: "png"}[report.media_type]
    doc, read = open_document(data, filetype)
    report.encrypted = read.encrypted
    report.pages = read.pages
    if doc is None or read.error_code:
        _unreadable(report, read.error_code or "pdf_broken", read.error)
        if doc is not None:
            doc.close()
        report.kind, report.confidence, report.kind_reason = (
            (kind, 100, "set by a person") if kind else _kind_from_name(report.name))
        return
    try:
        read_text(doc, read, max_pages)
        if read.error_code:
            _unreadable(report, read.error_code, read.error)
        if read.repaired:
            _add(report, "pdf_repaired", "warn",
                 f"文件“{report.name}”结构有误，已自动修复后读取，请核对内容",
                 f"'{report.name}' has a damaged structure and was repaired to be read; check it")
        if read.truncated_pages:
            _add(report, "pages_not_read", "warn",
                 f"文件页数过多，后 {read.truncated_pages} 页未读取",
                 f"too many pages: the last {read.truncated_pages} were not read")
        if report.media_type == sniff.PDF:
            from slq_desk.ingest.active_content import findings as active_findings

            report.extraction.findings.extend(active_findings(doc, report.name))
        ocr_pages = _image_only_pages(report, doc, read.text)
        ocr_pages.update(_pictured_pages(report, doc, read.text))
        if kind:
            report.kind, report.confidence, report.kind_reason = kind, 100, "set by a person"
        else:
            c = classify(read.text, report.name)
            report.kind, report.confidence, report.kind_reason = c.kind, c.confidence, c.reason
        if report.readable:
            try:
                _extract(report, doc, read.text)
            except Exception as err:  # a reader bug must not cost the document, only its fields
                _add(report, "extraction_failed", "warn",
                     f"“{report.name}”的字段未能自动读取，需人工录入",
                     f"the fields of '{report.name}' could not be read "
                     f"({type(err).__name__}); enter them by hand")
            if ocr_pages:
                _mark_ocr(report, ocr_pages)
    finally:
        doc.close()


def _image_only_pages(report: FileReport, doc: Any, text: Any) -> dict[int, list[OcrWord]]:
    """Report every scanned page and read it by OCR; returns the OCR words of each page read.

    The OCR lines replace the page's (empty) text-layer lines, so the classifier and the
    extractors read them like any other text.
    """
    from slq_desk.extract import ocr

    context = _ocr_context
    scanned = [page for page in text.pages if page.image_only]
    use_ocr = context.enabled and bool(scanned) and ocr.available()
    done: dict[int, list[ocr.OcrWord]] = {}
    for n, page in enumerate(scanned, 1):
        report.image_only_pages.append(page.index)
        words: list[ocr.OcrWord] = []
        if use_ocr:
            try:
                if context.before_ocr is not None:
                    context.before_ocr()
                words = ocr.ocr_words(doc[page.index], context.cache, report.sha256)
            except MemoryError:
                raise
            except Exception:  # one unreadable picture costs its page, not the file
                words = []
            if context.on_page is not None:
                context.on_page(n, len(scanned))
        lines = ocr.page_lines(words, page.index) if words else []
        if lines:
            mean = round(sum(w.confidence for w in words) / len(words))
            zh = (f"第 {page.index + 1} 页为扫描图像，无文字层，已经 OCR 识别"
                  f"（平均置信度 {mean}%），识别结果需人工核对")
            en = (f"page {page.index + 1} is a scanned image without a text layer; read by OCR "
                  f"(mean confidence {mean}%); check it by hand")
        else:
            why = "OCR 未识别出文字，" if use_ocr else "未能进行 OCR 识别，"
            zh = f"第 {page.index + 1} 页为扫描图像，无文字层，{why}需人工核对"
            en = (f"page {page.index + 1} is a scanned image without a text layer"
                  f"{'; OCR found no text' if use_ocr else '; OCR was not available'}; check it by hand")
        _add(report, "image_only_page", "warn", zh, en, page.index,
             (0.0, 0.0, page.width, page.height))
        if lines:
            page.lines = lines
            page.chars = sum(len(w.text) for w in words)
            done[page.index] = words
            report.ocr_pages.append(page.index)
    return done


# A page with a text layer this short but a large picture is a photo or copy with a caption
# (an ID card copy "仅供申报使用"): the picture holds what matters.
PICTURE_TEXT_CHARS = 80
PICTURE_AREA = 0.15
PICTURE_MAX_PAGES = 3


def _pictured_pages(report: FileReport, doc: Any, text: Any) -> dict[int, list[OcrWord]]:
    """OCR the pictures of short documents whose pages are mostly a picture and a caption;
    their lines are added to the page's, and the fields read there are marked as OCR."""
    from slq_desk.extract import ocr

    if report.pages > PICTURE_MAX_PAGES:
        return {}
    done: dict[int, list[OcrWord]] = {}
    context = _ocr_context
    for page in text.pages:
        if page.image_only or page.chars >= PICTURE_TEXT_CHARS or page.chars < 1:
            continue
        try:
            infos = doc[page.index].get_image_info()
        except Exception:  # an unreadable picture only costs its OCR
            continue
        area = sum(max(0.0, i["bbox"][2] - i["bbox"][0]) * max(0.0, i["bbox"][3] - i["bbox"][1])
                   for i in infos)
        if (area < PICTURE_AREA * max(page.width * page.height, 1.0) or not context.enabled
                or not ocr.available()):
            continue  # (the OCR engine is loaded only for a page that needs it)
        try:
            if context.before_ocr is not None:
                context.before_ocr()
            words = ocr.ocr_words(doc[page.index], context.cache, report.sha256)
        except MemoryError:
            raise
        except Exception:  # one unreadable picture costs its OCR, not the file
            continue
        lines = ocr.page_lines(words, page.index) if words else []
        if not lines:
            continue
        known = {ln.compact for ln in page.lines}
        page.lines = sorted([*page.lines, *(ln for ln in lines if ln.compact not in known)],
                            key=lambda ln: (ln.bbox[3], ln.bbox[0]))
        done[page.index] = words
        _add(report, "picture_ocr", "info",
             f"第 {page.index + 1} 页的图片内容经 OCR 识别，需人工核对",
             f"the picture on page {page.index + 1} was read by OCR; check it by hand",
             page.index, None)
    return done


def _mark_ocr(report: FileReport, pages: dict[int, list[OcrWord]]) -> None:
    """Fields read from OCR text say so, with the confidence of the words they were read from."""
    from dataclasses import replace

    from slq_desk.extract.ocr import confidence_in

    ex = report.extraction

    def mark(f: Field) -> Field:
        if f.page is not None and f.page in pages:
            return replace(f, source="ocr",
                           confidence=min(f.confidence, confidence_in(pages[f.page], f.bbox)))
        return f

    ex.fields = {k: mark(v) for k, v in ex.fields.items()}
    ex.items = [{k: mark(v) for k, v in item.items()} for item in ex.items]


def _extract(report: FileReport, doc: Any, text: Any) -> None:
    from slq_desk.extract.kinds import extractor_for

    if report.kind == "invoice":
        from slq_desk.extract.invoice import extract_invoice
        from slq_desk.extract.qr import InvoiceQR, decode_page, parse_invoice_qr

        qr: InvoiceQR | None = None
        if report.media_type in (sniff.PDF, sniff.OFD) and report.pages:
            try:
                for raw, box in decode_page(doc, 0):
                    qr = parse_invoice_qr(raw, 0, box)
                    if qr is not None:
                        break
            except Exception:  # an undecodable picture is no reason to lose the invoice
                qr = None
        extraction = extract_invoice(text, qr)
    else:
        extractor = extractor_for(report.kind)
        if extractor is None:
            return
        extraction = extractor(text)
    extraction.kind, extraction.confidence = report.kind, report.confidence
    extraction.findings[:0] = report.extraction.findings
    report.extraction = extraction
    _check_ids(report)


def _check_ids(report: FileReport, names: Sequence[str] = ID_FIELDS) -> None:
    for name in names:
        found: Field | None = report.extraction.fields.get(name)
        if found is None:
            continue
        status = check_id(found.value)
        if status is IdStatus.bad_check:
            _add(report, "uscc_invalid", "block",
                 f"统一社会信用代码“{found.value}”校验位错误",
                 f"USCC '{found.value}' has a wrong check character",
                 found.page, found.bbox)
        elif status is IdStatus.malformed:
            _add(report, "uscc_invalid", "warn",
                 f"“{found.value}”不是有效的统一社会信用代码或纳税人识别号",
                 f"'{found.value}' is not a valid USCC or taxpayer id",
                 found.page, found.bbox)


def _unreadable(report: FileReport, code: str, detail: str) -> None:
    report.readable = False
    report.error = f"{code}: {detail}"
    if code == "pdf_encrypted":
        _add(report, code, "block", f"文件“{report.name}”已加密，无法打开，请申请人提交未加密版本",
             f"'{report.name}' is encrypted and cannot be opened; ask for an unencrypted copy")
    else:
        zh = ("文件不完整（被截断）" if detail.startswith("truncated") else "文件没有页面"
              if detail == "no pages" else "文件为空" if detail == "empty file" else "文件格式错误")
        _add(report, "pdf_broken", "block", f"文件“{report.name}”已损坏，无法读取：{zh}",
             f"'{report.name}' is damaged and cannot be read ({detail})")


def _kind_from_name(name: str) -> tuple[str, int, str]:
    c = classify(None, name)
    return c.kind, c.confidence, c.reason


def _add(report: FileReport, code: str, severity: str, zh: str, en: str,
         page: int | None = None, bbox: tuple[float, float, float, float] | None = None) -> None:
    report.extraction.findings.append(FindingData(code, severity, zh, en, page, bbox))
