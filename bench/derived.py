"""The bench's figures made from others: the main size's figures under their own names, ratios.

Made from whatever was measured, so a run that failed halfway still reports every figure its
measurements allow; a figure whose inputs were not measured stays out (reported unmeasured).
"""

from __future__ import annotations

from typing import Any

# The main size's figures, also under their names without the size.
MAIN_FIGURES = (
    "build_s", "build_cpu_s", "build_warm_s", "build_warm_cpu_s", "check_s", "check_cpu_s",
    "check_warm_s", "check_warm_cpu_s", "peak_rss_mb", "pdfs",
)  # fmt: skip
# Ratio name → (numerator, denominator); {main} is "full" or, with SIZE=small, "small".
RATIOS = {
    "ratio_to_floor": ("build_s", "floor_build_s"),
    "ratio_to_floor_cpu": ("build_cpu_s", "floor_build_cpu_s"),
    "speedup_vs_vanilla": ("vanilla_build_s", "small_build_s"),
    "speedup_vs_vanilla_cpu": ("vanilla_build_cpu_s", "small_build_cpu_s"),
}
GROWTH = {"growth_ratio": "build_s", "growth_ratio_cpu": "build_cpu_s"}


def derive(results: dict[str, Any], size: str) -> None:
    """Add the derived figures to `results` (in place) from those measured."""
    main = "small" if size == "small" else "full"
    for name in MAIN_FIGURES:
        _copy(results, name, f"{main}_{name}")
    for name in ("report_years", "history_commits", "pdfs", "pdfs_rendered", "pdfs_archived"):
        _copy(results, f"bench_{name}", f"{main}_{name}")
    for name, (top, bottom) in RATIOS.items():
        _ratio(results, name, top, bottom)
    if size != "small":
        for name, figure in GROWTH.items():
            _ratio(results, name, f"full_{figure}", f"small_{figure}")


def _copy(results: dict[str, Any], name: str, source: str) -> None:
    if results.get(source) is not None:
        results[name] = results[source]


def _ratio(results: dict[str, Any], name: str, top: str, bottom: str) -> None:
    a, b = results.get(top), results.get(bottom)
    if a is not None and b:  # a zero or missing denominator is no measurement
        results[name] = round(a / b, 2)
