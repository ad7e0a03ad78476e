"""Optional coverage-guided fuzzing of the reader with atheris (libFuzzer), outside pytest.

Not part of the suite (the file name does not start with ``test_``) and atheris is not a
project dependency: install it into the venv by hand (``.venv/bin/pip install atheris``; it
ships manylinux wheels for CPython 3.11). Then, for example::

    mkdir -p /tmp/atheris-corpus && cp ../shared/corpus/hostile/*.pdf DEMO/*.pdf /tmp/atheris-corpus/
    .venv/bin/python tests/fuzz/atheris_pdf.py /tmp/atheris-corpus -max_total_time=600 \\
        -timeout=10 -rss_limit_mb=3072 -artifact_prefix=/tmp/atheris-crash-

``analyse_file`` runs in-process here (libFuzzer's -timeout is the hang guard instead of the
reader process): any exception escaping it is a bug, since a broken file must become a
finding; a crash or a timeout leaves the input under -artifact_prefix. Coverage covers our
Python (the classifier and the extractors see whatever text MuPDF recovers); MuPDF itself is
C and not instrumented, so libFuzzer sees only our side of the coverage.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["slq_desk"]):
    from slq_desk.ingest.analyse import analyse_file

KINDS = (None, "contract", "invoice", "payment_receipt", "usage_log", "usage_report",
         "application_form", "commitment_letter")


def one_input(data: bytes) -> None:
    # The last byte picks the kind, so every extractor is driven by the same mutations.
    kind = KINDS[data[-1] % len(KINDS)] if data else None
    report = analyse_file("fuzz.pdf", data, 50, kind)
    if not report.readable and not report.findings:
        raise AssertionError(f"unreadable without a finding: {report.error}")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
