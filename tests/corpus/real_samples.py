"""Rebuild the real public e-invoice samples from local clones of their two repositories.

The samples are third-party files (ofdrw/ofdrw and renoyuan/easyofd, both Apache-2.0) and are not
committed; the tests that read them skip when they are absent. This script copies them out of git
clones that are already on disk (it never reaches the network) into the folders the tests and
``bench/accuracy.py`` look in::

    python -m tests.corpus.real_samples OFDRW_CLONE EASYOFD_CLONE [--out /work/samples]

``OFDRW_CLONE`` / ``EASYOFD_CLONE`` are git directories (bare or with a work tree). Files are read
with ``git show`` at the commits named in ``real_einvoices.json`` (easyofd moved its samples
around, so each has its own commit); an unpacked OFD folder is zipped back unchanged.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import zipfile
from pathlib import Path

#: (file written under einvoice/, repository, commit or HEAD, path; a trailing / is an unpacked OFD)
EINVOICE = [
    ("ofdrw_20240531141733.ofd", "ofdrw", "HEAD",
     "ofdrw-converter/src/test/resources/20240531141733.ofd"),
    ("easyofd_dzfp_25442000000127444519.ofd", "easyofd", "c2096928",
     "test/dzfp_25442000000127444519_中国移动通信集团广东有限公司阳江分公司_20250307172219_xml/"),
    ("easyofd_test.ofd", "easyofd", "fd11d171", "test/test.zip"),
    ("easyofd_test.pdf", "easyofd", "4f972099", "test/test.pdf"),
    ("ofdrw_1.ofd", "ofdrw", "HEAD", "ofdrw-converter/src/test/resources/1.ofd"),
    ("ofdrw_999.ofd", "ofdrw", "HEAD", "ofdrw-converter/src/test/resources/999.ofd"),
    ("ofdrw_keyword2.ofd", "ofdrw", "HEAD", "ofdrw-layout/src/test/resources/keyword2.ofd"),
    ("ofdrw_no_page_container.ofd", "ofdrw", "HEAD",
     "ofdrw-layout/src/test/resources/no_page_container.ofd"),
    ("ofdrw_draw_param_ref.ofd", "ofdrw", "HEAD",
     "ofdrw-converter/src/test/resources/draw_param_ref.ofd"),
    ("easyofd_testxml.ofd", "easyofd", "14084a6f", "test/testxml/"),
]

#: OFD files the ingest tests read under ofd/ (name, path in ofdrw at HEAD)
OFD = [
    ("ofdrw-1.ofd", "ofdrw-converter/src/test/resources/1.ofd"),
    ("ofdrw-20240531141733.ofd", "ofdrw-converter/src/test/resources/20240531141733.ofd"),
    ("ofdrw-SignScaleError.ofd", "ofdrw-converter/src/test/resources/SignScaleError.ofd"),
]

#: XML invoices attached inside two of those OFDs (name, OFD under ofd/, member's name ends with)
XML = [
    ("ofdrw-1-original_invoice.xml", "ofdrw-1.ofd", "Attachs/original_invoice.xml"),
    ("ofdrw-SignScaleError-xbrl.xml", "ofdrw-SignScaleError.ofd", ".xml"),
]


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True,
                          capture_output=True).stdout


def _blob(repo: Path, commit: str, path: str) -> bytes:
    return _git(repo, "show", f"{commit}:{path}")


def _zipped_folder(repo: Path, commit: str, folder: str) -> bytes:
    names = _git(repo, "ls-tree", "-r", "--name-only", "-z", commit, "--", folder)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in filter(None, names.decode("utf-8").split("\0")):
            zf.writestr(name[len(folder):], _blob(repo, commit, name))
    return out.getvalue()


def _attached_xml(ofd: bytes, suffix: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(ofd)) as zf:
        for name in zf.namelist():
            # The invoice XML sits among the attachments; OFD's own XML parts live elsewhere.
            if "/Attachs/" in name and name.endswith(suffix) and not name.endswith("Attachments.xml"):
                return zf.read(name)
    raise LookupError(f"no attached invoice XML ending {suffix!r}")


def assemble(ofdrw: Path, easyofd: Path, out: Path) -> list[Path]:
    """Write the samples under ``out``/{einvoice,ofd,xml}; returns the files written."""
    repos = {"ofdrw": ofdrw, "easyofd": easyofd}
    written: list[Path] = []
    for sub in ("einvoice", "ofd", "xml"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for name, repo, commit, path in EINVOICE:
        data = (_zipped_folder(repos[repo], commit, path) if path.endswith("/")
                else _blob(repos[repo], commit, path))
        (out / "einvoice" / name).write_bytes(data)
        written.append(out / "einvoice" / name)
    for name, path in OFD:
        (out / "ofd" / name).write_bytes(_blob(ofdrw, "HEAD", path))
        written.append(out / "ofd" / name)
    for name, ofd_name, suffix in XML:
        data = _attached_xml((out / "ofd" / ofd_name).read_bytes(), suffix)
        (out / "xml" / name).write_bytes(data)
        written.append(out / "xml" / name)
    (out / "einvoice" / "README.md").write_text(
        "Real public e-invoices, not part of slq-desk: from ofdrw/ofdrw and renoyuan/easyofd\n"
        "(both Apache-2.0), assembled by tests/corpus/real_samples.py; readings in\n"
        "tests/corpus/real_einvoices.json.\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ofdrw", type=Path)
    parser.add_argument("easyofd", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/work/samples"))
    args = parser.parse_args(argv)
    for path in assemble(args.ofdrw, args.easyofd, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
