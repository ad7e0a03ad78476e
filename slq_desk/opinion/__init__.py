"""Signed opinions: the reviewer's identity, the opinion PDF, its PAdES signature and verification.

Data flows one way: workspace rows → ``OpinionData`` (build.py, data.py) → ReportLab layout
(layout.py) → attachment, signature field and PAdES signature with pyHanko (sign.py) → file and
audit record (export.py); ``verify`` checks a file and, with package_hashes, its package.
``identity`` and ``passphrase`` hold the reviewer's key and where its passphrase comes from;
``sample`` builds reviewed applications for tests and benchmarks. Nothing here imports Qt.
"""
