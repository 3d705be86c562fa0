"""The bench's derived figures come from what was measured, also when a run failed halfway."""

from __future__ import annotations

from bench.derived import derive
from bench.report import REQUIRED, TARGETS, failures

MEASURED = {
    "small_build_s": 40.0, "small_build_cpu_s": 20.0, "full_build_s": 150.0,
    "full_build_cpu_s": 80.0, "full_report_years": 10, "full_history_commits": 1000,
    "full_pdfs": 10, "floor_build_s": 100.0, "floor_build_cpu_s": 50.0,
    "vanilla_build_s": 60.0, "vanilla_build_cpu_s": 30.0,
}  # fmt: skip


def test_ratios_and_main_figures_are_derived() -> None:
    results = dict(MEASURED)
    derive(results, "full")
    assert results["build_cpu_s"] == 80.0
    assert results["bench_history_commits"] == 1000
    assert results["ratio_to_floor_cpu"] == 1.6
    assert results["growth_ratio_cpu"] == 4.0
    assert results["speedup_vs_vanilla_cpu"] == 1.5


def test_a_run_stopped_before_the_floor_keeps_the_growth_and_lacks_the_floor_ratio() -> None:
    results = {k: v for k, v in MEASURED.items() if not k.startswith("floor_")}
    derive(results, "full")
    assert results["growth_ratio_cpu"] == 4.0
    assert "ratio_to_floor_cpu" not in results
    assert (
        "vårt bygge ÷ golvet, CPU-tid (ratio_to_floor_cpu) kunde inte mätas, målet är ≤ 1.5×"
        in (failures(results, REQUIRED))
    )


def test_small_size_derives_from_the_small_figures_and_has_no_growth() -> None:
    results = dict(MEASURED)
    derive(results, "small")
    assert results["build_cpu_s"] == 20.0
    assert "growth_ratio_cpu" not in results


def test_every_figure_with_a_target_must_be_measured_in_a_full_run() -> None:
    assert set(TARGETS) <= set(REQUIRED)


def test_published_pdfs_are_counted_as_archived_only_when_byte_identical(tmp_path) -> None:
    from bench.run import archived_pdfs

    for year, published in (("2023", b"%PDF-a"), ("2024", b"%PDF-other")):
        (tmp_path / "reports" / year).mkdir(parents=True)
        (tmp_path / "reports" / year / f"kvalitetsberattelse-{year}.pdf").write_bytes(b"%PDF-a")
        site = tmp_path / "site" / "kvalitetsberattelse" / year
        site.mkdir(parents=True)
        (site / f"kvalitetsberattelse-{year}.pdf").write_bytes(published)
    assert archived_pdfs(tmp_path, tmp_path / "site") == 1
    results = {"full_pdfs": 10, "full_pdfs_archived": 9, "full_pdfs_rendered": 1}
    derive(results, "full")
    assert (results["bench_pdfs_archived"], results["bench_pdfs_rendered"]) == (9, 1)
