"""Synthetic submission packages for demos, tests and benchmarks (issue 2, item 5).

``generate.generate_packages`` writes, for each of the five policies, clean and deliberately
flawed packages of realistic Chinese PDFs together with an ``expected.json`` holding the truth
(docs/demo-packages.md fixes the layout, the field names and the flaw codes). Everything is a
pure function of the seed: two runs write the same bytes. No Qt here.
"""
