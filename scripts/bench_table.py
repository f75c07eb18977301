"""Print the benchmark's table from the figures the bench recorded.

    python scripts/bench_table.py FIGURES.json [--load-before "1.0 0.8 0.5"]
        [--load-after "..."] [--date "..."]

One row per figure: median, spread (min-max), number of samples, goal, and
whether the goal is met (judged on the median unless the row says max).
A figure the bench could not measure says so. The table is Markdown, to be
pasted into the README as it is. See docs/benchmark.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Samples = Sequence[float]


@dataclass
class Row:
    figure: str
    samples: list[float] | None  # None: not measured
    unit: str
    goal: float | None = None  # met when median <= goal
    note: str = ""  # replaces the value (e.g. "n/a (no marks)")


def numbers(values: Sequence[Any] | None) -> list[float] | None:
    if values is None:
        return None
    return [float(v) for v in values if isinstance(v, (int, float))]


def fmt(value: float, unit: str) -> str:
    if value == int(value) and unit != "×":
        return f"{value:.0f} {unit}".strip()
    if unit == "ms":
        return f"{value:.1f} ms" if abs(value) < 100 else f"{value:.0f} ms"
    if unit == "KB":
        return f"{value:.1f} KB"
    if unit == "×":
        return f"×{value:.1f}"
    return f"{value:g}"


def cells(row: Row) -> list[str]:
    goal = "—" if row.goal is None else f"≤ {fmt(row.goal, row.unit)}"
    if row.goal == 0:
        goal = "0"
    if row.note:
        return [row.figure, row.note, "", "", goal, "—"]
    if not row.samples:
        return [row.figure, "not measured", "", "0", goal, "—"]
    median = statistics.median(row.samples)
    spread = f"{fmt(min(row.samples), row.unit)} – {fmt(max(row.samples), row.unit)}"
    if len(row.samples) == 1:
        spread = "—"
    met = "—" if row.goal is None else ("yes" if median <= row.goal else "NO")
    return [row.figure, fmt(median, row.unit), spread, str(len(row.samples)), goal, met]


def sample_rows(figures: dict[str, Any]) -> list[Row]:
    def samples(key: str) -> list[float] | None:
        return numbers((figures.get(key) or {}).get("samples"))

    stream, no_stream, pending = (
        samples("runningToTabStream"),
        samples("runningToTabNoStream"),
        samples("runningToTabSpawnPending"),
    )
    rows = [
        Row("click → start request sent", samples("clickToRequest"), "ms", 20),
        Row("click → waiting tab shows its text", samples("clickToText"), "ms", 50),
        Row("… of which the browser's window.open call", samples("windowOpenCall"), "ms"),
        Row("… the rest: the extension's part", extension_part(figures), "ms"),
        Row("window.open alone, same page (no extension code)", samples("windowOpenAlone"), "ms"),
        Row("hub says running → tab navigates (progress stream)", stream, "ms", 100),
        Row("hub says running → tab navigates (no progress stream)", no_stream, "ms", 2000),
        Row("hub says running → tab navigates (JupyterHub's spawn-pending page)", pending, "ms"),
    ]
    for label, ours in (("progress stream", stream), ("no progress stream", no_stream)):
        ratio = None
        if ours and pending and statistics.median(pending) > 0:
            ratio = [statistics.median(ours) / statistics.median(pending)]
        rows.append(Row(f"running → tab ratio, extension ({label}) ÷ spawn-pending", ratio, "×"))
    return rows


def request_rows(figures: dict[str, Any]) -> list[Row]:
    rows = []
    for key, where, goal in (
        ("requestsPerLaunchSameOrigin", "same origin", None),
        ("requestsPerLaunchCrossOrigin", "cross-origin", 12),
    ):
        counted = figures.get(key)
        label = f"hub requests per 30 s launch, {where}"
        if counted:
            label += f" ({counted['preflights']} preflights)"
        rows.append(Row(label, [counted["total"]] if counted else None, "", goal))
    idle = figures.get("idleRequests")
    for which, goal in (("closed", 0), ("open", None)):
        per_minute = None
        if idle:
            per_minute = [idle[which]["total"] * 60 / idle["windowSeconds"]]
        rows.append(Row(f"hub requests per minute, idle, sidebar {which}", per_minute, "", goal))
    return rows


def load_rows(figures: dict[str, Any]) -> list[Row]:
    page = figures.get("pageLoads")
    loads = (page or {}).get("loads", [])
    shipped = [sum(page["shipped"]["files"].values()) / 1024] if page else None
    before = [sum(load["beforeSidebar"].values()) / 1024 for load in loads] or None
    rows = [
        Row("JS shipped, gzipped (all .js of the build)", shipped, "KB", 60),
        Row("JS loaded before the sidebar opens, gzipped", before, "KB", 60),
    ]
    activations = [load["activation"] for load in loads]
    if page and not any(activations):
        rows.append(Row("plugin activation, sum", None, "ms", 10, note="n/a (no marks)"))
    else:
        sums = [sum(m["duration"] for m in marks) for marks in activations if marks]
        rows.append(Row("plugin activation, sum", sums or None, "ms", 10))
        slowest = max((m for marks in activations for m in marks), key=_duration, default=None)
        if slowest:
            name = slowest["name"]
            durations = [m["duration"] for marks in activations for m in marks if m["name"] == name]
            plugin = name.removeprefix("nfdi:activate:")
            rows.append(Row(f"slowest plugin activation ({plugin})", durations, "ms"))
    renders = [load["sidebarRenders"] for load in loads]
    firsts = [marks[0]["duration"] for marks in renders if marks]
    refreshes = [d for load in loads for d in (load.get("refreshes") or {}).get("changed", [])]
    label = "sidebar render, {} ({} configurations, {} presets)"
    sizes = (page or {}).get("configurations", 15), (page or {}).get("presets", 30)
    for kind, values in (("first", firsts), ("refresh", refreshes)):
        note = "n/a (no marks)" if page and not any(renders) else ""
        rows.append(Row(label.format(kind, *sizes), values or None, "ms", 16, note=note))
    unchanged = [load["refreshes"]["unchanged"] for load in loads if load.get("refreshes")]
    rows.append(Row("sidebar renders on a refresh that changed nothing", unchanged or None, "", 0))
    return rows


def extension_part(figures: dict[str, Any]) -> list[float] | None:
    """Click → waiting text minus the window.open call, launch by launch."""
    totals = (figures.get("clickToText") or {}).get("samples")
    opens = (figures.get("windowOpenCall") or {}).get("samples")
    if not totals or not opens:
        return None
    return [
        float(t) - float(o)
        for t, o in zip(totals, opens)
        if isinstance(t, (int, float)) and isinstance(o, (int, float))
    ] or None


def _duration(mark: dict[str, Any]) -> float:
    return float(mark["duration"])


def table(rows: list[Row]) -> str:
    header = ["figure", "median", "spread (min – max)", "n", "goal", "met?"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cells(row)) + " |" for row in rows]
    return "\n".join(lines)


def request_kinds(figures: dict[str, Any]) -> list[str]:
    lines = []
    for key, where in (
        ("requestsPerLaunchSameOrigin", "same origin"),
        ("requestsPerLaunchCrossOrigin", "cross-origin"),
    ):
        counted = figures.get(key)
        if counted:
            kinds = ", ".join(f"{kind} ×{n}" for kind, n in sorted(counted["byKind"].items()))
            lines.append(f"- 30 s launch, {where}: {kinds}")
    return lines


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("figures")
    parser.add_argument("--load-before", default="")
    parser.add_argument("--load-after", default="")
    parser.add_argument("--date", default="")
    args = parser.parse_args(argv)
    try:
        with open(args.figures, encoding="utf-8") as f:
            figures = json.load(f)
    except (OSError, ValueError) as e:
        out(f"No figures to show ({args.figures}: {e}).")
        return 1
    rows = sample_rows(figures) + request_rows(figures) + load_rows(figures)
    out(
        f"Benchmark of {args.date or 'unknown date'} on {os.cpu_count()} cores;"
        f" load average (1, 5, 15 min) before: {args.load_before or '?'},"
        f" after: {args.load_after or '?'}"
    )
    out("")
    out(table(rows))
    kinds = request_kinds(figures)
    if kinds:
        out("")
        out("Hub requests by kind:")
        for line in kinds:
            out(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
