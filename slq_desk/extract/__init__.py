"""Extract: text with boxes from PDFs and the per-kind field extractors, every value with evidence."""
