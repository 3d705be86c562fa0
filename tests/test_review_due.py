"""`review-due`: overdue and due reviews per owner, in Markdown for an issue."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli
from tests.gitrepo import GitRepo, routine


def test_review_due_lists_overdue_and_due_by_owner(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "portal", today="2026-03-01", horizon=30)
    repo.write("routines/a.md", routine("a", "Rutin A", review_by="2026-02-20"))
    repo.write("routines/b.md", routine("b", "Rutin B", review_by="2026-03-31", owner="enhetschef"))
    repo.write("routines/c.md", routine("c", "Rutin C", review_by="2026-04-01"))
    result = run_cli(repo.root, "review-due", "--site-url", "https://intranat.example/ls/")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "# Dokument att revidera 2026-03-01\n\n"
        "1 försenad revidering och 1 som ska göras inom 30 dagar.\n\n"
        "## Enhetschef (@ec)\n\n"
        "- [Rutin B](https://intranat.example/ls/rutiner/b/) (rutin, version 1.0) – revideras "
        "senast 2026-03-31, om 30 dagar – `routines/b.md`\n\n"
        "## Kvalitetschef (@kc @org/kvalitet)\n\n"
        "- [Rutin A](https://intranat.example/ls/rutiner/a/) (rutin, version 1.0) – revideras "
        "senast 2026-02-20, **försenad 9 dagar** – `routines/a.md`\n"
    )
