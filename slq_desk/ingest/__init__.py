"""Ingest: open submission packages safely, fingerprint every file, classify, import."""
