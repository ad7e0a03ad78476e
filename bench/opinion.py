"""Benchmark: export + sign opinions, one cold and 200 in a batch, against ReportLab layout alone.

Run: ``.venv/bin/python bench/opinion.py [N]``. Key generation happens once, outside the
timings. The peer is the ReportLab layout of the same opinions in the same process, so the
ratio (export+sign ÷ layout) says what signing and the workspace cost on top of drawing.
Aims (issue 8): < 1 s for one, < 60 s for 200.

The first export of a session is then measured in fresh processes, alternately cold and after
``opinion.prewarm.prewarm()`` (what the window runs on a worker after start-up, issue 18 item 5),
three of each: the aim is < 0.3 s for the first export + sign once pre-warmed.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def first_export(warm: bool) -> None:
    """Child: a fresh process's first export + sign, optionally after the pre-warm; prints
    ``<prewarm s> <first export s>``."""
    from slq_desk.opinion import identity
    from slq_desk.opinion.sample import REVIEWER, add_reviewed_application
    from slq_desk.workspace import Workspace

    ident = identity.unlock(identity.create_self_signed(REVIEWER, "基准测试", "pw"), "pw")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ws = Workspace.open(root / "ws")
        add_reviewed_application(ws, "bench-0000", root / "pkg")
        warm_s = 0.0
        if warm:
            from slq_desk.opinion.prewarm import prewarm

            warm_s = prewarm("评审专家" + REVIEWER + "基准测试")
        from slq_desk.opinion.export import export_opinion

        t = time.perf_counter()
        export_opinion(ws, "bench-0000", root / "first.pdf", ident)
        print(f"{warm_s} {time.perf_counter() - t}")
        ws.close()


def first_exports(runs: int = 3) -> None:
    cold: list[float] = []
    warm: list[float] = []
    warming: list[float] = []
    for _ in range(runs):
        for mode in ("cold", "warm"):
            out = subprocess.run([sys.executable, __file__, "--first", mode], capture_output=True,
                                 text=True, check=True, cwd=ROOT).stdout.split()
            (warm if mode == "warm" else cold).append(float(out[-1]))
            if mode == "warm":
                warming.append(float(out[-2]))
    c, w = statistics.median(cold), statistics.median(warm)
    print(f"first export + sign, fresh process, cold      {c * 1000:8.0f} ms (median of {runs})")
    print(f"first export + sign after the pre-warm        {w * 1000:8.0f} ms   aim < 300 ms: "
          f"{'met' if w < 0.3 else 'NOT met'}")
    print(f"  the pre-warm itself (on a worker)           {statistics.median(warming) * 1000:8.0f} ms")


def main(n: int = 200) -> int:
    t0 = time.perf_counter()
    from slq_desk.opinion import identity
    from slq_desk.opinion.build import build
    from slq_desk.opinion.export import export_opinion
    from slq_desk.opinion.layout import render
    from slq_desk.opinion.sample import REVIEWER, add_reviewed_application
    from slq_desk.workspace import Workspace

    imports = time.perf_counter() - t0
    ident = identity.unlock(identity.create_self_signed(REVIEWER, "基准测试", "pw"), "pw")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ws = Workspace.open(root / "ws")
        for i in range(n):
            add_reviewed_application(ws, f"bench-{i:04d}", root / "pkg" / str(i))

        t = time.perf_counter()
        export_opinion(ws, "bench-0000", root / "first.pdf", ident)
        first = time.perf_counter() - t

        t = time.perf_counter()
        for i in range(n):
            export_opinion(ws, f"bench-{i:04d}", root / "out" / f"{i}.pdf", ident)
        batch = time.perf_counter() - t

        # Peer: the same opinions laid out by ReportLab alone (rows already read).
        with ws.session() as s:
            datas = [build(s, f"bench-{i:04d}").data for i in range(n)]
        t = time.perf_counter()
        for d in datas:
            render(d)
        layout = time.perf_counter() - t
        size = (root / "out" / "0.pdf").stat().st_size
        ws.close()

    print(f"imports                         {imports * 1000:8.0f} ms")
    print(f"first export + sign (cold)      {first * 1000:8.0f} ms   aim < 1000 ms")
    print(f"{n} exports + signs             {batch:8.2f} s    aim < 60 s for 200")
    print(f"  per opinion                   {batch / n * 1000:8.1f} ms")
    print(f"peer: ReportLab layout alone    {layout / n * 1000:8.1f} ms per opinion")
    print(f"ratio export+sign / layout      {batch / layout:8.1f} ×")
    print(f"signed opinion size             {size / 1024:8.1f} KiB")
    first_exports()
    print(f"peer: ReportLab layout alone    {layout / n * 1000:8.1f} ms per opinion (as above)")
    print(f"load average: {Path('/proc/loadavg').read_text().split()[:3]}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--first":
        first_export(sys.argv[2] == "warm")
        sys.exit(0)
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
