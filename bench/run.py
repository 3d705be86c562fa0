"""`make bench`: what users run, at the size of a large city (not part of the tests).

The synthetic city (bench.generate) has 2,000 rutiner, 200 processes, the example's
socialförvaltning with ten years of berättelser and 1,000 commits of history; a quarter of it
is built too, for the growth ratio. Every build is `make build`'s: strict, with history and
the PDF of every year. The floor is the same pages and the same search built by plain Material
(bench.vanilla). Preview times are a process owner's: save a file under `make serve`, wait
until the page shows it. Ratios are judged on CPU time (these machines are shared); wall
time is reported beside. Figures are medians of RUNS runs and go to .bench/results.json; a
figure that could not be measured, or that misses its target, fails the bench.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.derived import derive
from bench.generate import generate
from bench.measure import (
    RUNS,
    Run,
    folder_bytes,
    median,
    median_page_kb,
    run,
    search_payload_kb,
)
from bench.preview import edit_until_visible, serving
from bench.report import REQUIRED, failures, table
from bench.vanilla import floor_commands, write_vanilla
from bench.zensical import zensical_build

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / ".bench" / "results.json"
EPOCH = {"SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}
SEARCH_QUERY = "avvikelse"
PREVIEW_RUTIN = ("routines/rutin-0001.md", "rutiner/rutin-0001/")
PREVIEW_PROCESS = ("processes/process-001.yml", "processer/process-001/")


def make_build(root: Path, site: Path, cold: bool = True) -> Run:
    """`make build` as the Makefile runs it, as one figure: the check that PDFs can be made,
    the strict build with every year's PDF (LEDNINGSSYSTEM_PDF=ja) into a temporary folder,
    and the swap into `site`.

    Cold, as in CI or a fresh clone: without the caches an earlier build or check left in
    .cache/ (the PDFs of unchanged years); cold=False keeps them, as an author's second build.
    """
    if cold:
        shutil.rmtree(root / ".cache", ignore_errors=True)
    building = site.with_name(f"{site.name}.tmp")
    shutil.rmtree(building, ignore_errors=True)
    python = sys.executable
    steps = [
        [python, "-m", "ledningssystem.pdf.check_system"],
        [python, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(building)],
        [python, "-m", "ledningssystem.website.swap", str(building), str(site)],
    ]
    return commands(steps, root, {**EPOCH, "LEDNINGSSYSTEM_PDF": "ja"})


def check(root: Path, cold: bool = False) -> Run:
    """`check`; cold: without what an earlier build or check left in .cache/."""
    if cold:
        shutil.rmtree(root / ".cache", ignore_errors=True)
    return run([sys.executable, "-m", "ledningssystem", "--root", str(root), "check"], root)


def commands(cmds: list[list[str]], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Several commands one after the other, as one figure."""
    done = [run(c, cwd, env or EPOCH) for c in cmds]
    return Run(
        sum(r.seconds for r in done),
        max(r.peak_rss_mb for r in done),
        sum(r.cpu_seconds for r in done),
    )


def measure_size(work: Path, scale: float, results: dict[str, Any], key: str) -> Path:
    """Generate, check and build one size; record its figures under `key` names."""
    started = time.perf_counter()
    generated = generate(work / f"portal-{key}", scale)
    root = generated.root
    print(
        f"[{key}] {generated.processes} processer, {generated.routines} rutiner, "
        f"{len(generated.report_years)} berättelseår, {generated.commits} incheckningar, "
        f"{len(generated.vocabulary)} olika ord – {time.perf_counter() - started:.0f} s"
    )
    results[f"{key}_report_years"] = len(generated.report_years)
    results[f"{key}_history_commits"] = generated.commits
    results[f"{key}_distinct_words"] = len(generated.vocabulary)
    site = work / f"site-{key}"
    built = median(RUNS, lambda _: make_build(root, site))
    results[f"{key}_build_s"] = round(built.seconds, 2)
    results[f"{key}_build_cpu_s"] = round(built.cpu_seconds, 2)
    results[f"{key}_peak_rss_mb"] = round(built.peak_rss_mb)
    results[f"{key}_pages"] = sum(1 for _ in site.rglob("index.html"))
    results[f"{key}_pdfs"] = sum(1 for _ in site.rglob("*.pdf"))
    archived = archived_pdfs(root, site)
    results[f"{key}_pdfs_archived"] = archived
    results[f"{key}_pdfs_rendered"] = results[f"{key}_pdfs"] - archived
    # The PDFs of the build before are in the cache.
    warm = median(RUNS, lambda _: make_build(root, site, cold=False))
    results[f"{key}_build_warm_s"] = round(warm.seconds, 2)
    results[f"{key}_build_warm_cpu_s"] = round(warm.cpu_seconds, 2)
    cold_check = median(RUNS, lambda _: check(root, cold=True))
    warm_check = median(RUNS, lambda _: check(root))
    results[f"{key}_check_s"] = round(cold_check.seconds, 2)
    results[f"{key}_check_cpu_s"] = round(cold_check.cpu_seconds, 2)
    results[f"{key}_check_warm_s"] = round(warm_check.seconds, 2)
    results[f"{key}_check_warm_cpu_s"] = round(warm_check.cpu_seconds, 2)
    print(
        f"[{key}] bygge {built.seconds:.1f} s ({built.cpu_seconds:.1f} s CPU), "
        f"andra bygget {warm.seconds:.1f} s ({warm.cpu_seconds:.1f} s CPU), "
        f"check {warm_check.seconds:.2f} s"
    )
    return root


