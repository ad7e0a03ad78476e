"""The text worker process: PyMuPDF text extraction and search, away from the UI's GIL.

PyMuPDF holds the GIL for a whole extraction (~11 ms for a dense page, measured) and the
conversion to boxes is Python work of its own, so a text *thread* stalls the window while it
searches a long document. This child process owns every PyMuPDF document the text service
opens; the parent only sends small requests and unpickles compact results.

Started as ``python -m slq_desk.ui.viewer.text_worker`` with a pipe on stdin/stdout (not
``multiprocessing``'s spawn, which would re-run the CLI's unguarded ``__main__``). It exits when
the parent closes the pipe, so it cannot outlive the window. No Qt here.

Messages in: ("open", doc, path) ("close", doc) ("text", doc, page) ("search", doc, query, gen)
("stop",). Out: ("text", doc, page, PageText) ("hits", doc, gen, page, rects)
("done", doc, gen, total).
"""

from __future__ import annotations

import os
import sys
from collections import OrderedDict, deque
from multiprocessing.connection import Connection
from typing import Any

from slq_desk.ui.viewer.page_text import PageText, from_rawdict, squeeze

TEXT_CACHE_PAGES = 64


def serve(conn: Connection) -> None:
    import pymupdf

    # rawdict's defaults without TEXT_PRESERVE_IMAGES: a scanned page would otherwise copy its
    # whole image into the result, only for us to throw it away.
    rawdict_flags = pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_PRESERVE_IMAGES
    documents: dict[str, Any] = {}
    texts: OrderedDict[tuple[str, int], PageText] = OrderedDict()
    pending: deque[tuple[Any, ...]] = deque()

    def text_of(doc: str, page: int) -> PageText:
        key = (doc, page)
        if key in texts:
            texts.move_to_end(key)
            return texts[key]
        pdf = documents.get(doc)
        text = PageText()
        if pdf is not None and 0 <= page < pdf.page_count:
            try:
                text = from_rawdict(pdf[page].get_text("rawdict", flags=rawdict_flags))
            except Exception:  # noqa: BLE001 - an unreadable page simply has no text
                text = PageText()
        texts[key] = text
        while len(texts) > TEXT_CACHE_PAGES:
            texts.popitem(last=False)
        return text

    def superseded(doc: str) -> bool:
        """Read what arrived meanwhile; a new search, close or stop ends the running search."""
        stop = False
        while conn.poll():
            message = conn.recv()
            pending.append(message)
            if message[0] == "stop" or (message[0] in ("search", "close") and message[1] == doc):
                stop = True
        return stop

    def search(doc: str, query: str, generation: int) -> None:
        pdf = documents.get(doc)
        needle = squeeze(query)
        total = 0
        for page in range(pdf.page_count if pdf is not None and needle else 0):
            assert pdf is not None
            if superseded(doc):
                return
            try:
                # Cheap plain-text test first: most pages have no hit and need no boxes.
                if needle not in squeeze(pdf[page].get_text("text")):
                    continue
            except Exception:  # noqa: BLE001, S112 - an unreadable page has no hit
                continue
            rects = text_of(doc, page).search(query)
            if rects:
                total += len(rects)
                conn.send(("hits", doc, generation, page, rects))
        conn.send(("done", doc, generation, total))

    while True:
        try:
            message = pending.popleft() if pending else conn.recv()
        except (EOFError, OSError):
            break
        kind = message[0]
        if kind == "stop":
            break
        if kind == "open":
            _, doc, path = message
            try:
                pdf = pymupdf.open(path)
                if pdf.needs_pass:
                    pdf.close()
                else:
                    documents[doc] = pdf
            except Exception:  # noqa: BLE001, S110 - the render service tells the reader why
                pass
        elif kind == "close":
            pdf = documents.pop(message[1], None)
            for key in [k for k in texts if k[0] == message[1]]:
                del texts[key]
            if pdf is not None:
                pdf.close()
        elif kind == "text":
            _, doc, page = message
            conn.send(("text", doc, page, text_of(doc, page)))
        elif kind == "search":
            _, doc, query, generation = message
            search(doc, query, generation)
    for pdf in documents.values():
        pdf.close()


def main() -> None:
    # The pipe is the duplex socket handed over as stdin; stdout stays free for nothing at all.
    conn = Connection(os.dup(sys.stdin.fileno()))
    try:
        serve(conn)
    except (EOFError, OSError, KeyboardInterrupt):
        pass
    finally:
        conn.close()


if __name__ == "__main__":
    main()
