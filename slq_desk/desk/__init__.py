"""The desk service: the one Qt-free object per open workspace that the window, the CLI and
the tests call for everything (queue, review, corrections, checks, calculation, signing,
verification, panel). It owns the database sessions and the lost-update handling; no widget
opens a session. ``startup.check_resources`` is the start-up check of the shipped data.
"""
