"""The review dock's tabs: checklist (检查清单), scoring form (评分), calculation (测算)."""
