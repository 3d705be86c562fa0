"""`python -m MODULE …` for tests, without paying for Python's start and imports each time.

A fresh `python -m ledningssystem` or `python -m mkdocs build` spends over a second of CPU
starting Python and importing the engine, MkDocs and Material before the command does
anything, and the suite runs well over a hundred of them. Here one helper process per test
process imports them once and then forks a child for every command. The child is a fresh copy
of the helper, which has imported modules and done nothing else: no state of earlier commands
and none of the test process (its monkeypatches, caches, logging handlers) reaches it, as with
a subprocess. It gets the command's folder, environment and arguments, stdin from /dev/null and
its own stdout and stderr, and runs the module as `python -m` does (runpy, as __main__): its
exit code, a traceback and 1 for an uncaught exception, `sys.exit` with a message.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path

# The helper: imports what the commands need, then forks one child per request line (JSON).
_HELPER = r"""
import atexit, json, os, runpy, sys, traceback
import ledningssystem.cli, ledningssystem.website.build
import mkdocs.__main__, mkdocs.commands.build, mkdocs.contrib.search, mkdocs_macros.plugin


def run(request):
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = ["-m", *request["argv"]]  # runpy sets argv[0] to the module's file
    sys.path[0] = request["cwd"]  # as `python -m` puts the working folder first
    for fd, name, flags in ((0, os.devnull, os.O_RDONLY), (1, request["out"], os.O_WRONLY),
                            (2, request["err"], os.O_WRONLY)):
        os.dup2(os.open(name, flags), fd)
    try:
        runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as stop:
        code = stop.code
    except BaseException:
        traceback.print_exc()
        code = 1
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


for line in sys.stdin:
    request = json.loads(line)
    child = os.fork()
    if child == 0:
        run(request)
    _, status = os.waitpid(child, 0)
    sys.stdout.write(json.dumps(os.waitstatus_to_exitcode(status)) + "\n")
    sys.stdout.flush()
"""

_lock = threading.Lock()
_helper: list[subprocess.Popen[str]] = []


def run_module(
    module: str, argv: list[str], cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m MODULE ARGV…` in `cwd` with `env` (default: this process's environment)."""
    with _lock, tempfile.TemporaryDirectory() as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        out.touch()
        err.touch()
        request = {
            "module": module,
            "argv": argv,
            "cwd": str(cwd),
            "env": dict(os.environ if env is None else env),
            "out": str(out),
            "err": str(err),
        }
        helper = _started()
        assert helper.stdin is not None and helper.stdout is not None
        helper.stdin.write(json.dumps(request) + "\n")
        helper.stdin.flush()
        answer = helper.stdout.readline()
        if not answer:
            raise RuntimeError("Hjälpprocessen för kommandona avslutades oväntat.")
        return subprocess.CompletedProcess(
            [sys.executable, "-m", module, *argv],
            json.loads(answer),
            out.read_text(encoding="utf-8"),
            err.read_text(encoding="utf-8"),
        )


def _started() -> subprocess.Popen[str]:
    if not _helper or _helper[0].poll() is not None:
        helper = subprocess.Popen(
            [sys.executable, "-c", _HELPER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},  # Material warns on import
        )
        _helper[:] = [helper]
        atexit.register(_stop, helper)
    return _helper[0]


def _stop(helper: subprocess.Popen[str]) -> None:
    if helper.stdin is not None:
        helper.stdin.close()  # the helper ends at the end of its input
    helper.wait(timeout=30)
