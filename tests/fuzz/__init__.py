"""Fuzz tests of the importer and extractors (see README.md here)."""
