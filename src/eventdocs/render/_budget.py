"""What one template render may cost: time, output and the size of the values it builds.

Templates arrive in pull requests too, and ``check`` renders them. The sandbox keeps them from
Python's internals; these bounds keep a loop or a repeated string from taking the machine.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from jinja2.exceptions import SecurityError

# A page renders in milliseconds; these are far beyond any honest template.
MAX_RENDER_SECONDS = 30.0
MAX_OUTPUT_CHARS = 16 * 1024 * 1024
MAX_VALUE_LENGTH = 1_000_000
MAX_EXPONENT = 256


class RenderBudgetExceeded(Exception):
    """A template went past one of the bounds of this module."""


def checked_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation that would build a value past the bounds: repeating a string or a
    list (``"x" * 10**9``), concatenating big ones, or a huge power."""
    if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
        raise SecurityError(f"exponent {right} is over the limit of {MAX_EXPONENT}")
    if operator == "*":
        for sequence, count in ((left, right), (right, left)):
            if isinstance(sequence, _SEQUENCES) and isinstance(count, int):
                _check_length(len(sequence) * count)
    if operator == "+" and isinstance(left, _SEQUENCES) and isinstance(right, type(left)):
        _check_length(len(left) + len(right))


_SEQUENCES = (str, list, tuple)


def _check_length(length: int) -> None:
    if length > MAX_VALUE_LENGTH:
        raise SecurityError(f"a value over {MAX_VALUE_LENGTH} items is not allowed")


def bounded_output(chunks: Iterable[str]) -> str:
    """Join a render's output, refusing it once it grows past ``MAX_OUTPUT_CHARS``."""
    pieces: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise RenderBudgetExceeded(f"a page over {MAX_OUTPUT_CHARS} characters")
        pieces.append(chunk)
    return "".join(pieces)


@contextmanager
def render_deadline() -> Iterator[None]:
    """Interrupt a render still running after ``MAX_RENDER_SECONDS``.

    A timer signal reaches the main thread only; elsewhere (a server's worker thread) the
    render runs unbounded in time, still bounded in output.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    seconds = MAX_RENDER_SECONDS

    def expire(signum: int, frame: FrameType | None) -> None:
        raise RenderBudgetExceeded(f"a render still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
