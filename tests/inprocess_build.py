"""`mkdocs build --strict` run inside the test process, as mkdocstrings' tests build sites.

A subprocess pays for starting Python and importing MkDocs, Material, the macros plugin and the
engine on every build; in the test process they are imported once per worker. The build is the
same one the command line runs: the same config loading, `on_startup`/`on_shutdown`, strict
mode, in the portal's folder and with the environment the command line would see. Tests that
look at the command's own output or exit code use conftest.run_mkdocs_build (a process
of its own, forked from a helper that has imported MkDocs: tests/module_runner.py).
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


class BuildFailed(AssertionError):
    """The build stopped; the message holds what MkDocs and the portal said."""


def build_in_process(config_file: Path, site_dir: Path, env: dict[str, str]) -> None:
    """Build `config_file` into `site_dir` as `mkdocs build --strict` would, or BuildFailed."""
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with _inside(config_file.parent, env), redirect_stdout(output), redirect_stderr(output):
            config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as error:
        raise BuildFailed(f"{error}\n{output.getvalue()}") from error
    finally:
        logger.removeHandler(handler)


@contextmanager
def _inside(root: Path, env: dict[str, str]) -> Iterator[None]:
    """In `root` with `env` set, as the command line runs; both restored afterwards."""
    before_cwd, before_env = Path.cwd(), dict(os.environ)
    os.chdir(root)
    os.environ.update(env)
    try:
        yield
    finally:
        os.chdir(before_cwd)
        os.environ.clear()
        os.environ.update(before_env)
