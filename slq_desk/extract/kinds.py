"""Which extractor reads which kind of document."""

from __future__ import annotations

from collections.abc import Callable

from slq_desk.extract.evidence import Extraction
from slq_desk.extract.text import DocText

Extractor = Callable[[DocText], Extraction]


def extractor_for(kind: str) -> Extractor | None:
    # Imported here so that reading one kind never pays for importing all the others.
    if kind == "contract":
        from slq_desk.extract.contract import extract_contract
        return extract_contract
    if kind == "payment_receipt":
        from slq_desk.extract.payment import extract_payment
        return extract_payment
    if kind == "usage_log":
        from slq_desk.extract.usage import extract_usage_log
        return extract_usage_log
    if kind == "usage_report":
        from slq_desk.extract.usage import extract_usage_report
        return extract_usage_report
    from slq_desk.extract.forms import form_extractor

    return form_extractor(kind)
