"""``python -m tests.killed_build PROJECT OUT``: PROJECT built whole in OUT/0, its file-system
write steps listed in OUT/steps.txt, then built again killed at each step in turn: at step N in
OUT/N, each a fresh copy of PROJECT.

Each build runs in a fork of this process and is SIGKILLed just before its Nth write step (see
``tests.helpers``), so none of its own cleanup runs. This process builds once first, in OUT/warm:
every fork then starts from the same warm state, where a fresh interpreter would spend half a
second importing per kill point.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import traceback
from pathlib import Path

import pytest

from eventdocs.cli import main
from tests.helpers import WRITE_STEPS, fault_at_call

# A fork that raised instead of returning from main() exits with this.
_CRASHED = 70


def _kill_this_process(*args: object, **kwargs: object) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def build_in_fork(root: Path, *, kill_at: int | None, steps: Path | None = None) -> int:
    """Build the project at ``root`` in a fork killed at write step ``kill_at`` (None: never),
    writing the steps it took to ``steps`` if it lives; return the fork's wait status."""
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:
        code = _CRASHED
        try:
            calls = fault_at_call(pytest.MonkeyPatch(), WRITE_STEPS, kill_at, _kill_this_process)
            code = main(["-C", str(root), "build"])
            if steps is not None:
                steps.write_text("".join(f"{call}\n" for call in calls), "utf-8")
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    return os.waitpid(child, 0)[1]


def kill_at_every_step(project: Path, out: Path) -> None:
    """Build ``project`` whole (OUT/0), then killed at each of its write steps (OUT/N)."""
    shutil.copytree(project, out / "warm")
    if main(["-C", str(out / "warm"), "build"]) != 0:
        raise SystemExit("the project does not build")
    shutil.copytree(project, out / "0")
    status = build_in_fork(out / "0", kill_at=None, steps=out / "steps.txt")
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        raise SystemExit(f"the counted build failed (wait status {status})")
    count = len((out / "steps.txt").read_text("utf-8").splitlines())
    for step in range(1, count + 1):
        shutil.copytree(project, out / str(step))
        status = build_in_fork(out / str(step), kill_at=step)
        # A build that took fewer steps this time would finish instead of dying.
        if not os.WIFSIGNALED(status) or os.WTERMSIG(status) != signal.SIGKILL:
            raise SystemExit(f"the build meant to die at step {step} did not (status {status})")


if __name__ == "__main__":
    kill_at_every_step(Path(sys.argv[1]), Path(sys.argv[2]))
