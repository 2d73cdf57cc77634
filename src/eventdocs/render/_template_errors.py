"""A template that fails, for any reason, becomes one ``RenderError`` at its file and line.

Jinja rewrites a failing render's traceback so that template code shows as frames whose file is
the template and whose line is the template's: the innermost such frame is where it failed.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

import jinja2

from eventdocs.errors import RenderError

_MAX_DETAIL = 200


def _innermost_template_frame(
    traceback: TracebackType | None, templates_dir: Path
) -> tuple[Path, int] | None:
    found = None
    folder = templates_dir.resolve()
    while traceback is not None:
        filename = Path(traceback.tb_frame.f_code.co_filename)
        if filename.suffix == ".j2" and filename.resolve().is_relative_to(folder):
            found = filename, traceback.tb_lineno
        traceback = traceback.tb_next
    return found


def _detail(error: BaseException) -> str:
    """The exception's own words, shortened: a message may quote a whole value."""
    text = str(error) or type(error).__name__
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 1] + "…"


def _problem(error: Exception) -> str:
    if isinstance(error, jinja2.TemplateNotFound):
        return f"template not found: {error.name}"
    if isinstance(error, jinja2.UndefinedError):
        return f"template uses an undefined name: {_detail(error)}"
    if isinstance(error, RecursionError):
        return "template recursion too deep: a macro or include calls itself without end"
    if isinstance(error, jinja2.TemplateError):
        return f"template error: {_detail(error)}"
    return f"template failed: {type(error).__name__}: {_detail(error)}"


def template_failure(error: Exception, templates_dir: Path, template_name: str) -> RenderError:
    """Return the ``RenderError`` for ``error``, raised while rendering ``template_name``.

    Raises ``error`` itself when no template was running: that is a bug of ours, not the user's.
    """
    if isinstance(error, jinja2.TemplateSyntaxError):
        # Syntax errors carry their position; their traceback points into Jinja's parser.
        path = Path(error.filename) if error.filename else templates_dir / template_name
        return RenderError(f"template syntax error: {error.message}", path=path, line=error.lineno)
    frame = _innermost_template_frame(error.__traceback__, templates_dir)
    if frame is None:
        if not isinstance(error, jinja2.TemplateError):
            raise error
        return RenderError(_problem(error), path=templates_dir / template_name)
    path, line = frame
    return RenderError(_problem(error), path=path, line=line)
