"""The panel chair's view: import signed opinions, aggregate, calibrate, rank, simulate, export."""