def measure_floor(root: Path, work: Path, results: dict[str, Any]) -> None:
    floor = work / "floor"
    write_vanilla(root, floor, every_page_in_nav=False)
    floor_run = median(RUNS, lambda _: commands(floor_commands(floor), floor))
    results["floor_build_s"] = round(floor_run.seconds, 2)
    results["floor_build_cpu_s"] = round(floor_run.cpu_seconds, 2)
    started = time.perf_counter()
    results["zensical_build_s"] = zensical_build(floor, work / "zensical-site")
    print(
        f"[floor] {floor_run.seconds:.1f} s; Zensical {time.perf_counter() - started:.0f} s i allt"
    )


def measure_vanilla(small_root: Path, work: Path, results: dict[str, Any]) -> None:
    vanilla = work / "vanilla"
    write_vanilla(small_root, vanilla, every_page_in_nav=True)
    vanilla_run = median(RUNS, lambda _: commands(floor_commands(vanilla), vanilla))
    results["vanilla_build_s"] = round(vanilla_run.seconds, 2)
    results["vanilla_build_cpu_s"] = round(vanilla_run.cpu_seconds, 2)
    results["vanilla_rutin_page_kb"] = median_page_kb(vanilla / "site", "rutiner/*/index.html")


def measure_preview(root: Path, results: dict[str, Any]) -> None:
    with serving(root) as (base, pid):
        for name, (path, url) in (
            ("rebuild_one", PREVIEW_RUTIN),
            ("rebuild_process", PREVIEW_PROCESS),
        ):
            page = base + url
            edited = median(RUNS, lambda n, p=path, u=page: edit_until_visible(root, p, u, pid, n))
            results[f"{name}_s"] = round(edited.seconds, 2)
            results[f"{name}_cpu_s"] = round(edited.cpu_seconds, 2)
            print(f"[förhandsvisning] {path}: {edited.seconds:.1f} s")


def measure(size: str, results: dict[str, Any]) -> None:
    """Fill `results` stage by stage, so that what was measured survives a later failure."""
    with tempfile.TemporaryDirectory(prefix="ls-bench-") as tmp:
        work = Path(tmp)
        small_root = measure_size(work, 0.25, results, "small")
        main_key = "small" if size == "small" else "full"
        main_root = small_root if size == "small" else measure_size(work, 1.0, results, "full")
        site = work / f"site-{main_key}"
        results["site_mb"] = round(folder_bytes(site) / 2**20, 1)
        results["rutin_page_kb"] = median_page_kb(site, "rutiner/*/index.html")
        results["process_page_kb"] = median_page_kb(site, "processer/*/index.html")
        payload = search_payload_kb(site, SEARCH_QUERY)
        results["search_first_query_kb"] = payload["search"] if payload else None
        measure_vanilla(small_root, work, results)
        measure_floor(main_root, work, results)
        measure_preview(main_root, results)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--size", choices=["full", "small"], default="full")
    size = parser.parse_args().size
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    results: dict[str, Any] = {"bench_runs": RUNS}
    # Stopped (kill, Ctrl-C) or failed halfway: the figures measured so far are still written,
    # and every figure not reached is reported as unmeasured.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        measure(size, results)
    finally:
        derive(results, size)  # also from what was measured before a failure
        _write_results(results, size, started, load_before)
    return _verdict(results, size)


def _write_results(results: dict[str, Any], size: str, started: float, load: float) -> None:
    results["bench_minutes"] = round((time.perf_counter() - started) / 60, 1)
    results["load_average"] = [round(load, 1), round(os.getloadavg()[0], 1)]
    print()
    if size == "small":
        print("SIZE=small: alla mått gäller kvartsstorleken (500 rutiner, 50 processer).")
    print(table(results))
    stored = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    stored.update({"small_run": results} if size == "small" else results)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(stored, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    print(
        f"Belastning (load average) före/efter: {results['load_average']} "
        f"på {os.cpu_count()} kärnor"
    )
    print(f"\nSiffrorna finns i {RESULTS.relative_to(REPO)} ({results['bench_minutes']} min).")


def _verdict(results: dict[str, Any], size: str) -> int:
    """Non-zero when a figure missed its target or could not be measured (each one named)."""
    failed = failures(results, REQUIRED if size != "small" else ())
    for line in failed:
        print(f"MISSLYCKADES: {line}", file=sys.stderr)
    return 1 if failed else 0


def archived_pdfs(root: Path, site: Path) -> int:
    """The published PDFs that are a fastställd year's archive byte for byte (not rendered)."""
    count = 0
    for archive in sorted((root / "reports").glob("*/kvalitetsberattelse-*.pdf")):
        year = archive.parent.name
        published = site / "kvalitetsberattelse" / year / archive.name
        count += published.is_file() and published.read_bytes() == archive.read_bytes()
    return count


if __name__ == "__main__":
    raise SystemExit(main())
