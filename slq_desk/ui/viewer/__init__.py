"""The side-by-side document viewer: render and text services, cache, page view, pane, sync.

Kept import-light: importing this package does not import Qt, so the pure helpers
(``geometry``, ``page_text``) can be used and tested without a display.
"""
