"""The PDFs of a build, rendered in other processes while the site's pages are rendered.

WeasyPrint takes about 3 s of CPU per berättelse year, and a city's portal has ten years. No
page depends on a PDF's bytes, so the build hands each PDF's print HTML to worker processes as
soon as the content is loaded and collects the bytes after the pages are written: on two cores
or more the PDFs no longer add to the build's wall time. A PDF kept in the cache (pdf.cache) is
read, never rendered; the bytes are the same in any process (render_pdf is deterministic).
Workers are started with "spawn", not "fork": the build may have threads (make serve).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping, Sequence
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from ledningssystem.pdf.cache import read_cached, store
from ledningssystem.pdf.engine import pdf_from_html


class PdfJobs:
    """PDFs to write into a site: (site path, print HTML) each, from the cache or rendered.

    Those not in the cache start rendering at once in up to `workers` worker processes
    (spare_cores(): one core is left to the build itself); with none, `write` renders them
    in this process. The `archived` PDFs (site path → bytes) are written as they are.
    """

    def __init__(
        self,
        documents: Sequence[tuple[str, str]],
        cache: Path | None,
        workers: int = 0,
        archived: Mapping[str, bytes] | None = None,
    ) -> None:
        self._documents = dict(documents)
        self._cache = cache
        self._done = {path: read_cached(html, cache) for path, html in self._documents.items()}
        todo = [path for path, pdf in self._done.items() if pdf is None]
        self._archived = dict(archived or {})
        workers = min(len(todo), workers)
        self._pool: Pool | None = None
        self._pending: dict[str, AsyncResult[bytes]] = {}
        if workers:
            self._pool = multiprocessing.get_context("spawn").Pool(workers)
            self._pending = {
                path: self._pool.apply_async(pdf_from_html, (self._documents[path],))
                for path in todo
            }

    def write(self, site_dir: Path | str) -> list[Path]:
        """Write every PDF under `site_dir` (waiting for the workers); return the files.

        An error in a worker (SystemLibrariesMissing) is raised here, as in this process.
        """
        written = []
        try:
            for path, pdf in sorted(self._archived.items()):
                written.append(_write(Path(site_dir) / path, pdf))
            for path, html in sorted(self._documents.items()):
                written.append(_write(Path(site_dir) / path, self._pdf(path, html)))
        finally:
            self.cancel()
        return written

    def cancel(self) -> None:
        """Stop the workers (the build failed, or every PDF is written)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def _pdf(self, path: str, html: str) -> bytes:
        pdf = self._done[path]
        if pdf is None:
            pending = self._pending.get(path)
            pdf = pending.get() if pending is not None else pdf_from_html(html)
            store(html, pdf, self._cache)
        return pdf


def _write(target: Path, pdf: bytes) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    return target


def spare_cores() -> int:
    """Cores for workers: all this process may use but one, which renders the pages."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(0, cores - 1)
