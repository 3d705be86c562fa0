"""`make bench` fails, naming the figure and its target, when a figure misses or is not measured."""

from __future__ import annotations

from bench.report import failures, table

MET = {"build_cpu_s": 55.0, "ratio_to_floor_cpu": 1.4, "rutin_page_kb": 40}


def test_figures_within_their_targets_pass() -> None:
    assert failures(MET, ("build_cpu_s",)) == []


def test_a_missed_target_is_named_with_its_target() -> None:
    lines = failures({**MET, "build_cpu_s": 171.2, "build_s": 30}, ())
    assert lines == ["make build, CPU-tid (build_cpu_s) blev 171.2 s, målet är ≤ 60 s"]


def test_wall_time_is_reported_but_not_judged() -> None:
    assert failures({**MET, "build_s": 500.0, "ratio_to_floor": 9.0}, ()) == []


def test_an_unmeasured_figure_fails_with_its_target() -> None:
    lines = failures({**MET, "check_warm_s": None}, ("check_warm_s",))
    assert lines == ["check (varm) (check_warm_s) kunde inte mätas, målet är ≤ 1 s"]


def test_the_table_shows_each_figure_beside_its_verdict() -> None:
    shown = table({**MET, "build_cpu_s": 171.2, "check_warm_s": None}).splitlines()
    cpu = next(line for line in shown if line.startswith("make build, CPU-tid "))
    assert "171.2" in cpu
    assert cpu.endswith("≤ 60 MISSAT")
    warm = next(line for line in shown if line.startswith("check (varm) "))
    assert "EJ MÄTT" in warm


def test_the_bench_entry_point_imports() -> None:
    # `make bench` crashed on an import of a helper that had been removed from bench.report.
    import bench.run

    assert callable(bench.run.main)
