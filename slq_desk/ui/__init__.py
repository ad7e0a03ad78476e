"""The PySide6 desktop client: the only part of slq-desk that imports Qt.

Everything here is a client of the core (policy, ingest, checks, review, opinion); no rule or
calculation lives in the UI.
"""
