"""Small SVG charts for the calibration view and the budget simulation (no plotting library).

SVG is text, opens in any browser and in the future Qt view (QSvgWidget) alike, and keeps the
core free of Qt and of heavy dependencies. Coordinates are floats for drawing only: they
never feed back into any figure.
"""

from __future__ import annotations

from decimal import Decimal
from xml.sax.saxutils import escape

from slq_desk.panel.simulate import Simulation
from slq_desk.review.aggregate import ReviewerCalibration

FONT = "font-family='Noto Sans CJK SC, Droid Sans Fallback, sans-serif'"


def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
            f"viewBox='0 0 {width} {height}'>\n<title>{escape(title)}</title>\n"
            f"<rect width='100%' height='100%' fill='white'/>\n" + "\n".join(body) + "\n</svg>\n")


def calibration_svg(rows: list[ReviewerCalibration], scale_max: Decimal = Decimal(100)) -> str:
    """Each reviewer's mean ± sd as a bar with whiskers, the panel mean as a dashed line."""
    width, row_h, left, right = 640, 34, 150, 30
    height = 60 + row_h * max(len(rows), 1)
    span = float(scale_max)

    def x(v: Decimal | int) -> float:
        return left + (width - left - right) * float(v) / span

    body = [(f"<text x='{left}' y='22' {FONT} font-size='14'>评审专家打分校准 / reviewer "
             "calibration (mean ± sd vs panel)</text>")]
    for t in range(0, int(span) + 1, 10):
        body.append(f"<line x1='{x(t):.1f}' y1='34' x2='{x(t):.1f}' y2='{height - 12}' "
                    "stroke='#eee'/>")
        body.append(f"<text x='{x(t):.1f}' y='{height - 2}' {FONT} font-size='9' "
                    f"text-anchor='middle'>{t}</text>")
    for i, r in enumerate(rows):
        y = 40 + i * row_h
        body.append(f"<text x='{left - 6}' y='{y + 15}' {FONT} font-size='12' "
                    f"text-anchor='end'>{escape(r.reviewer)} (n={r.n})</text>")
        body.append(f"<rect x='{left}' y='{y + 4}' width='{x(r.mean) - left:.1f}' height='16' "
                    f"fill='{'#c0504d' if r.offset < 0 else '#4f81bd'}'/>")
        if r.stdev is not None:
            lo, hi = max(r.mean - r.stdev, Decimal(0)), min(r.mean + r.stdev, scale_max)
            body.append(f"<line x1='{x(lo):.1f}' y1='{y + 12}' x2='{x(hi):.1f}' y2='{y + 12}' "
                        "stroke='black'/>")
        # The label goes past the whisker's end so the two never overlap.
        label_at = x(min(r.mean + (r.stdev or Decimal(0)), scale_max)) + 4
        body.append(f"<text x='{label_at:.1f}' y='{y + 16}' {FONT} font-size='10'>"
                    f"{r.mean:.2f} ({r.offset:+.2f})</text>")
    if rows:
        pm = rows[0].panel_mean
        body.append(f"<line x1='{x(pm):.1f}' y1='34' x2='{x(pm):.1f}' y2='{height - 12}' "
                    "stroke='#333' stroke-dasharray='4 3'/>")
    return _svg(width, height, body, "calibration")


def simulation_svg(sim: Simulation) -> str:
    """Applications on the main list and amount granted, per scenario (left to right)."""
    sc = sim.scenarios
    width, height, left, bottom = 680, 320, 60, 70
    n = max(len(sc), 1)
    max_count = max([len(s.result.entries) for s in sc] + [1])
    max_granted = max([s.result.granted for s in sc] + [Decimal(1)])
    plot_w, plot_h = width - left - 60, height - bottom - 40
    bw = plot_w / n
    body = [(f"<text x='{left}' y='22' {FONT} font-size='14'>预算模拟 / budget simulation: "
             "正选数量（柱）与拨付总额（线）</text>")]
    points = []
    for i, s in enumerate(sc):
        count = len(s.result.of("main"))
        h = plot_h * count / max_count
        x0 = left + i * bw
        body.append(f"<rect x='{x0 + bw * 0.15:.1f}' y='{40 + plot_h - h:.1f}' "
                    f"width='{bw * 0.7:.1f}' height='{h:.1f}' fill='#4f81bd'/>")
        body.append(f"<text x='{x0 + bw / 2:.1f}' y='{40 + plot_h - h - 3:.1f}' {FONT} "
                    f"font-size='10' text-anchor='middle'>{count}</text>")
        label = ("∞" if s.budget is None else f"{s.budget / 10000:.0f}万")
        if s.cut_off is not None:
            label += f" ≥{s.cut_off}"
        body.append(f"<text x='{x0 + bw / 2:.1f}' y='{40 + plot_h + 14}' {FONT} font-size='9' "
                    f"text-anchor='middle'>{escape(label)}</text>")
        moved = f"+{len(s.moved_in)} −{len(s.moved_out)}"
        body.append(f"<text x='{x0 + bw / 2:.1f}' y='{40 + plot_h + 28}' {FONT} font-size='9' "
                    f"text-anchor='middle' fill='#555'>{moved}</text>")
        py = 40 + plot_h - plot_h * float(s.result.granted / max_granted)
        points.append(f"{x0 + bw / 2:.1f},{py:.1f}")
    if points:
        body.append(f"<polyline points='{' '.join(points)}' fill='none' stroke='#c0504d' "
                    "stroke-width='2'/>")
    body.append(f"<line x1='{left}' y1='{40 + plot_h}' x2='{left + plot_w}' y2='{40 + plot_h}' "
                "stroke='black'/>")
    body.append(f"<text x='{left}' y='{height - 8}' {FONT} font-size='10'>横轴：预算（万元）"
                "与分数线；+进入 −移出正选 / x: budget and cut-off; +in −out of the main list"
                "</text>")
    return _svg(width, height, body, "simulation")
