"""Signing in the desktop client: the reviewer's identity page, the sign-and-export dialog,
the verify window, and the background operations they run (``signing_ops``, on the window's one
operation framework in ``ui/operations.py``)."""
