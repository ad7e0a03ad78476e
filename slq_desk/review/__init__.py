"""The review core: rubrics, scoring rules, the conflict-of-interest gate, review storage,
aggregation across reviewers and ranking. Qt-free; the review window and the CLI are clients."""
