"""The rendered-image cache: byte budget, LRU order, nearest zoom."""

from __future__ import annotations

from PySide6.QtGui import QImage

from slq_desk.ui.viewer.image_cache import ImageCache, render_key


def _image(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0)
    return image


def test_evicts_least_recently_used_by_bytes() -> None:
    one = _image(100, 100).sizeInBytes()
    cache = ImageCache(budget_bytes=3 * one)
    keys = [render_key("d", page, 1.0, 0, 1.0) for page in range(4)]
    for key in keys[:3]:
        cache.put(key, _image(100, 100))
    cache.get(keys[0])  # touch: page 1 is now the oldest
    cache.put(keys[3], _image(100, 100))
    assert keys[1] not in cache
    assert keys[0] in cache and keys[2] in cache and keys[3] in cache
    assert cache.bytes == 3 * one
    cache.put(render_key("d", 9, 1.0, 0, 1.0), _image(1000, 1000))  # larger than the budget
    assert len(cache) == 3


def test_nearest_zoom_same_page_and_rotation_only() -> None:
    cache = ImageCache()
    low, high = _image(10, 10), _image(40, 40)
    cache.put(render_key("d", 0, 0.5, 0, 1.0), low)
    cache.put(render_key("d", 0, 2.0, 0, 1.0), high)
    cache.put(render_key("d", 0, 1.2, 90, 1.0), _image(20, 20))
    assert cache.nearest(render_key("d", 0, 1.6, 0, 1.0)) is high
    assert cache.nearest(render_key("d", 0, 0.7, 0, 1.0)) is low
    assert cache.nearest(render_key("d", 0, 1.0, 0, 2.0)) is high  # zoom × DPR decides
    assert cache.nearest(render_key("d", 1, 1.0, 0, 1.0)) is None
    cache.drop_document("d")
    assert len(cache) == 0 and cache.bytes == 0
