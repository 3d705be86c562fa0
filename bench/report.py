"""The bench's table: each figure beside its target, judged on CPU time where the load matters."""

from __future__ import annotations

from typing import Any

# Judged on CPU time where other load on the machine would change the figure; wall time is
# reported beside (build_s, growth_ratio, ratio_to_floor) without a verdict of its own.
TARGETS = {
    "build_cpu_s": ("≤", 60),
    "growth_ratio_cpu": ("≤", 4.2),
    "ratio_to_floor_cpu": ("≤", 1.5),
    "rebuild_one_s": ("≤", 3),
    "rebuild_process_s": ("≤", 5),
    "check_s": ("≤", 3),
    "check_warm_s": ("≤", 1),
    "rutin_page_kb": ("≤", 100),
    "process_page_kb": ("≤", 150),
    "search_first_query_kb": ("≤", 2048),
    "speedup_vs_vanilla_cpu": ("≥", 1),
}
# A full run must measure every one of these, and every figure with a target; one that could
# not be measured fails the bench.
REQUIRED = tuple(dict.fromkeys((
    "bench_report_years", "bench_history_commits", "bench_pdfs", "bench_pdfs_rendered",
    "bench_pdfs_archived", "build_s", "build_cpu_s",
    "ratio_to_floor_cpu", "rebuild_one_s", "rebuild_one_cpu_s", "rebuild_process_s",
    "check_warm_s", "check_warm_cpu_s", "build_warm_s", "build_warm_cpu_s", "zensical_build_s",
    "growth_ratio_cpu", "search_first_query_kb", *TARGETS,
)))  # fmt: skip
ROWS = [
    ("berättelseår / incheckningar / PDF:er", ("bench_report_years", "bench_history_commits",
                                                "bench_pdfs"), ""),
    ("PDF:er skrivna / arkiverade", ("bench_pdfs_rendered", "bench_pdfs_archived"), ""),
    ("check (kall)", "check_s", "s"),
    ("check (kall), CPU-tid", "check_cpu_s", "s"),
    ("check (varm)", "check_warm_s", "s"),
    ("check (varm), CPU-tid", "check_warm_cpu_s", "s"),
    ("make build", "build_s", "s"),
    ("make build, CPU-tid", "build_cpu_s", "s"),
    ("make build igen (PDF:er ur cachen)", "build_warm_s", "s"),
    ("make build igen (PDF:er ur cachen), CPU-tid", "build_warm_cpu_s", "s"),
    ("make build, kvartsstorlek", "small_build_s", "s"),
    ("tillväxt hel ÷ kvart, CPU-tid", "growth_ratio_cpu", "×"),
    ("tillväxt hel ÷ kvart, väggtid", "growth_ratio", "×"),
    ("minnestopp, bygge", "peak_rss_mb", "MB"),
    ("golv: samma sidor och sökning i vanligt Material", "floor_build_s", "s"),
    ("vårt bygge ÷ golvet, CPU-tid", "ratio_to_floor_cpu", "×"),
    ("vårt bygge ÷ golvet, väggtid", "ratio_to_floor", "×"),
    ("vanligt Material, alla sidor i menyn (kvart)", "vanilla_build_s", "s"),
    ("snabbare än vanligt Material, CPU-tid", "speedup_vs_vanilla_cpu", "×"),
    ("förhandsvisning: spara rutin → sidan visar den", "rebuild_one_s", "s"),
    ("förhandsvisning: spara process → sidan visar den", "rebuild_process_s", "s"),
    ("Zensical bygger exporten", "zensical_build_s", "s"),
    ("webbplatsens storlek", "site_mb", "MB"),
    ("rutinsida HTML (median)", "rutin_page_kb", "KB"),
    ("processida HTML (median)", "process_page_kb", "KB"),
    ("sökning: hämtat före första träffen", "search_first_query_kb", "KB"),
]  # fmt: skip


def unmeasured(results: dict[str, Any], required: tuple[str, ...]) -> list[str]:
    return [key for key in required if results.get(key) is None]


def table(results: dict[str, Any]) -> str:
    """Every row's figure beside its target: OK, MISSAT, or EJ MÄTT when it is missing."""
    lines = [f"{'mått':52} {'värde':>14}  mål"]
    for label, key, unit in ROWS:
        if isinstance(key, tuple):
            value = " / ".join(str(results.get(k, "–")) for k in key)
            lines.append(f"{label:52} {value:>14}")
            continue
        figure = results.get(key)
        target = TARGETS.get(key)
        verdict = ""
        if target and figure is not None:
            verdict = f"{target[0]} {target[1]} {'OK' if _met(figure, *target) else 'MISSAT'}"
        shown = "EJ MÄTT" if figure is None else figure
        lines.append(f"{label:52} {shown:>12} {unit:2}  {verdict}")
    return "\n".join(lines)


def failures(results: dict[str, Any], required: tuple[str, ...]) -> list[str]:
    """A Swedish line for each figure that missed its target or could not be measured."""
    missing = unmeasured(results, required)
    lines = [f"{_label(key)} ({key}) kunde inte mätas{_goal(key)}" for key in missing]
    for key, (op, limit) in TARGETS.items():
        value = results.get(key)
        if value is not None and not _met(value, op, limit):
            lines.append(f"{_label(key)} ({key}) blev {value}{_unit(key)}{_goal(key)}")
    return lines


def _met(value: float, op: str, limit: float) -> bool:
    return value <= limit if op == "≤" else value >= limit


def _goal(key: str) -> str:
    target = TARGETS.get(key)
    return f", målet är {target[0]} {target[1]}{_unit(key)}" if target else ""


def _row(key: str) -> tuple[str, str]:
    """The figure's label and unit in the table (its key when it has no row)."""
    return next(((label, unit) for label, k, unit in ROWS if k == key), (key, ""))


def _label(key: str) -> str:
    return _row(key)[0]


def _unit(key: str) -> str:
    unit = _row(key)[1]
    return unit if unit in ("", "×") else f" {unit}"
