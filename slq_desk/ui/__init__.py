"""The PySide6 desktop client: the only part of slq-desk that imports Qt.

Everything here is a client of the core (policy, ingest, checks, review, opinion); no rule or
calculation lives in the UI.
"""

from slq_desk.ui import import_tax

# Before any other Qt module of the client: every import after this one skips PySide6's
# source read (see import_tax).
import_tax.install()
