"""`make bench`: build time, memory and page weight at municipal scale (not part of tests).

Full run (SIZE=full): a synthetic big city (bench.generate, scale 1.0) and a quarter of it
(0.25). Each figure is the median of RUNS runs on this machine. The vanilla Material site
whose navigation lists every page is built once, at the quarter size, because its build
time grows quadratically. Figures go to .bench/results.json, merged into what is there
(others write their own keys into the same file).

SIZE=small measures the quarter size only, as a quick check, under the key "small_run".
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.generate import generate
from bench.measure import Run, folder_bytes, median, median_page_kb, run, search_payload_kb
from bench.vanilla import write_vanilla

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / ".bench" / "results.json"
RUNS = 3
EPOCH = {"SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}
SEARCH_QUERY = "avvikelse"
TARGETS = {
    "build_s": ("≤", 60),
    "growth_ratio": ("≤", 4.5),
    "rutin_page_kb": ("≤", 100),
    "process_page_kb": ("≤", 150),
    "search_first_query_kb": ("≤", 2048),
    "check_s": ("≤", 3),
    "ratio_to_floor": ("≤", 1.5),
    "speedup_vs_vanilla": ("≥", 1),
}


def mkdocs_build(root: Path, site: Path) -> Run:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)]
    return run(command, root, EPOCH)


def check(root: Path) -> Run:
    return run([sys.executable, "-m", "ledningssystem", "--root", str(root), "check"], root)


def edit_one_routine(root: Path, n: int) -> None:
    path = root / "routines" / "rutin-0001.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"\nÄndrad i mätning nummer {n + 1}.\n", encoding="utf-8")


def measure_size(work: Path, scale: float, results: dict[str, Any], key: str) -> Path:
    """Generate, check and build one size; record its figures under `key` names."""
    started = time.perf_counter()
    generated = generate(work / f"portal-{key}", scale)
    root = generated.root
    print(
        f"[{key}] {generated.processes} processer ({generated.steps} steg), "
        f"{generated.routines} rutiner, {generated.words // max(1, generated.routines)} ord/rutin "
        f"– genererat på {time.perf_counter() - started:.1f} s"
    )
    print(
        f"[{key}] {len(generated.report_years)} berättelseår, {generated.commits} incheckningar, "
        f"{len(generated.vocabulary)} olika ord"
    )
    site = work / f"site-{key}"
    built = median(RUNS, lambda _: mkdocs_build(root, site))
    results[f"{key}_build_s"] = round(built.seconds, 2)
    results[f"{key}_build_cpu_s"] = round(built.cpu_seconds, 2)
    results[f"{key}_peak_rss_mb"] = round(built.peak_rss_mb)
    results[f"{key}_pages"] = sum(1 for _ in site.rglob("index.html"))
    checked = median(RUNS, lambda _: check(root))
    results[f"{key}_check_s"] = round(checked.seconds, 2)
    results[f"{key}_check_cpu_s"] = round(checked.cpu_seconds, 2)
    results[f"{key}_check_rss_mb"] = round(checked.peak_rss_mb)
    print(f"[{key}] bygge {built.seconds:.1f} s, {built.peak_rss_mb:.0f} MB")
    print(f"[{key}] check {checked.seconds:.2f} s, {checked.peak_rss_mb:.0f} MB")
    return root


def measure(size: str) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="ls-bench-") as tmp:
        work = Path(tmp)
        small_root = measure_size(work, 0.25, results, "small")
        main_key = "small" if size == "small" else "full"
        main_root = small_root if size == "small" else measure_size(work, 1.0, results, "full")
        site = work / f"site-{main_key}"

        rebuilt = median(
            RUNS, lambda n: (edit_one_routine(main_root, n), mkdocs_build(main_root, site))[1]
        )
        results["rebuild_one_s"] = round(rebuilt.seconds, 2)
        results["rebuild_one_cpu_s"] = round(rebuilt.cpu_seconds, 2)
        results["site_mb"] = round(folder_bytes(site) / 2**20, 1)
        results["rutin_page_kb"] = median_page_kb(site, "rutiner/*/index.html")
        results["process_page_kb"] = median_page_kb(site, "processer/*/index.html")
        payload = search_payload_kb(site, SEARCH_QUERY)
        results["search_first_query_kb"] = payload["search"] if payload else None
        results["search_page_assets_kb"] = payload["page"] if payload else None

        vanilla = work / "vanilla"
        write_vanilla(small_root, vanilla, every_page_in_nav=True)
        vanilla_run = mkdocs_build(vanilla, vanilla / "site")  # once: it grows quadratically
        results["vanilla_build_s"] = round(vanilla_run.seconds, 2)
        results["vanilla_build_cpu_s"] = round(vanilla_run.cpu_seconds, 2)
        results["vanilla_rutin_page_kb"] = median_page_kb(vanilla / "site", "rutiner/*/index.html")
        results["speedup_vs_vanilla"] = round(vanilla_run.seconds / results["small_build_s"], 2)

        floor = work / "floor"
        write_vanilla(main_root, floor, every_page_in_nav=False)
        floor_run = median(RUNS, lambda _: mkdocs_build(floor, floor / "site"))
        results["floor_build_s"] = round(floor_run.seconds, 2)
        results["floor_build_cpu_s"] = round(floor_run.cpu_seconds, 2)
        results["ratio_to_floor"] = round(results[f"{main_key}_build_s"] / floor_run.seconds, 2)
        index = floor / "site" / "search" / "search_index.json"
        results["material_search_index_kb"] = (
            round(index.stat().st_size / 1024) if index.exists() else None
        )

    results["build_s"] = results[f"{main_key}_build_s"]
    results["build_small_s"] = results["small_build_s"]
    results["check_s"] = results[f"{main_key}_check_s"]
    results["peak_rss_mb"] = results[f"{main_key}_peak_rss_mb"]
    results["ratio_to_floor_cpu"] = round(
        results[f"{main_key}_build_cpu_s"] / results["floor_build_cpu_s"], 2
    )
    results["speedup_vs_vanilla_cpu"] = round(
        results["vanilla_build_cpu_s"] / results["small_build_cpu_s"], 2
    )
    if size != "small":
        results["growth_ratio"] = round(results["full_build_s"] / results["small_build_s"], 2)
        results["growth_ratio_cpu"] = round(
            results["full_build_cpu_s"] / results["small_build_cpu_s"], 2
        )
    return results


def table(results: dict[str, Any]) -> str:
    rows = [
        ("check", "check_s", "s"),
        ("build", "build_s", "s"),
        ("build, CPU time", "full_build_cpu_s", "s"),
        ("build, quarter size", "build_small_s", "s"),
        ("growth full ÷ quarter", "growth_ratio", "×"),
        ("growth full ÷ quarter, CPU time", "growth_ratio_cpu", "×"),
        ("peak memory, build", "peak_rss_mb", "MB"),
        ("vanilla Material, every page in nav (quarter)", "vanilla_build_s", "s"),
        ("speed-up vs vanilla (quarter)", "speedup_vs_vanilla", "×"),
        ("speed-up vs vanilla, CPU time", "speedup_vs_vanilla_cpu", "×"),
        ("floor: vanilla, minimal nav", "floor_build_s", "s"),
        ("our build ÷ floor", "ratio_to_floor", "×"),
        ("our build ÷ floor, CPU time", "ratio_to_floor_cpu", "×"),
        ("rebuild after editing one rutin", "rebuild_one_s", "s"),
        ("site size", "site_mb", "MB"),
        ("rutin page HTML (median)", "rutin_page_kb", "KB"),
        ("process page HTML (median)", "process_page_kb", "KB"),
        ("search payload before 1st result", "search_first_query_kb", "KB"),
        ("Material search_index.json (floor site)", "material_search_index_kb", "KB"),
    ]
    lines = [f"{'mått':48} {'värde':>10}  mål"]
    for label, key, unit in rows:
        value = results.get(key)
        if value is None:
            continue
        target = TARGETS.get(key)
        verdict = ""
        if target:
            op, limit = target
            ok = value <= limit if op == "≤" else value >= limit
            verdict = f"{op} {limit} {'OK' if ok else 'MISSAT'}"
        lines.append(f"{label:48} {value:>8} {unit:2}  {verdict}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--size", choices=["full", "small"], default="full")
    size = parser.parse_args().size
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    results = measure(size)
    results["bench_minutes"] = round((time.perf_counter() - started) / 60, 1)
    # Wall times suffer when other work shares the 2 cores; the *_cpu_s figures much less.
    results["load_average"] = [round(load_before, 1), round(os.getloadavg()[0], 1)]
    print()
    if size == "small":
        print("SIZE=small: alla mått gäller kvartsstorleken (500 rutiner, 50 processer).")
    print(table(results))
    stored = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    if size == "small":
        stored["small_run"] = results
    else:
        stored.update(results)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(stored, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    load = results["load_average"]
    print(f"Belastning (load average) före/efter: {load} på {os.cpu_count()} kärnor")
    print(f"\nSiffrorna finns i {RESULTS.relative_to(REPO)} ({results['bench_minutes']} min).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
