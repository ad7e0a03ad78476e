"""The panel chair's work, without Qt: collect signed opinions, aggregate, rank, allocate the
pool, simulate the budget, draft and sign the panel opinion, and export the results."""
